/**
 * unicode:chardata() in its three JS forms, read into code points and written back in the
 * caller's form.
 *
 * OTP's string module keeps the caller's form: a binary in, binaries out; a list in, lists out.
 * erlts adds a third form, the JS string, which is Erlang's string literal: `'héllo'` is
 * `"héllo"`, a list of code points, and results come back as JS strings. A list (a `List` or a
 * plain array) may nest lists, binaries (UTF-8) and JS strings, as chardata nests; the functions
 * read it flat and answer with flat lists of code points where OTP would build its answer from
 * the nested pieces (docs/DEVIATIONS.md).
 */
import { ErlangError } from 'erlts';
import { describe, termKind, toList } from '../../../runtime/internal/library-api.js';

/** Which form the caller's chardata came in, and so the form of the results. */
export type Form = 'string' | 'list' | 'binary';

/** Chardata read into code points. */
export interface Text {
  readonly form: Form;
  readonly cps: number[];
}

/** OTP's reason when a function meets a value that is no chardata, made from that value. */
export type BadReason = (value: unknown) => unknown;

/** The reason of a function whose clauses do not match: `function_clause`. */
const functionClause: BadReason = () => 'function_clause';

/**
 * Raises `reason` for `string:Fn`, naming what was wrong.
 * @param fn - the function and arity, e.g. `'pad/3'`
 * @param reason - the Erlang reason
 * @param what - what was wrong, naming the value
 */
export function fail(fn: string, reason: unknown, what: string): never {
  throw new ErlangError(reason, `string:${fn}: ${what}`);
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const surrogates = /[\ud800-\udfff]/;

/** The code points of a JS string (a lone surrogate is one code point, as codePointAt says). */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  if (!surrogates.test(s)) {
    for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
    return out;
  }
  for (const ch of s) out.push(ch.codePointAt(0) ?? 0);
  return out;
}

/**
 * A JS string of `cps[start..end)`, built in chunks: spreading a long array into
 * String.fromCodePoint would exceed the engine's argument limit.
 */
export function stringOf(cps: readonly number[], start = 0, end = cps.length): string {
  let out = '';
  for (let i = start; i < end; i += 4096) {
    out += String.fromCodePoint(...cps.slice(i, Math.min(end, i + 4096)));
  }
  return out;
}

/** Decodes strict UTF-8, or returns undefined. */
export function decodeUtf8(bytes: Uint8Array): number[] | undefined {
  try {
    return codePoints(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

/** Whether `c` is a character a list may hold: a Unicode scalar value. */
function isChar(c: unknown): c is number {
  return (
    typeof c === 'number' && Number.isInteger(c) && c >= 0 && c <= 0x10ffff && (c < 0xd800 || c > 0xdfff)
  );
}

/**
 * Reads chardata into code points.
 * @param fn - the function and arity, for messages
 * @param value - a JS string, a binary, or a list of code points and nested chardata
 * @param bad - OTP's reason when `value` is no chardata
 * @returns the form and the code points
 */
export function readText(fn: string, value: unknown, bad: BadReason = functionClause): Text {
  if (typeof value === 'string') return { form: 'string', cps: codePoints(value) };
  const kind = termKind(value);
  if (kind === 'binary') {
    const cps = decodeUtf8(value as Uint8Array);
    if (cps === undefined) fail(fn, ['badarg', value], `not valid UTF-8: ${describe(value)}`);
    return { form: 'binary', cps };
  }
  if (kind === 'list' || kind === 'tuple') {
    const cps = flatten(fn, value as readonly unknown[]);
    if (cps === undefined) {
      fail(fn, bad(value), `not chardata (characters, binaries and nested lists): ${describe(value)}`);
    }
    return { form: 'list', cps };
  }
  fail(fn, bad(value), `not chardata (a string, a binary or a list of characters): ${describe(value)}`);
}

/**
 * The code points of nested chardata, depth first with a stack of its own (nesting however deep
 * cannot run the JS stack out; a list that contains itself is no chardata).
 */
function flatten(fn: string, top: readonly unknown[]): number[] | undefined {
  const out: number[] = [];
  const path = new Set<readonly unknown[]>([top]);
  const stack: { list: readonly unknown[]; next: number }[] = [{ list: top, next: 0 }];
  for (;;) {
    const frame = stack[stack.length - 1];
    if (frame === undefined) return out;
    if (frame.next === frame.list.length) {
      stack.pop();
      path.delete(frame.list);
      continue;
    }
    const item: unknown = frame.list[frame.next++];
    if (isChar(item)) out.push(item);
    else if (typeof item === 'string') for (const c of codePoints(item)) out.push(c);
    else if (typeof item === 'bigint' && isChar(Number(item))) out.push(Number(item));
    else if (Array.isArray(item) && !path.has(item)) {
      path.add(item);
      stack.push({ list: item, next: 0 });
    } else if (termKind(item) === 'binary') {
      const cps = decodeUtf8(item as Uint8Array);
      if (cps === undefined) fail(fn, ['badarg', item], `not valid UTF-8: ${describe(item)}`);
      for (const c of cps) out.push(c);
    } else return undefined;
  }
}

/**
 * Writes code points in a form.
 * @param form - the caller's form
 * @param cps - the code points
 * @param start - the first index
 * @param end - one past the last index
 * @returns a JS string, a `List` of code points or a UTF-8 Buffer
 */
export function write(form: Form, cps: readonly number[], start = 0, end = cps.length): unknown {
  switch (form) {
    case 'string':
      return stringOf(cps, start, end);
    case 'list':
      return toList(cps.slice(start, end));
    case 'binary':
      return Buffer.from(stringOf(cps, start, end), 'utf8');
  }
}

/** An empty result in a form: `''`, `[]` or `<<>>`. */
export function empty(form: Form): unknown {
  return write(form, []);
}

/**
 * A grapheme cluster as a value in a form: in a JS string's form the JS string of it; else
 * OTP's grapheme_cluster(), a code point, or a list of code points when it has several.
 */
export function graphemeTerm(form: Form, cps: readonly number[], start: number, end: number): unknown {
  if (form === 'string') return stringOf(cps, start, end);
  if (end - start === 1) return cps[start];
  return toList(cps.slice(start, end));
}

/**
 * A piece of chardata that goes into a list result as the caller gave it (a replacement, a pad
 * character): a JS string becomes its list of code points, since a JS string inside a list
 * would be an atom to the rest of erlts.
 */
export function asListElement(value: unknown): unknown {
  return typeof value === 'string' ? toList(codePoints(value)) : value;
}
