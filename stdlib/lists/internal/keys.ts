/**
 * OTP 25's functions over lists of tuples keyed on their Nth element: keydelete, keyfind,
 * keymap, keymember, keyreplace, keysearch, keystore, keytake. (keysort, ukeysort and the key
 * merges are in sorting.ts.)
 *
 * Keys compare with `==`, as OTP's do: an integer and a float of the same value are one key
 * (clauses.ts `keyEq`). Elements that are not tuples, or are too short to have an Nth element,
 * are skipped, as OTP's guards `element(N, H) == Key` skip them. Tuples are plain arrays; a
 * List in the list is a list, not a tuple, so it is skipped too.
 */
import { List, badarg, describe, toList } from '../../../runtime/internal/library-api.js';
import {
  apply,
  countArg,
  functionClause,
  hasElement,
  isFun,
  isListArg,
  isTuple,
  keyEq,
  listWithout,
} from './clauses.js';

/** The tuples among a list's element type (any tuple when the element type says nothing). */
export type TupleOf<T> = unknown extends T ? readonly unknown[] : Extract<T, readonly unknown[]>;

/** The index of the first tuple whose Nth element is `== key`, or -1. */
function findKey(key: unknown, n: number, list: readonly unknown[]): number {
  return list.findIndex((t) => hasElement(n, t) && keyEq(t[n - 1], key));
}

/** The largest position the BIFs take: a small integer of the 64-bit BEAM (2^59 - 1). */
const maxSmall = 2n ** 59n - 1n;

/** The BIFs' checks: N a positive (small) integer and the list a list, else `badarg`. */
function bifArgs(fn: string, n: unknown, list: unknown): number {
  const i = countArg(n, 1);
  if (i === null || (typeof n === 'bigint' && n > maxSmall)) {
    return badarg(fn, `the position is not a positive integer: ${describe(n)}`);
  }
  if (!isListArg(list)) return badarg(fn, `not a list: ${describe(list)}`);
  return i;
}

/**
 * Removes the first tuple whose `n`th element is `key`.
 * @param key - any term
 * @param n - a positive integer, the position of the key in the tuples
 * @param tupleList1 - a list of tuples
 * @returns `TupleList2`
 * @throws `function_clause` when `n` is not a positive integer or `tupleList1` not a list
 * @example
 * // lists:keydelete(b, 1, [{a, 1}, {b, 2}, {b, 3}])   % [{a,1},{b,3}]
 * lists.keydelete('b', 1, [['a', 1], ['b', 2], ['b', 3]]); // list(['a', 1], ['b', 3])
 * @see https://www.erlang.org/docs/25/man/lists.html#keydelete-3
 */
export function keydelete<T>(key: unknown, n: number, tupleList1: readonly T[]): List<T> {
  const i = countArg(n, 1);
  if (i === null || !isListArg(tupleList1)) return functionClause('lists:keydelete', key, n, tupleList1);
  return listWithout(tupleList1, findKey(key, i, tupleList1));
}

/**
 * The first tuple whose `n`th element is `key`.
 * @param key - any term
 * @param n - a positive integer, the position of the key in the tuples
 * @param tupleList - a list of tuples
 * @returns `Tuple` (the element itself), or `false`
 * @throws `badarg` when `n` is not a positive integer or `tupleList` not a list
 * @example
 * // lists:keyfind(b, 1, [{a, 1}, {b, 2}])   % {b,2}
 * lists.keyfind('b', 1, [['a', 1], ['b', 2]]); // ['b', 2]
 * @see https://www.erlang.org/docs/25/man/lists.html#keyfind-3
 */
export function keyfind<T>(key: unknown, n: number, tupleList: readonly T[]): TupleOf<T> | false {
  const i = bifArgs('lists:keyfind/3', n, tupleList);
  const at = findKey(key, i, tupleList);
  return at >= 0 ? (tupleList[at] as TupleOf<T>) : false;
}

/**
 * Replaces the `n`th element of every tuple with `fun` of it.
 * @param fun - a fun of one element
 * @param n - a positive integer
 * @param tupleList1 - a list of tuples, each with an `n`th element
 * @returns `TupleList2`, new tuples in the same order
 * @throws `badarg` for an element that is no tuple with an `n`th element; `{badfun, F}` when
 *   `fun` is no function; `function_clause` for a non-list
 * @example
 * // lists:keymap(fun(X) -> X * 10 end, 2, [{a, 1}, {b, 2}])   % [{a,10},{b,20}]
 * lists.keymap((X: number) => X * 10, 2, [['a', 1], ['b', 2]]); // list(['a', 10], ['b', 20])
 * @see https://www.erlang.org/docs/25/man/lists.html#keymap-3
 */
export function keymap<T>(
  fun: (elem: never) => unknown,
  n: number,
  tupleList1: readonly T[],
): List<TupleOf<T>> {
  if (!isListArg(tupleList1)) return functionClause('lists:keymap', fun, n, tupleList1);
  const i = countArg(n, 1);
  const out = new List<TupleOf<T>>();
  for (const t of tupleList1) {
    if (i === null || !hasElement(i, t)) {
      return badarg('lists:keymap/3', `element(${describe(n)}, ${describe(t)}): no such element`);
    }
    const copy: unknown[] = [...t];
    copy[i - 1] = apply('lists:keymap/3', fun, t[i - 1]);
    out.push(copy as unknown as TupleOf<T>);
  }
  if (i === null || !isFun(fun)) return functionClause('lists:keymap', fun, n, []);
  return out;
}

