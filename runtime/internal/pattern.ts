/**
 * Receive patterns: the values `on(...)` is given, how a message is tested
 * against them, and the TypeScript type a pattern gives its clause's body.
 *
 * A pattern is an ordinary value. `_` matches anything; strings, numbers,
 * booleans, bigints, null and undefined match by `===`; arrays match arrays of
 * the same length element by element; Buffers match by bytes; a plain object
 * matches any object having each of its keys with a matching value (as an
 * Erlang map pattern); `is(pred)` matches what `pred` accepts; any other object
 * (Pid, Ref, Port, Socket, ...) matches itself only.
 */
import { ErlangError, badarg, describe } from './errors.js';
import { Pid, Port, Ref } from './terms.js';

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
 * A pattern matching any value `predicate` accepts; a type guard narrows the
 * clause body's argument.
 * @example
 * // receive {ping, From} when is_pid(From) -> ...
 * on(['ping', is(is_pid)], ([, from]) => send(from, 'pong'))
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
    : P extends Pid | Ref | Port | Buffer
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

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Whether `value` matches `pattern` (see the module comment for the rules). */
export function matches(pattern: unknown, value: unknown): boolean {
  if (pattern === _) return true;
  if (pattern === value) return true;
  if (typeof pattern !== 'object' || pattern === null) {
    // NaN never equals itself, in Erlang floats as here.
    return false;
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
  if (Buffer.isBuffer(pattern)) return Buffer.isBuffer(value) && pattern.equals(value);
  if (isPlainObject(pattern)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    for (const key of Object.keys(pattern)) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
      if (!matches((pattern as Record<string, unknown>)[key], (value as Record<string, unknown>)[key])) {
        return false;
      }
    }
    return true;
  }
  return false;
}

/**
 * The reference a message must contain to match `pattern`, if there is one.
 * A receive whose every clause requires the same fresh ref can skip all
 * messages that arrived before the ref was made (see Mailbox.mark).
 */
export function requiredRef(pattern: unknown): Ref | null {
  if (pattern instanceof Ref) return pattern;
  if (typeof pattern !== 'object' || pattern === null) return null;
  if (Array.isArray(pattern)) {
    for (const element of pattern) {
      const ref = requiredRef(element);
      if (ref !== null) return ref;
    }
    return null;
  }
  if (isPlainObject(pattern)) {
    for (const key of Object.keys(pattern)) {
      const ref = requiredRef((pattern as Record<string, unknown>)[key]);
      if (ref !== null) return ref;
    }
  }
  return null;
}

/** Raised for a clause list that is not one: names the bad argument. */
export function badClause(position: number, value: unknown): never {
  throw new ErlangError(
    'badarg',
    `receive/1: argument ${position} must be a clause made by on(...) or after(...), got ${describe(value)}`,
  );
}
