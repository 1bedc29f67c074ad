/**
 * Receive clauses: `on(pattern, guard?, body?)` and `after(ms, body?)`, and
 * the test of a message against a clause list.
 */
import { ErlangError, badarg, describe } from './errors.js';
import { type Match, bindIn, hasBinPattern, matches, requiredIds } from './pattern.js';
import type { Pid, Ref } from './terms.js';

const clauseBrand = Symbol('erlts.clause');

/** A message clause, made by {@link on}. */
export interface Clause<M = unknown, R = unknown> {
  readonly [clauseBrand]: 'on';
  readonly pattern: unknown;
  readonly guard: ((msg: M) => boolean) | null;
  readonly body: ((msg: M) => R) | null;
}

/** The timeout clause, made by {@link after}. */
export interface AfterClause<R = unknown> {
  readonly [clauseBrand]: 'after';
  readonly ms: number;
  readonly body: (() => R) | null;
}

/** A clause for message `M`, for typing `receive`'s result. */
export type AnyClause = Clause<never, unknown> | AfterClause;

/**
 * A receive clause: messages matching `pattern` (and `guard`, if given) are
 * taken; `body` is called with the message and its result is receive's result.
 * Without a body the message itself is the result. Where the pattern holds a binary pattern
 * (`bin`), guard, body and result see that place's bindings instead of the binary.
 * @param pattern - see the pattern rules: `_`, literals, arrays, objects, `is(pred)`
 * @param guard - optional, like an Erlang `when` guard; an exception in it counts as false
 * @param body - optional, called as the receiving process
 * @returns the clause, for {@link receive}; a guard or body that is not a function raises badarg
 * @example
 * // receive
 * //   {tcp, S, Data} -> handle(Data);
 * //   {count, N} when is_integer(N), N > 0 -> N
 * // end
 * await receive(
 *   on(['tcp', S, _], ([, , Data]) => handle(Data)),
 *   on(['count', is(is_integer)], ([, N]) => N > 0, ([, N]) => N),
 * );
 * @see https://www.erlang.org/doc/reference_manual/expressions.html#receive
 */
export function on<const P>(pattern: P): Clause<Match<P>, Match<P>>;
export function on<const P, R>(pattern: P, body: (msg: Match<P>) => R): Clause<Match<P>, R>;
export function on<const P, R>(
  pattern: P,
  guard: (msg: Match<P>) => boolean,
  body: (msg: Match<P>) => R,
): Clause<Match<P>, R>;
export function on(
  pattern: unknown,
  guardOrBody?: (msg: unknown) => unknown,
  body?: (msg: unknown) => unknown,
): Clause {
  if (guardOrBody !== undefined && typeof guardOrBody !== 'function') {
    badarg('on/2', `the clause body must be a function, got ${describe(guardOrBody)}`);
  }
  if (body !== undefined && typeof body !== 'function') {
    badarg('on/3', `the clause body must be a function, got ${describe(body)}`);
  }
  let guard = body === undefined ? null : (guardOrBody as (msg: unknown) => boolean);
  let run = body ?? guardOrBody ?? null;
  if (hasBinPattern(pattern)) {
    // Guard and body see the bindings of the pattern's binary patterns in their places.
    const test = guard;
    const then = run;
    if (test !== null) guard = (msg) => test(bindIn(pattern, msg));
    run = then === null ? (msg) => bindIn(pattern, msg) : (msg) => then(bindIn(pattern, msg));
  }
  return { [clauseBrand]: 'on', pattern, guard, body: run };
}

/** Erlang's largest `after` timeout, 2^32 - 1 ms. */
const maxTimeout = 0xffff_ffff;

/**
 * The `after` clause: if no message matches within `ms` milliseconds, `body`
 * runs and its result is receive's result (`'timeout'` without a body).
 * `0` only looks at what is already queued; `Infinity` waits forever.
 * @param ms - the timeout in milliseconds, an integer from 0 to 4294967295, or `Infinity` (Erlang's
 *   `infinity`); anything else raises `timeout_value`, as Erlang's `after` does
 * @param body - optional, called as the receiving process when the time is up
 * @returns the clause, which must be the last argument of {@link receive}; a body that is not a
 *   function raises badarg
 * @example
 * // receive {reply, R} -> R after 5000 -> timeout end
 * await receive(
 *   on(['reply', _], ([, R]) => R),
 *   after(5000, () => 'timeout'),
 * );
 * @see https://www.erlang.org/doc/reference_manual/expressions.html#receive
 */
export function after<R = 'timeout'>(ms: number, body?: () => R): AfterClause<R> {
  if (ms !== Infinity && (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > maxTimeout)) {
    throw new ErlangError(
      'timeout_value',
      `after/2: the timeout must be an integer from 0 to ${maxTimeout} or Infinity, got ${describe(ms)}`,
    );
  }
  if (body !== undefined && typeof body !== 'function') {
    badarg('after/2', `the body must be a function, got ${describe(body)}`);
  }
  return { [clauseBrand]: 'after', ms, body: body ?? null };
}

/** Whether `value` is a clause from {@link on}. */
export function isClause(value: unknown): value is Clause {
  return typeof value === 'object' && value !== null && (value as Clause)[clauseBrand] === 'on';
}

/** Whether `value` is a clause from {@link after}. */
export function isAfter(value: unknown): value is AfterClause {
  return typeof value === 'object' && value !== null && (value as AfterClause)[clauseBrand] === 'after';
}

/** Matches every message: what `receive()` with no clauses waits with. */
export const anyMessage: readonly Clause[] = [on(Symbol.for('erlts._'))];

/** The first clause of `clauses` that takes `msg`, or null. */
export function firstMatch(clauses: readonly Clause[], msg: unknown): Clause | null {
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i] as Clause;
    if (!matches(clause.pattern, msg)) continue;
    if (clause.guard !== null) {
      let ok: unknown;
      try {
        ok = clause.guard(msg);
      } catch {
        ok = false;
      }
      if (ok !== true) continue;
    }
    return clause;
  }
  return null;
}

/** The ref every clause requires, if they all require the same one. */
export function commonRef(clauses: readonly Clause[]): Ref | Pid | null {
  let ref: Ref | null = null;
  let pid: Pid | null = null;
  let first = true;
  for (const clause of clauses) {
    const [r, p] = requiredIds(clause.pattern);
    if (first) {
      ref = r;
      pid = p;
      first = false;
    } else {
      if (r !== ref) ref = null;
      if (p !== pid) pid = null;
    }
    if (ref === null && pid === null) return null;
  }
  return ref ?? pid;
}
