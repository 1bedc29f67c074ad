/**
 * Receive patterns: the values `on(...)` is given, how a message is tested
 * against them, and the TypeScript type a pattern gives its clause's body.
 *
 * A pattern is an ordinary value. `_` matches anything; strings, numbers,
 * booleans, bigints, null and undefined match by `===`; arrays match arrays of
 * the same length element by element; binaries (Buffers) match by bytes; a
 * map (a plain object or a JS Map, as terms.ts's termKind says) matches a map
 * having each of its keys with a matching value (as an Erlang map pattern), and
 * also an Error or class instance having them as own properties; `is(pred)`
 * matches what `pred` accepts; an improper list (an ImproperList, such as OTP's call tag
 * `[alias | Ref]`) matches an improper list element by element and tail by tail; any other
 * object (Pid, Ref, Port, Socket, ...) matches itself only. A map pattern never matches a tuple, list, binary, pid
 * or other term that is not a map. A binary pattern made by `bin` (bits/) matches the binaries
 * it matches, and in what the match gives, its place holds its bindings (see {@link bindIn}).
 */
import { type BinPattern, isBinPattern, matchBinary } from './bits/index.js';
import { ErlangError, badarg, describe } from './errors.js';
import { ImproperList, Pid, Port, Ref, isList, mapGet, mapPairs, termKind, toList } from './terms.js';

/**
 * The wildcard pattern, Erlang's `_`: matches any value and binds nothing.
 * @example
 * // receive {tcp, Sock, _} -> ok end
 * await receive(on(['tcp', Sock, _], () => 'ok'));
 * @see https://www.erlang.org/doc/reference_manual/patterns.html
 */
export const _: unique symbol = Symbol.for('erlts._') as never;
/** The type of the wildcard pattern. */
export type Wildcard = typeof _;

const predicateBrand = Symbol('erlts.is');

/** A pattern that matches whatever its predicate accepts; made by {@link is}. */
export interface Is<T> {
  readonly [predicateBrand]: (value: unknown) => boolean;
  /** Phantom: the type a match narrows to. */
  readonly __type?: T;
}

/**
 * A pattern matching any value `predicate` accepts, as a type test in a `when` guard; a type
 * guard (`is_pid`, `is_integer`, ...) narrows the clause body's argument.
 * @param predicate - a function of the value: `true` is a match; anything else, or an exception,
 *   is none, as a guard that fails or raises; a predicate that is not a function raises badarg
 * @returns the pattern, for a place in {@link on}'s pattern
 * @example
 * // receive {ping, From} when is_pid(From) -> From ! pong end
 * await receive(on(['ping', is(is_pid)], ([, From]) => send(From, 'pong')));
 * @see https://www.erlang.org/doc/reference_manual/expressions.html#guard-sequences
 */
export function is<T>(predicate: (value: unknown) => value is T): Is<T>;
export function is(predicate: (value: unknown) => boolean): Is<unknown>;
export function is(predicate: (value: unknown) => boolean): Is<unknown> {
  if (typeof predicate !== 'function') {
    badarg('is/1', `the predicate must be a function, got ${describe(predicate)}`);
  }
  return { [predicateBrand]: predicate };
}

/** The type of the values a pattern `P` matches. */
export type Match<P> = P extends Wildcard
  ? unknown
  : P extends Is<infer T>
    ? T
    : P extends BinPattern<infer B>
      ? B
      : P extends Pid | Ref | Port | Buffer | ImproperList
        ? P
        : P extends readonly unknown[]
          ? { -readonly [K in keyof P]: Match<P[K]> }
          : P extends string | number | boolean | bigint | null | undefined
            ? P
            : P extends (...args: never[]) => unknown
              ? P
              : P extends object
                ? { -readonly [K in keyof P]: Match<P[K]> } & Record<PropertyKey, unknown>
                : unknown;

/** A map pattern is what the classifier calls a map: a plain object or a JS Map. */
function isMapPattern(value: object): boolean {
  return termKind(value) === 'map';
}

/**
 * The value under `key` in `value`, as a map pattern looks it up: in a map by
 * term equality; in an Error or a class instance by its own properties, so
 * `{ code: 'EPIPE' }` matches a Node error.
 */
function lookUp(value: object, key: unknown): [unknown] | [] {
  if (termKind(value) === 'map') return mapGet(value, key);
  if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(value, key)) return [];
  return [(value as Record<string, unknown>)[key]];
}

