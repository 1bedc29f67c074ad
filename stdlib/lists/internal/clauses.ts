/**
 * How the stdlib ports fail the way OTP's Erlang code fails. A port mirrors the clauses of the
 * Erlang function it ports, so its errors are the ones those clauses raise: `function_clause`
 * when no clause head matches, `{case_clause, V}` when a `case` has no branch for V (a fun that
 * returned neither `true` nor `false`), `{badmatch, V}`, `{badfun, F}`, `badarith`, and
 * `badarg` from the BIFs (`++`, `length/1`, `element/2`). Each message names the call and the
 * value, printed in Erlang syntax.
 *
 * Also here: the views of arguments every port needs (an array is a list wherever a list is
 * expected, DESIGN §2), Erlang's comparison operators over term order, and integer arithmetic
 * that stays exact past 2^53 (Erlang integers are unbounded; erlts switches to bigint).
 */
import { ErlangError } from 'erlts';
import {
  List,
  badarg,
  compareTerms,
  describe,
  termEquals,
  termKind,
} from '../../../runtime/internal/library-api.js';

/** `function_clause`: no clause of `fn` (`'lists:nth'`) matches `args`. */
export function functionClause(fn: string, ...args: unknown[]): never {
  throw new ErlangError(
    'function_clause',
    `no function clause matching ${fn}(${args.map((a) => describe(a)).join(', ')})`,
  );
}

/** `{case_clause, Value}`: a `case` in `fn` has no branch for `value`. */
export function caseClause(fn: string, value: unknown): never {
  throw new ErlangError(['case_clause', value], `${fn}: no case clause matching ${describe(value)}`);
}

/** `{badmatch, Value}`: a match in `fn` (`{R, Acc} = F(X, Acc0)`) failed. */
export function badmatch(fn: string, expected: string, value: unknown): never {
  throw new ErlangError(
    ['badmatch', value],
    `${fn}: no match of right hand side value ${describe(value)} (expected ${expected})`,
  );
}

/** `{bad_generator, Value}`: a list comprehension in `fn` was given a non-list. */
export function badGenerator(fn: string, value: unknown): never {
  throw new ErlangError(['bad_generator', value], `${fn}: bad generator ${describe(value)}: not a list`);
}

/** `{bad_filter, Value}`: a list comprehension filter in `fn` gave a non-boolean. */
export function badFilter(fn: string, value: unknown): never {
  throw new ErlangError(['bad_filter', value], `${fn}: bad filter ${describe(value)}: not true or false`);
}

/** `badarith`: `a op b` in `fn` has a non-number operand (or overflows a float). */
export function badarith(fn: string, a: unknown, op: string, b: unknown): never {
  throw new ErlangError(
    'badarith',
    `${fn}: an error occurred when evaluating an arithmetic expression: ${describe(a)} ${op} ${describe(b)}`,
  );
}

/** `badarg` from `A ++ B` with a non-list `A`. */
export function appendBadarg(fn: string, a: unknown): never {
  return badarg(fn, `the left operand of ++ is not a list: ${describe(a)}`);
}

/**
 * The one place erlts cannot follow OTP: the result would be an improper list (`[1 | a]`),
 * which has no JS form (DESIGN §2). Raised as `badarg` naming the tail (docs/DEVIATIONS.md).
 */
export function improperList(fn: string, tail: unknown): never {
  return badarg(
    fn,
    `the result would be an improper list ending in ${describe(tail)}, which erlts cannot represent`,
  );
}

/** Calls the fun `f` as Erlang applies a fun: anything but a function raises `{badfun, F}`. */
export function apply(fn: string, f: unknown, ...args: unknown[]): unknown {
  if (typeof f !== 'function') {
    throw new ErlangError(['badfun', f], `${fn}: bad function ${describe(f)}`);
  }
  return (f as (...a: unknown[]) => unknown)(...args);
}

/** Whether `f` passes the guard `is_function(F, N)` (JS functions have no reliable arity). */
export function isFun(f: unknown): f is (...args: never[]) => unknown {
  return typeof f === 'function';
}

/** Whether `x` is a list argument: any array (DESIGN §2: arrays are accepted as lists). */
export function isListArg(x: unknown): x is readonly unknown[] {
  return Array.isArray(x);
}

/**
 * `items` as a new List without the element at `at` (none left out for -1). Not `splice`: on a
 * List (an Array subclass with its own species) V8 takes a slow path, some microseconds a call.
 */
export function listWithout<T>(items: readonly T[], at: number): List<T> {
  const out = new List<T>();
  for (let i = 0; i < items.length; i++) if (i !== at) out.push(items[i]!);
  return out;
}

/** Whether `x` is a tuple (an array that is not a List). */
export function isTuple(x: unknown): x is readonly unknown[] {
  return termKind(x) === 'tuple';
}

