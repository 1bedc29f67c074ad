/**
 * The searching half of OTP's binary module: patterns (compiled or not), the `{scope, {Start,
 * Length}}` and other options, and the matcher behind match, matches, split and replace.
 *
 * A match is OTP's: of the patterns that match, the one that starts first, and of those that
 * start at one position the longest; `matches` goes on after the end of each match, so matches
 * never overlap.
 */
import { ErlangError } from 'erlts';
import { describe, termKind } from '../../../runtime/internal/library-api.js';

/**
 * Raises `badarg` for `binary:Fn`.
 * @param fn - the function and arity
 * @param what - what was wrong, naming the value
 */
export function badarg(fn: string, what: string): never {
  throw new ErlangError('badarg', `binary:${fn}: ${what}`);
}

/** Whether `value` is a binary (a Buffer or another Uint8Array). */
export function isBinary(value: unknown): value is Uint8Array {
  return termKind(value) === 'binary';
}

/** A binary argument as a Buffer (a view of the same bytes, not a copy). */
export function bytes(fn: string, value: unknown, name = 'Subject'): Buffer {
  if (!isBinary(value)) badarg(fn, `${name} is not a binary: ${describe(value)}`);
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** Whether `value` is a list argument (a `List` or a plain array). */
export function isListArg(value: unknown): value is readonly unknown[] {
  const kind = termKind(value);
  return kind === 'list' || kind === 'tuple';
}

/**
 * A pattern compiled by compile_pattern/1: opaque, as OTP's `{bm, Ref}` and `{ac, Ref}` are.
 * @example
 * // P = binary:compile_pattern([<<", ">>, <<";">>]), binary:split(Bin, P, [global])
 * const P = binary.compile_pattern(list(Buffer.from(', '), Buffer.from(';')));
 * binary.split(Bin, P, ['global']);
 * @see https://www.erlang.org/doc/man/binary.html#compile_pattern-1
 */
export class CompiledPattern {
  /** @internal The patterns, none of them empty. */
  readonly patterns: readonly Buffer[];
  /** @internal The patterns by their first byte, longest first. */
  readonly byFirst: ReadonlyMap<number, readonly Buffer[]>;

  /** @internal */
  constructor(patterns: readonly Buffer[]) {
    this.patterns = patterns;
    const byFirst = new Map<number, Buffer[]>();
    for (const p of patterns) {
      const first = p[0] as number;
      const list = byFirst.get(first) ?? [];
      list.push(p);
      byFirst.set(first, list);
    }
    for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
    this.byFirst = byFirst;
  }
}

/**
 * A pattern argument: a compiled pattern, a non-empty binary, or a non-empty list of them.
 * @param fn - the function and arity, for messages
 * @param value - the pattern argument
 * @returns the compiled pattern
 */
export function pattern(fn: string, value: unknown): CompiledPattern {
  if (value instanceof CompiledPattern) return value;
  const items = isBinary(value) ? [value] : isListArg(value) ? value : null;
  if (items === null || items.length === 0) {
    badarg(fn, `the pattern must be a binary or a non-empty list of binaries: ${describe(value)}`);
  }
  const patterns = items.map((p) => {
    if (!isBinary(p) || p.length === 0) badarg(fn, `a pattern is not a non-empty binary: ${describe(p)}`);
    return bytes(fn, p);
  });
  return new CompiledPattern(patterns);
}

/** Options as the functions read them; each function says which it accepts. */
export interface Options {
  /** The part searched: `[start, end)`. */
  start: number;
  end: number;
  global: boolean;
  trim: boolean;
  trimAll: boolean;
  /** Where the matched part goes into the replacement, in ascending order. */
  insert: number[];
}

type OptionName = 'scope' | 'global' | 'trim' | 'trim_all' | 'insert_replaced';

/**
 * Reads an option list. A later option overrides an earlier one, as OTP's do.
 * @param fn - the function and arity, for messages
 * @param value - the options
 * @param size - the subject's size, which a scope must fit
 * @param allowed - the options this function takes
 * @returns the options, the scope defaulting to the whole subject
 */
export function options(fn: string, value: unknown, size: number, allowed: readonly OptionName[]): Options {
  const opts: Options = { start: 0, end: size, global: false, trim: false, trimAll: false, insert: [] };
  if (!isListArg(value)) badarg(fn, `the options must be a list: ${describe(value)}`);
  const bad = (o: unknown): never => badarg(fn, `not an option of this function: ${describe(o)}`);
  for (const o of value) {
    if (o === 'global' || o === 'trim' || o === 'trim_all') {
      if (!allowed.includes(o)) bad(o);
      if (o === 'global') opts.global = true;
      else if (o === 'trim') opts.trim = true;
      else opts.trimAll = true;
      continue;
    }
    if (termKind(o) !== 'tuple' || (o as unknown[]).length !== 2) bad(o);
    const [name, arg] = o as [unknown, unknown];
    if (name === 'scope' && allowed.includes('scope')) {
      const [start, end] = scope(fn, arg, size);
      opts.start = start;
      opts.end = end;
    } else if (name === 'insert_replaced' && allowed.includes('insert_replaced')) {
      const at = typeof arg === 'number' ? [arg] : isListArg(arg) ? [...arg] : bad(o);
      if (!at.every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) bad(o);
      opts.insert = (at as number[]).sort((a, b) => a - b);
    } else bad(o);
  }
  return opts;
}

/**
 * A `{Start, Length}` part of a subject of `size` bytes, as part/2 and `{scope, ...}` take it:
 * a negative length reaches back from `Start`.
 * @returns `[start, end)`
 */
export function scope(fn: string, value: unknown, size: number): [number, number] {
  if (termKind(value) === 'tuple' && (value as unknown[]).length === 2) {
    const [pos, len] = value as [unknown, unknown];
    const r = range(pos, len, size);
    if (r !== null) return r;
  }
  return badarg(fn, `not a {Start, Length} within ${size} bytes: ${describe(value)}`);
}

/** `[start, end)` of `{Pos, Len}` within `size` bytes, or null. */
export function range(pos: unknown, len: unknown, size: number): [number, number] | null {
  if (typeof pos !== 'number' || typeof len !== 'number') return null;
  if (!Number.isSafeInteger(pos) || !Number.isSafeInteger(len)) return null;
  const end = pos + len;
  if (pos < 0 || pos > size || end < 0 || end > size) return null;
  return len >= 0 ? [pos, end] : [end, pos];
}

/**
 * The first match in `subject[start..end)`.
 * @returns `[position, length]`, or null
 */
export function matchIn(
  subject: Buffer,
  p: CompiledPattern,
  start: number,
  end: number,
): [number, number] | null {
  if (p.patterns.length === 1) {
    // One pattern: the engine's indexOf, on the part searched.
    const only = p.patterns[0] as Buffer;
    const at = subject.subarray(start, end).indexOf(only);
    return at < 0 ? null : [start + at, only.length];
  }
  for (let i = start; i < end; i++) {
    const candidates = p.byFirst.get(subject[i] as number);
    if (candidates === undefined) continue;
    for (const c of candidates) {
      if (i + c.length <= end && subject.compare(c, 0, c.length, i, i + c.length) === 0) return [i, c.length];
    }
  }
  return null;
}

/**
 * Every match in `subject[start..end)`, none overlapping.
 * @returns `[position, length]` of each, in order
 */
export function matchesIn(
  subject: Buffer,
  p: CompiledPattern,
  start: number,
  end: number,
): [number, number][] {
  const out: [number, number][] = [];
  for (let at = start; at < end;) {
    const m = matchIn(subject, p, at, end);
    if (m === null) break;
    out.push(m);
    at = m[0] + m[1];
  }
  return out;
}