/** Whether `value` matches `pattern` (see the module comment for the rules). */
export function matches(pattern: unknown, value: unknown): boolean {
  if (pattern === _) return true;
  if (pattern === value) return true;
  if (typeof pattern !== 'object' || pattern === null) {
    // A float pattern (1.5) matches a boxed float of its value; an integer (1) never matches one
    // (1 = 1.0 fails in Erlang). NaN never equals itself, in Erlang floats as here.
    return typeof pattern === 'number' && value instanceof Number && sameFloat(pattern, value);
  }
  if (Array.isArray(pattern)) {
    if (!Array.isArray(value) || value.length !== pattern.length) return false;
    for (let i = 0; i < pattern.length; i++) {
      if (!matches(pattern[i], value[i])) return false;
    }
    return true;
  }
  if (predicateBrand in pattern) {
    try {
      return (pattern as Is<unknown>)[predicateBrand](value) === true;
    } catch {
      // A guard that raises is false, as in Erlang.
      return false;
    }
  }
  if (isBinPattern(pattern)) return matchBinary(pattern, value) !== null;
  if (pattern instanceof ImproperList) {
    if (!(value instanceof ImproperList) || value.head.length !== pattern.head.length) return false;
    for (let i = 0; i < pattern.head.length; i++) {
      if (!matches(pattern.head[i], value.head[i])) return false;
    }
    return matches(pattern.tail, value.tail);
  }
  const kind = termKind(pattern);
  if (kind === 'float') return sameFloat(pattern, value);
  if (kind === 'binary') {
    return termKind(value) === 'binary' && Buffer.compare(pattern as Uint8Array, value as Uint8Array) === 0;
  }
  if (kind === 'map') {
    const valueKind = termKind(value);
    if (valueKind !== 'map' && valueKind !== 'error' && valueKind !== 'object') return false;
    try {
      for (const [key, sub] of mapPairs(pattern)) {
        const found = lookUp(value as object, key);
        if (found.length === 0 || !matches(sub, found[0])) return false;
      }
      return true;
    } catch (e) {
      // A getter or Proxy trap of the message that throws: no match, as a guard that raises.
      if (e instanceof RangeError) throw e;
      return false;
    }
  }
  return false;
}

/** Whether a float pattern (a number or a boxed float) matches `value`, a float of its value. */
function sameFloat(pattern: unknown, value: unknown): boolean {
  return termKind(pattern) === 'float' && termKind(value) === 'float' && Number(pattern) === Number(value);
}

/** Whether `pattern` holds a binary pattern somewhere, so a match must {@link bindIn}. */
export function hasBinPattern(pattern: unknown): boolean {
  if (typeof pattern !== 'object' || pattern === null) return false;
  if (isBinPattern(pattern)) return true;
  if (Array.isArray(pattern)) return pattern.some(hasBinPattern);
  if (predicateBrand in pattern || !isMapPattern(pattern)) return false;
  return mapPairs(pattern).some(([, sub]) => hasBinPattern(sub));
}

/**
 * What a match of `value` by `pattern` gives when the pattern holds binary patterns: `value`
 * with each place a binary pattern matched holding that match's bindings, so
 * `[_, bin\`Len:32, Rest/binary\`]` gives `[tag, { Len, Rest }]`. Elsewhere `value` is
 * unchanged; arrays and maps on the way to a binary pattern are copied, never changed.
 * `value` must match `pattern`.
 */
export function bindIn(pattern: unknown, value: unknown): unknown {
  if (typeof pattern !== 'object' || pattern === null) return value;
  if (isBinPattern(pattern)) return matchBinary(pattern, value);
  if (Array.isArray(pattern)) {
    if (!hasBinPattern(pattern)) return value;
    const bound = (value as unknown[]).map((element, i) => bindIn(pattern[i], element));
    // A list stays a list (map gives a plain array, a tuple).
    return isList(value) ? toList(bound) : bound;
  }
  if (predicateBrand in pattern || !isMapPattern(pattern) || !hasBinPattern(pattern)) return value;
  const bound = mapPairs(pattern).filter(([, sub]) => hasBinPattern(sub));
  if (value instanceof Map) {
    const copy = new Map(value);
    for (const [key, sub] of bound) {
      for (const k of copy.keys()) if (matches(key, k)) copy.set(k, bindIn(sub, copy.get(k)));
    }
    return copy;
  }
  const copy = Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as object, value);
  for (const [key, sub] of bound) {
    const record = copy as Record<string, unknown>;
    record[key as string] = bindIn(sub, record[key as string]);
  }
  return copy;
}

/**
 * The reference and the pid a message must contain to match `pattern` (null where none). A
 * receive whose every clause requires the same fresh ref — or the pid of a process just
 * started, which proc_lib marks — can skip all messages that arrived before it was made (see
 * Mailbox.mark and clauses.ts commonRef).
 */
export function requiredIds(pattern: unknown): [Ref | null, Pid | null] {
  const found: [Ref | null, Pid | null] = [null, null];
  collectIds(pattern, found);
  return found;
}

/** Records in `found` the first ref and the first pid `pattern` holds, depth first, in one walk. */
function collectIds(pattern: unknown, found: [Ref | null, Pid | null]): void {
  if (typeof pattern !== 'object' || pattern === null) return;
  if (pattern instanceof Ref) {
    found[0] ??= pattern;
  } else if (pattern instanceof Pid) {
    found[1] ??= pattern;
  } else if (Array.isArray(pattern)) {
    for (let i = 0; i < pattern.length && (found[0] === null || found[1] === null); i++) {
      collectIds(pattern[i], found);
    }
  } else if (pattern instanceof ImproperList) {
    for (const element of pattern.head) collectIds(element, found);
    collectIds(pattern.tail, found);
  } else if (!(pattern instanceof Port) && isMapPattern(pattern)) {
    for (const [, sub] of mapPairs(pattern)) collectIds(sub, found);
  }
}

/** Raised for a clause list that is not one: names the bad argument. */
export function badClause(position: number, value: unknown): never {
  throw new ErlangError(
    'badarg',
    `receive/1: argument ${position} must be a clause made by on(...) or after(...), got ${describe(value)}`,
  );
}