/**
 * Whether some tuple's `n`th element is `key`.
 * @param key - any term
 * @param n - a positive integer
 * @param tupleList - a list of tuples
 * @returns `true` or `false`
 * @throws `badarg` when `n` is not a positive integer or `tupleList` not a list
 * @example
 * // lists:keymember(b, 1, [{a, 1}, {b, 2}])   % true
 * lists.keymember('b', 1, [['a', 1], ['b', 2]]); // true
 * @see https://www.erlang.org/docs/25/man/lists.html#keymember-3
 */
export function keymember(key: unknown, n: number, tupleList: readonly unknown[]): boolean {
  const i = bifArgs('lists:keymember/3', n, tupleList);
  return findKey(key, i, tupleList) >= 0;
}

/**
 * Replaces the first tuple whose `n`th element is `key` with `newTuple`.
 * @param key - any term
 * @param n - a positive integer
 * @param tupleList1 - a list of tuples
 * @param newTuple - a tuple
 * @returns `TupleList2`, unchanged when no tuple has the key
 * @throws `function_clause` when `n` is not a positive integer, `newTuple` no tuple or
 *   `tupleList1` not a list
 * @example
 * // lists:keyreplace(b, 1, [{a, 1}, {b, 2}], {b, 3})   % [{a,1},{b,3}]
 * lists.keyreplace('b', 1, [['a', 1], ['b', 2]], ['b', 3]); // list(['a', 1], ['b', 3])
 * @see https://www.erlang.org/docs/25/man/lists.html#keyreplace-4
 */
export function keyreplace<T, N>(
  key: unknown,
  n: number,
  tupleList1: readonly T[],
  newTuple: N,
): List<T | N> {
  const i = countArg(n, 1);
  if (i === null || !isTuple(newTuple) || !isListArg(tupleList1)) {
    return functionClause('lists:keyreplace', key, n, tupleList1, newTuple);
  }
  const out = toList<T | N>(tupleList1);
  const at = findKey(key, i, tupleList1);
  if (at >= 0) out[at] = newTuple;
  return out;
}

/**
 * The first tuple whose `n`th element is `key`, wrapped as `{value, Tuple}` (keyfind's
 * predecessor, kept by OTP).
 * @param key - any term
 * @param n - a positive integer
 * @param tupleList - a list of tuples
 * @returns `['value', Tuple]`, or `false`
 * @throws `badarg` when `n` is not a positive integer or `tupleList` not a list
 * @example
 * // lists:keysearch(b, 1, [{a, 1}, {b, 2}])   % {value,{b,2}}
 * lists.keysearch('b', 1, [['a', 1], ['b', 2]]); // ['value', ['b', 2]]
 * @see https://www.erlang.org/docs/25/man/lists.html#keysearch-3
 */
export function keysearch<T>(
  key: unknown,
  n: number,
  tupleList: readonly T[],
): ['value', TupleOf<T>] | false {
  const i = bifArgs('lists:keysearch/3', n, tupleList);
  const at = findKey(key, i, tupleList);
  return at >= 0 ? ['value', tupleList[at] as TupleOf<T>] : false;
}

/**
 * Replaces the first tuple whose `n`th element is `key` with `newTuple`, or appends
 * `newTuple` when there is none.
 * @param key - any term
 * @param n - a positive integer
 * @param tupleList1 - a list of tuples
 * @param newTuple - a tuple
 * @returns `TupleList2`
 * @throws `function_clause` when `n` is not a positive integer, `newTuple` no tuple or
 *   `tupleList1` not a list
 * @example
 * // lists:keystore(c, 1, [{a, 1}, {b, 2}], {c, 3})   % [{a,1},{b,2},{c,3}]
 * lists.keystore('c', 1, [['a', 1], ['b', 2]], ['c', 3]); // list(['a', 1], ['b', 2], ['c', 3])
 * @see https://www.erlang.org/docs/25/man/lists.html#keystore-4
 */
export function keystore<T, N>(key: unknown, n: number, tupleList1: readonly T[], newTuple: N): List<T | N> {
  const i = countArg(n, 1);
  if (i === null || !isTuple(newTuple) || !isListArg(tupleList1)) {
    return functionClause('lists:keystore', key, n, tupleList1, newTuple);
  }
  const out = toList<T | N>(tupleList1);
  const at = findKey(key, i, tupleList1);
  if (at >= 0) out[at] = newTuple;
  else out.push(newTuple);
  return out;
}

/**
 * Takes out the first tuple whose `n`th element is `key`.
 * @param key - any term
 * @param n - a positive integer
 * @param tupleList1 - a list of tuples
 * @returns `{value, Tuple, TupleList2}` as `['value', Tuple, TupleList2]`, or `false`
 * @throws `function_clause` when `n` is not a positive integer or `tupleList1` not a list
 * @example
 * // lists:keytake(b, 1, [{a, 1}, {b, 2}, {c, 3}])   % {value,{b,2},[{a,1},{c,3}]}
 * lists.keytake('b', 1, [['a', 1], ['b', 2], ['c', 3]]); // ['value', ['b', 2], list(['a', 1], ['c', 3])]
 * @see https://www.erlang.org/docs/25/man/lists.html#keytake-3
 */
export function keytake<T>(
  key: unknown,
  n: number,
  tupleList1: readonly T[],
): ['value', TupleOf<T>, List<T>] | false {
  const i = countArg(n, 1);
  if (i === null || !isListArg(tupleList1)) return functionClause('lists:keytake', key, n, tupleList1);
  const at = findKey(key, i, tupleList1);
  if (at < 0) return false;
  return ['value', tupleList1[at] as TupleOf<T>, listWithout(tupleList1, at)];
}