/** Whether `x` is a list element that is a list (a List; a plain array inside a list is a tuple). */
export function isListTerm(x: unknown): x is readonly unknown[] {
  return termKind(x) === 'list';
}

/** Whether `x` is the atom `true` (`true` or `'true'`). */
export function isTrue(x: unknown): boolean {
  return x === true || x === 'true';
}

/** Whether `x` is the atom `false` (`false` or `'false'`). */
export function isFalse(x: unknown): boolean {
  return x === false || x === 'false';
}

/**
 * The branch a boolean fun's result selects, as `case Pred(X) of true -> ...; false -> ... end`:
 * anything else raises `{case_clause, V}`.
 */
export function truth(fn: string, v: unknown): boolean {
  if (isTrue(v)) return true;
  if (isFalse(v)) return false;
  return caseClause(fn, v);
}

/** Whether `x` is an Erlang integer (a safe-integer number or a bigint). */
export function isInteger(x: unknown): x is number | bigint {
  return termKind(x) === 'integer';
}

/** `A =< B` in term order. */
export function le(a: unknown, b: unknown): boolean {
  return compareTerms(a, b) <= 0;
}

/** `A < B` in term order. */
export function lt(a: unknown, b: unknown): boolean {
  return compareTerms(a, b) < 0;
}

/** `A == B` as term order sees it: what the sorts and merges compare with, next to `<`. */
export function eq(a: unknown, b: unknown): boolean {
  return compareTerms(a, b) === 0;
}

/**
 * `A == B` for looking a key up (keyfind, keydelete, ...): `=:=`, except that an integer and a
 * float of the same value are equal (in JS they differ only past 2^53: a bigint and a float),
 * also inside tuples, lists and maps. Unlike term order's equality it never finds two
 * different JS-only values (class instances, sockets) equal.
 */
export function keyEq(a: unknown, b: unknown): boolean {
  if (termEquals(a, b)) return true;
  const ka = termKind(a);
  const kb = termKind(b);
  if ((ka === 'integer' || ka === 'float') && (kb === 'integer' || kb === 'float')) {
    return compareTerms(a, b) === 0;
  }
  if ((ka === 'tuple' && kb === 'tuple') || (ka === 'list' && kb === 'list')) {
    const x = a as readonly unknown[];
    const y = b as readonly unknown[];
    return x.length === y.length && x.every((e, i) => keyEq(e, y[i]));
  }
  if (ka === 'map' && kb === 'map') return compareTerms(a, b) === 0;
  return false;
}

/** `element(N, T)` where OTP evaluates it in a body: `badarg` unless T is a tuple with an Nth element. */
export function element(fn: string, n: number, t: unknown): unknown {
  if (isTuple(t) && n >= 1 && n <= t.length) return t[n - 1];
  return badarg(fn, `element(${n}, ${describe(t)}): not a tuple of at least ${n} elements`);
}

/** Whether `element(N, T)` in a guard succeeds: T is a tuple with an Nth element. */
export function hasElement(n: number, t: unknown): t is readonly unknown[] {
  return isTuple(t) && n >= 1 && n <= t.length;
}

/**
 * An integer argument as a JS number when it passes `is_integer(X), X >= min`, else null. A
 * bigint past 2^53 is returned as Infinity: no list is that long, which is all the callers ask.
 */
export function countArg(x: unknown, min: number): number | null {
  if (typeof x === 'number') return Number.isSafeInteger(x) && x >= min ? x : null;
  if (typeof x === 'bigint') {
    if (x < BigInt(min)) return null;
    return x > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(x);
  }
  return null;
}

/** An integer result: a number while it is safe, else a bigint (Erlang integers are unbounded). */
export function normalizeInteger(x: bigint): number | bigint {
  return x >= BigInt(Number.MIN_SAFE_INTEGER) && x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x;
}

/** Integer `a + b`, exact past 2^53. */
export function addIntegers(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (Number.isSafeInteger(s)) return s;
  }
  return normalizeInteger(BigInt(a) + BigInt(b));
}

/** Integer `a * b`, exact past 2^53. */
export function multiplyIntegers(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const p = a * b;
    if (Number.isSafeInteger(p)) return p;
  }
  return normalizeInteger(BigInt(a) * BigInt(b));
}

/** Erlang's `A + B` over numbers: integers stay exact, a float operand makes a float. */
export function plus(fn: string, a: unknown, b: unknown): number | bigint {
  const ka = termKind(a);
  const kb = termKind(b);
  if ((ka !== 'integer' && ka !== 'float') || (kb !== 'integer' && kb !== 'float')) {
    return badarith(fn, a, '+', b);
  }
  if (ka === 'integer' && kb === 'integer') return addIntegers(a as number | bigint, b as number | bigint);
  const s = Number(a) + Number(b);
  // Erlang floats have no infinity: overflow is an arithmetic error.
  if (!Number.isFinite(s)) return badarith(fn, a, '+', b);
  return s;
}
