/**
 * OTP 25's sorts and merges: sort/1,2, usort/1,2, keysort/2, ukeysort/2, merge/1,2,3,
 * merge3/3, umerge/1,2,3, umerge3/3, keymerge/3, ukeymerge/3, and the merges of lists sorted
 * in reverse that OTP exports for its own use (rmerge/2,3, rmerge3/3, rumerge/2,3, rumerge3/3,
 * rkeymerge/3, rukeymerge/3).
 *
 * Everything here is OTP's algorithm, ported (merging.ts, fun-sorting.ts, term-sorting.ts,
 * key-sorting.ts), because results depend on it wherever an input breaks a function's contract
 * (unsorted lists to merge, a sort fun that is not an ordering) and wherever two elements are
 * `==` without being `=:=` (term-sorting.ts). One shortcut: sort/1, usort/1, keysort/2 and
 * ukeysort/2 use the engine's stable sort when no two elements can be `==` without being
 * `=:=`; then equal elements are equal values, the sorted list is unique, and OTP gives it
 * too (keysort and ukeysort are stable, as OTP documents), at the engine's speed.
 */
import { List, compareTerms, mapPairs, termKind, toList } from '../../../runtime/internal/library-api.js';
import { Cons, NIL, fromCells, noClause, reverseOnto, run, toCells, type Cell } from './cells.js';
import { apply, caseClause, countArg, element, functionClause, isFun, isListArg, truth } from './clauses.js';
import * as fs from './fun-sorting.js';
import * as ks from './key-sorting.js';
import * as m from './merging.js';
import * as ts from './term-sorting.js';

/** Runs a port on arguments made cells, and names the public call when no clause matched. */
function ported(fn: string, args: unknown[], body: () => unknown): unknown {
  try {
    return fromCells(body());
  } catch (e) {
    if (e === noClause) return functionClause(fn, ...args);
    throw e;
  }
}

/** The user's ordering fun as the ports call it: a JS boolean, or OTP's error. */
function ordering(fn: string, fun: unknown): fs.Le {
  if (!isFun(fun)) return (a, b) => truth(fn, apply(fn, fun, a, b));
  const f = fun as (a: unknown, b: unknown) => unknown;
  return (a, b) => {
    const r = f(a, b);
    return r === true || (r !== false && truth(fn, r));
  };
}

/** A list of lists as merge/1 sees it: the outer list and each array in it made cells. */
function listOfLists(x: unknown): unknown {
  if (!isListArg(x)) return x;
  let l: Cell = NIL;
  for (let i = x.length - 1; i >= 0; i--) l = new Cons(toCells(x[i]), l);
  return l;
}

/**
 * Whether some term in `list`, at any depth, is a float with an integral value past 2^53: the
 * only JS number that can be `==` to a term it is not `=:=` to (the bigint of its value, or a
 * tuple or list holding one), which is when OTP's sorts may differ from a stable sort.
 */
function holdsAmbiguousFloat(list: readonly unknown[]): boolean {
  const stack: unknown[] = [...list];
  while (stack.length > 0) {
    const t = stack.pop();
    if (typeof t === 'number') {
      if (Number.isInteger(t) && !Number.isSafeInteger(t)) return true;
    } else if (Array.isArray(t)) {
      for (const e of t) stack.push(e);
    } else if (termKind(t) === 'map') {
      for (const [k, v] of mapPairs(t as object)) stack.push(k, v);
    }
  }
  return false;
}

/** Keeps the first of each run of equal (`==`) keys in a sorted list. */
function firstOfEqual<T>(sorted: readonly T[], key: (t: T) => unknown): List<T> {
  const out = new List<T>();
  sorted.forEach((t, i) => {
    if (i === 0 || compareTerms(key(sorted[i - 1]!), key(t)) !== 0) out.push(t);
  });
  return out;
}

const self = <T>(t: T): T => t;

/**
 * Sorts a list in Erlang's term order, or by an ordering fun.
 * @param fun - `fun(A, B)` returning `true` when A sorts before or with B
 * @param list1 - a list
 * @returns `List2`, sorted; OTP's exact order even for a fun that is not an ordering
 * @throws `function_clause` for a non-list, or a `fun` that is no function with fewer than two
 *   elements (`{badfun, F}` with more); `{case_clause, V}` when `fun` returns V, not a boolean
 * @example
 * // lists:sort(fun(A, B) -> A >= B end, [2, 3, 1])   % [3,2,1]
 * lists.sort((A: number, B: number) => A >= B, [2, 3, 1]); // list(3, 2, 1)
 * @see https://www.erlang.org/docs/25/man/lists.html#sort-2
 */
export function sort<T>(fun: (a: T, b: T) => boolean | 'true' | 'false', list1: readonly T[]): List<T>;
/**
 * Sorts a list in Erlang's term order (number < atom < reference < fun < port < pid < tuple <
 * map < list < binary).
 * @param list1 - a list
 * @returns `List2`, sorted; elements that are `==` but not `=:=` (2^60 as float and as
 *   integer) end up in the order OTP's sort puts them, which is not always their input order
 * @throws `function_clause` for a non-list
 * @example
 * // lists:sort([b, 3, {a}, "x", 1.5])   % [1.5,3,b,{a},"x"]
 * lists.sort(['b', 3, ['a'], list(120), 1.5]); // list(1.5, 3, 'b', ['a'], list(120))
 * @see https://www.erlang.org/docs/25/man/lists.html#sort-1
 */
export function sort<T>(list1: readonly T[]): List<T>;
export function sort(...args: unknown[]): unknown {
  if (args.length < 2) {
    const l = args[0];
    if (!isListArg(l)) return functionClause('lists:sort', l);
    if (holdsAmbiguousFloat(l)) return fromCells(ts.sort(toCells(l) as Cell));
    return toList(l).sort(compareTerms);
  }
  const [fun, l] = args;
  if (!isListArg(l) || (l.length < 2 && !isFun(fun))) return functionClause('lists:sort', fun, l);
  if (l.length < 2) return toList(l);
  const cells = toCells(l) as Cons;
  const t = cells.t as Cons;
  return fromCells(fs.sort2(ordering('lists:sort/2', fun), cells.h, t.h, t.t));
}

/**
 * Sorts a list and removes duplicates: of elements that compare equal (`==`, or `fun` true both
 * ways), the first is kept.
 * @param fun - `fun(A, B)` returning `true` when A sorts before or with B
 * @param list1 - a list
 * @returns `List2`, sorted and without duplicates
 * @throws `function_clause` for a non-list or a `fun` that is no function; `{case_clause, V}`
 *   when `fun` returns V, not a boolean
 * @example
 * // lists:usort(fun({A, _}, {B, _}) -> A =< B end, [{b, 1}, {a, 2}, {b, 3}])   % [{a,2},{b,1}]
 * lists.usort(([A]: [string, number], [B]: [string, number]) => A <= B, [['b', 1], ['a', 2], ['b', 3]]);
 * @see https://www.erlang.org/docs/25/man/lists.html#usort-2
 */
export function usort<T>(fun: (a: T, b: T) => boolean | 'true' | 'false', list1: readonly T[]): List<T>;
/**
 * Sorts a list in term order and removes duplicates (`==`), keeping the first of equal elements.
 * @param list1 - a list
 * @returns `List2`, sorted and without duplicates
 * @throws `function_clause` for a non-list
 * @example
 * // lists:usort([b, a, b, c, a])   % [a,b,c]
 * lists.usort(['b', 'a', 'b', 'c', 'a']); // list('a', 'b', 'c')
 * @see https://www.erlang.org/docs/25/man/lists.html#usort-1
 */
export function usort<T>(list1: readonly T[]): List<T>;
export function usort(...args: unknown[]): unknown {
  if (args.length < 2) {
    const l = args[0];
    if (!isListArg(l)) return functionClause('lists:usort', l);
    if (holdsAmbiguousFloat(l)) return fromCells(ts.usort(toCells(l) as Cell));
    return firstOfEqual(toList(l).sort(compareTerms), self);
  }
  const [fun, l] = args;
  if (!isListArg(l) || !isFun(fun)) return functionClause('lists:usort', fun, l);
  if (l.length < 2) return toList(l);
  const cells = toCells(l) as Cons;
  return fromCells(fs.usort_1(ordering('lists:usort/2', fun), cells.h, cells.t));
}

/**
 * keysort's and ukeysort's checks (OTP reads the key of every element of a list of two or
 * more, and of none in a shorter one), then the tuples with their keys sorted stably by key,
 * or null when OTP's own algorithm must decide (a short list is left to it too: it returns the
 * list as it is).
 */
function sortByKey<T>(fn: string, n: unknown, l: readonly T[]): { i: number; keyed: [unknown, T][] | null } {
  const i = countArg(n, 1);
  if (i === null) return functionClause(fn.slice(0, fn.indexOf('/')), n, l);
  if (!isListArg(l)) return caseClause(fn, l);
  if (l.length < 2) return { i, keyed: null };
  const keyed = l.map((t): [unknown, T] => [element(fn, i, t), t]);
  // OTP also compares whole tuples (==), so a float anywhere in them counts, not only in keys.
  if (holdsAmbiguousFloat(l)) return { i, keyed: null };
  return { i, keyed: keyed.sort((a, b) => compareTerms(a[0], b[0])) };
}

const keyOf = (kt: [unknown, unknown]): unknown => kt[0];

/**
 * Sorts a list of tuples on their `n`th elements, stably.
 * @param n - a positive integer, the position of the key
 * @param tupleList1 - a list of tuples, each with an `n`th element
 * @returns `TupleList2`, sorted by key; tuples with equal keys keep their order
 * @throws `function_clause` when `n` is not a positive integer; `{case_clause, L}` for a
 *   non-list; `badarg` for an element without an `n`th element (in a list of two or more)
 * @example
 * // lists:keysort(2, [{a, 3}, {b, 1}, {c, 2}])   % [{b,1},{c,2},{a,3}]
 * lists.keysort(2, [['a', 3], ['b', 1], ['c', 2]]); // list(['b', 1], ['c', 2], ['a', 3])
 * @see https://www.erlang.org/docs/25/man/lists.html#keysort-2
 */
export function keysort<T>(n: number, tupleList1: readonly T[]): List<T> {
  const { i, keyed } = sortByKey('lists:keysort/2', n, tupleList1);
  if (keyed !== null) return toList(keyed.map(([, t]) => t));
  return fromCells(ks.keysort(i, toCells(tupleList1) as Cell)) as List<T>;
}

/**
 * Sorts a list of tuples on their `n`th elements and keeps only the first of tuples with
 * equal (`==`) keys.
 * @param n - a positive integer, the position of the key
 * @param tupleList1 - a list of tuples, each with an `n`th element
 * @returns `TupleList2`, sorted by key, one tuple per key
 * @throws `function_clause` when `n` is not a positive integer; `{case_clause, L}` for a
 *   non-list; `badarg` for an element without an `n`th element (in a list of two or more)
 * @example
 * // lists:ukeysort(1, [{b, 1}, {a, 2}, {b, 3}])   % [{a,2},{b,1}]
 * lists.ukeysort(1, [['b', 1], ['a', 2], ['b', 3]]); // list(['a', 2], ['b', 1])
 * @see https://www.erlang.org/docs/25/man/lists.html#ukeysort-2
 */
export function ukeysort<T>(n: number, tupleList1: readonly T[]): List<T> {
  const { i, keyed } = sortByKey('lists:ukeysort/2', n, tupleList1);
  if (keyed !== null) return toList(firstOfEqual(keyed, keyOf).map(([, t]) => t));
  return fromCells(ks.ukeysort(i, toCells(tupleList1) as Cell)) as List<T>;
}

/**
 * Merges two lists sorted by `fun`; of equal elements, those of `list1` come first.
 * @param fun - `fun(A, B)` returning `true` when A sorts before or with B
 * @param list1 - a list sorted by `fun`
 * @param list2 - a list sorted by `fun`
 * @returns `List3`; `list1` itself (whatever it is) when `list2` is empty, as in OTP
 * @throws `function_clause` for a non-list or a `fun` that is no function; `{case_clause, V}`
 *   when `fun` returns V, not a boolean
 * @example
 * // lists:merge(fun(A, B) -> A >= B end, [5, 3, 1], [4, 2])   % [5,4,3,2,1]
 * lists.merge((A: number, B: number) => A >= B, [5, 3, 1], [4, 2]); // list(5, 4, 3, 2, 1)
 * @see https://www.erlang.org/docs/25/man/lists.html#merge-3
 */
export function merge<A, B>(
  fun: (a: A | B, b: A | B) => boolean | 'true' | 'false',
  list1: readonly A[],
  list2: readonly B[],
): List<A | B>;
/**
 * Merges two lists sorted in term order; of equal elements, those of `list1` come first.
 * @param list1 - a sorted list
 * @param list2 - a sorted list
 * @returns `List3`, sorted; `list1` itself (whatever it is) when `list2` is empty, as in OTP
 * @throws `function_clause` for a non-list
 * @example
 * // lists:merge([1, 3, 5], [2, 4])   % [1,2,3,4,5]
 * lists.merge([1, 3, 5], [2, 4]); // list(1, 2, 3, 4, 5)
 * @see https://www.erlang.org/docs/25/man/lists.html#merge-2
 */
export function merge<A, B>(list1: readonly A[], list2: readonly B[]): List<A | B>;
/**
 * Merges a list of lists, each sorted in term order; of equal elements, those of earlier lists
 * come first.
 * @param listOfLists - a list of sorted lists
 * @returns `List1`, sorted
 * @throws `function_clause` for a non-list
 * @example
 * // lists:merge([[1, 4], [2, 5], [3, 6]])   % [1,2,3,4,5,6]
 * lists.merge([[1, 4], [2, 5], [3, 6]]); // list(1, 2, 3, 4, 5, 6)
 * @see https://www.erlang.org/docs/25/man/lists.html#merge-1
 */
export function merge<T>(listOfLists: readonly (readonly T[])[]): List<T>;
export function merge(...args: unknown[]): unknown {
  if (args.length < 2) {
    return ported('lists:merge', args, () => run(m.mergel(listOfLists(args[0]), NIL)));
  }
  if (args.length < 3) {
    return ported('lists:merge', args, () => m.merge(toCells(args[0]), toCells(args[1])));
  }
  const [fun, t1, l2] = args;
  return ported('lists:merge', args, () => {
    if (!isFun(fun)) throw noClause;
    const cells2 = toCells(l2);
    if (cells2 === NIL) return toCells(t1);
    if (!(cells2 instanceof Cons)) throw noClause;
    const le = ordering('lists:merge/3', fun);
    return reverseOnto(run(fs.fmerge2_1(toCells(t1), cells2.h, le, cells2.t, NIL)) as Cell, NIL);
  });
}

/**
 * Merges three lists sorted in term order; of equal elements, `list1`'s come first, then
 * `list2`'s.
 * @param list1 - a sorted list
 * @param list2 - a sorted list
 * @param list3 - a sorted list
 * @returns `List4`, sorted
 * @throws `function_clause` for a non-list
 * @example
 * // lists:merge3([1, 4], [2, 5], [3, 6])   % [1,2,3,4,5,6]
 * lists.merge3([1, 4], [2, 5], [3, 6]); // list(1, 2, 3, 4, 5, 6)
 * @see https://www.erlang.org/docs/25/man/lists.html#merge3-3
 */
export function merge3<A, B, C>(
  list1: readonly A[],
  list2: readonly B[],
  list3: readonly C[],
): List<A | B | C> {
  const args = [list1, list2, list3];
  return ported('lists:merge3', args, () => m.merge3(toCells(list1), toCells(list2), toCells(list3))) as List<
    A | B | C
  >;
}

/**
 * Merges two lists sorted by `fun` and removes duplicates (`fun` true both ways): `list1`'s
 * element is kept.
 * @param fun - `fun(A, B)` returning `true` when A sorts before or with B
 * @param list1 - a list sorted by `fun`, without duplicates
 * @param list2 - a list sorted by `fun`, without duplicates
 * @returns `List3`; `list2` itself (whatever it is) when `list1` is empty, as in OTP
 * @throws `function_clause` for a non-list or a `fun` that is no function; `{case_clause, V}`
 *   when `fun` returns V, not a boolean
 * @example
 * // lists:umerge(fun(A, B) -> A >= B end, [5, 3, 1], [4, 3])   % [5,4,3,1]
 * lists.umerge((A: number, B: number) => A >= B, [5, 3, 1], [4, 3]); // list(5, 4, 3, 1)
 * @see https://www.erlang.org/docs/25/man/lists.html#umerge-3
 */
export function umerge<A, B>(
  fun: (a: A | B, b: A | B) => boolean | 'true' | 'false',
  list1: readonly A[],
  list2: readonly B[],
): List<A | B>;
/**
 * Merges two lists sorted in term order and removes duplicates (`==`): `list1`'s element is
 * kept.
 * @param list1 - a sorted list without duplicates
 * @param list2 - a sorted list without duplicates
 * @returns `List3`; `list2` itself (whatever it is) when `list1` is empty, as in OTP
 * @throws `function_clause` for a non-list
 * @example
 * // lists:umerge([1, 3, 5], [3, 4])   % [1,3,4,5]
 * lists.umerge([1, 3, 5], [3, 4]); // list(1, 3, 4, 5)
 * @see https://www.erlang.org/docs/25/man/lists.html#umerge-2
 */
export function umerge<A, B>(list1: readonly A[], list2: readonly B[]): List<A | B>;
/**
 * Merges a list of lists, each sorted in term order and without duplicates, and removes
 * duplicates (`==`): the element of the earlier list is kept.
 * @param listOfLists - a list of sorted lists without duplicates
 * @returns `List1`, sorted, without duplicates
 * @throws `function_clause` for a non-list
 * @example
 * // lists:umerge([[1, 3], [2, 3], [3, 4]])   % [1,2,3,4]
 * lists.umerge([[1, 3], [2, 3], [3, 4]]); // list(1, 2, 3, 4)
 * @see https://www.erlang.org/docs/25/man/lists.html#umerge-1
 */
export function umerge<T>(listOfLists: readonly (readonly T[])[]): List<T>;
export function umerge(...args: unknown[]): unknown {
  if (args.length < 2) {
    return ported('lists:umerge', args, () => run(m.umergel(listOfLists(args[0]), NIL, 'asc')));
  }
  if (args.length < 3) {
    return ported('lists:umerge', args, () => m.umerge(toCells(args[0]), toCells(args[1])));
  }
  const [fun, l1, t2] = args;
  return ported('lists:umerge', args, () => {
    if (!isFun(fun)) throw noClause;
    const cells1 = toCells(l1);
    if (cells1 === NIL) return toCells(t2);
    if (!(cells1 instanceof Cons)) throw noClause;
    const le = ordering('lists:umerge/3', fun);
    return reverseOnto(run(fs.ufmerge2_2(cells1.h, cells1.t, le, toCells(t2), NIL)) as Cell, NIL);
  });
}

/**
 * Merges three lists sorted in term order and removes duplicates (`==`), keeping the element of
 * the earliest list.
 * @param list1 - a sorted list without duplicates
 * @param list2 - a sorted list without duplicates
 * @param list3 - a sorted list without duplicates
 * @returns `List4`, sorted, without duplicates
 * @throws `function_clause` for a non-list
 * @example
 * // lists:umerge3([1, 2], [2, 3], [3, 4])   % [1,2,3,4]
 * lists.umerge3([1, 2], [2, 3], [3, 4]); // list(1, 2, 3, 4)
 * @see https://www.erlang.org/docs/25/man/lists.html#umerge3-3
 */
export function umerge3<A, B, C>(
  list1: readonly A[],
  list2: readonly B[],
  list3: readonly C[],
): List<A | B | C> {
  const args = [list1, list2, list3];
  return ported('lists:umerge3', args, () =>
    m.umerge3(toCells(list1), toCells(list2), toCells(list3)),
  ) as List<A | B | C>;
}

/** keymerge's and friends' guard, `is_integer(N), N > 0`. */
function keyIndex(fn: string, n: unknown, args: unknown[]): number {
  const i = countArg(n, 1);
  return i === null ? functionClause(fn, ...args) : i;
}

/**
 * Merges two lists of tuples sorted on their `n`th elements; of equal keys, `tupleList1`'s
 * tuples come first.
 * @param n - a positive integer, the position of the key
 * @param tupleList1 - a list of tuples sorted by key
 * @param tupleList2 - a list of tuples sorted by key
 * @returns `TupleList3`; `tupleList1` itself (whatever it is) when `tupleList2` is empty
 * @throws `function_clause` for a bad `n` or a non-list `tupleList1`; `{case_clause, L}` for a
 *   non-list `tupleList2`; `badarg` for an element without an `n`th element
 * @example
 * // lists:keymerge(1, [{a, 1}, {c, 3}], [{b, 2}])   % [{a,1},{b,2},{c,3}]
 * lists.keymerge(1, [['a', 1], ['c', 3]], [['b', 2]]); // list(['a', 1], ['b', 2], ['c', 3])
 * @see https://www.erlang.org/docs/25/man/lists.html#keymerge-3
 */
export function keymerge<A, B>(n: number, tupleList1: readonly A[], tupleList2: readonly B[]): List<A | B> {
  const args = [n, tupleList1, tupleList2];
  const i = keyIndex('lists:keymerge', n, args);
  return ported('lists:keymerge', args, () =>
    m.keymerge(i, toCells(tupleList1), toCells(tupleList2)),
  ) as List<A | B>;
}

/**
 * Merges two lists of tuples sorted on their `n`th elements and removes tuples of
 * `tupleList2` whose key equals (`==`) one in `tupleList1`.
 * @param n - a positive integer, the position of the key
 * @param tupleList1 - a list of tuples sorted by key, one per key
 * @param tupleList2 - a list of tuples sorted by key, one per key
 * @returns `TupleList3`; `tupleList2` itself (whatever it is) when `tupleList1` is empty
 * @throws `function_clause` for a bad `n` or a non-list `tupleList2`; `{case_clause, L}` for a
 *   non-list `tupleList1`; `badarg` for an element without an `n`th element
 * @example
 * // lists:ukeymerge(1, [{a, 1}, {b, 2}], [{b, 3}, {c, 4}])   % [{a,1},{b,2},{c,4}]
 * lists.ukeymerge(1, [['a', 1], ['b', 2]], [['b', 3], ['c', 4]]); // list(['a', 1], ['b', 2], ['c', 4])
 * @see https://www.erlang.org/docs/25/man/lists.html#ukeymerge-3
 */
export function ukeymerge<A, B>(n: number, tupleList1: readonly A[], tupleList2: readonly B[]): List<A | B> {
  const args = [n, tupleList1, tupleList2];
  const i = keyIndex('lists:ukeymerge', n, args);
  return ported('lists:ukeymerge', args, () =>
    m.ukeymerge(i, toCells(tupleList1), toCells(tupleList2)),
  ) as List<A | B>;
}

/**
 * Merges two lists sorted in reverse term order (largest first), as OTP's own sorts use it.
 * @param fun - `fun(A, B)` returning `true` when A sorts before or with B (in ascending order)
 * @param list1 - a list sorted by `fun`, reversed
 * @param list2 - a list sorted by `fun`, reversed
 * @returns `List3`, reverse-sorted; `list1` itself when `list2` is empty
 * @throws `function_clause` for a non-list or a `fun` that is no function
 * @example
 * // lists:rmerge(fun(A, B) -> A =< B end, [5, 3, 1], [4, 2])   % [5,4,3,2,1]
 * lists.rmerge((A: number, B: number) => A <= B, [5, 3, 1], [4, 2]); // list(5, 4, 3, 2, 1)
 * @see https://github.com/erlang/otp/blob/OTP-25.0/lib/stdlib/src/lists.erl
 */
export function rmerge<A, B>(
  fun: (a: A | B, b: A | B) => boolean | 'true' | 'false',
  list1: readonly A[],
  list2: readonly B[],
): List<A | B>;
/**
 * Merges two lists sorted in reverse term order (largest first), as OTP's own sorts use it.
 * @param list1 - a reverse-sorted list
 * @param list2 - a reverse-sorted list
 * @returns `List3`, reverse-sorted; `list1` itself when `list2` is empty
 * @throws `function_clause` for a non-list
 * @example
 * // lists:rmerge([5, 3, 1], [4, 2])   % [5,4,3,2,1]
 * lists.rmerge([5, 3, 1], [4, 2]); // list(5, 4, 3, 2, 1)
 * @see https://github.com/erlang/otp/blob/OTP-25.0/lib/stdlib/src/lists.erl
 */
export function rmerge<A, B>(list1: readonly A[], list2: readonly B[]): List<A | B>;
export function rmerge(...args: unknown[]): unknown {
  if (args.length < 3)
    return ported('lists:rmerge', args, () => m.rmerge(toCells(args[0]), toCells(args[1])));
  const [fun, t1, l2] = args;
  return ported('lists:rmerge', args, () => {
    if (!isFun(fun)) throw noClause;
    const cells2 = toCells(l2);
    if (cells2 === NIL) return toCells(t1);
    if (!(cells2 instanceof Cons)) throw noClause;
    const le = ordering('lists:rmerge/3', fun);
    return reverseOnto(run(fs.rfmerge2_1(toCells(t1), cells2.h, le, cells2.t, NIL)) as Cell, NIL);
  });
}

/**
 * Merges three lists sorted in reverse term order (largest first), as OTP's own sorts use it.
 * @param list1 - a reverse-sorted list
 * @param list2 - a reverse-sorted list
 * @param list3 - a reverse-sorted list
 * @returns `List4`, reverse-sorted
 * @throws `function_clause` for a non-list
 * @example
 * // lists:rmerge3([6, 3], [5, 2], [4, 1])   % [6,5,4,3,2,1]
 * lists.rmerge3([6, 3], [5, 2], [4, 1]); // list(6, 5, 4, 3, 2, 1)
 * @see https://github.com/erlang/otp/blob/OTP-25.0/lib/stdlib/src/lists.erl
 */
export function rmerge3<A, B, C>(
  list1: readonly A[],
  list2: readonly B[],
  list3: readonly C[],
): List<A | B | C> {
  const args = [list1, list2, list3];
  return ported('lists:rmerge3', args, () =>
    m.rmerge3(toCells(list1), toCells(list2), toCells(list3)),
  ) as List<A | B | C>;
}

/**
 * Merges two reverse-sorted lists without duplicates and removes duplicates, as OTP's own
 * usort uses it.
 * @param fun - `fun(A, B)` returning `true` when A sorts before or with B (in ascending order)
 * @param list1 - a list sorted by `fun`, reversed, without duplicates
 * @param list2 - a list sorted by `fun`, reversed, without duplicates
 * @returns `List3`; `list1` itself when `list2` is empty
 * @throws `function_clause` for a non-list or a `fun` that is no function
 * @example
 * // lists:rumerge(fun(A, B) -> A =< B end, [5, 3, 1], [4, 3])   % [5,4,3,1]
 * lists.rumerge((A: number, B: number) => A <= B, [5, 3, 1], [4, 3]); // list(5, 4, 3, 1)
 * @see https://github.com/erlang/otp/blob/OTP-25.0/lib/stdlib/src/lists.erl
 */
export function rumerge<A, B>(
  fun: (a: A | B, b: A | B) => boolean | 'true' | 'false',
  list1: readonly A[],
  list2: readonly B[],
): List<A | B>;
/**
 * Merges two lists sorted in reverse term order without duplicates and removes duplicates.
 * @param list1 - a reverse-sorted list without duplicates
 * @param list2 - a reverse-sorted list without duplicates
 * @returns `List3`; `list1` itself when `list2` is empty
 * @throws `function_clause` for a non-list
 * @example
 * // lists:rumerge([5, 3, 1], [4, 3])   % [5,4,3,1]
 * lists.rumerge([5, 3, 1], [4, 3]); // list(5, 4, 3, 1)
 * @see https://github.com/erlang/otp/blob/OTP-25.0/lib/stdlib/src/lists.erl
 */
export function rumerge<A, B>(list1: readonly A[], list2: readonly B[]): List<A | B>;
export function rumerge(...args: unknown[]): unknown {
  if (args.length < 3)
    return ported('lists:rumerge', args, () => m.rumerge(toCells(args[0]), toCells(args[1])));
  const [fun, t1, l2] = args;
  return ported('lists:rumerge', args, () => {
    if (!isFun(fun)) throw noClause;
    const cells2 = toCells(l2);
    if (cells2 === NIL) return toCells(t1);
    if (!(cells2 instanceof Cons)) throw noClause;
    const le = ordering('lists:rumerge/3', fun);
    return reverseOnto(run(fs.rufmerge2_1(toCells(t1), cells2.h, le, cells2.t, NIL)) as Cell, NIL);
  });
}

/**
 * Merges three lists sorted in reverse term order without duplicates and removes duplicates.
 * @param list1 - a reverse-sorted list without duplicates
 * @param list2 - a reverse-sorted list without duplicates
 * @param list3 - a reverse-sorted list without duplicates
 * @returns `List4`
 * @throws `function_clause` for a non-list
 * @example
 * // lists:rumerge3([3, 1], [3, 2], [4])   % [4,3,2,1]
 * lists.rumerge3([3, 1], [3, 2], [4]); // list(4, 3, 2, 1)
 * @see https://github.com/erlang/otp/blob/OTP-25.0/lib/stdlib/src/lists.erl
 */
export function rumerge3<A, B, C>(
  list1: readonly A[],
  list2: readonly B[],
  list3: readonly C[],
): List<A | B | C> {
  const args = [list1, list2, list3];
  return ported('lists:rumerge3', args, () =>
    m.rumerge3(toCells(list1), toCells(list2), toCells(list3)),
  ) as List<A | B | C>;
}

/**
 * Merges two lists of tuples sorted on their `n`th elements in reverse order (largest key first).
 * @param n - a positive integer, the position of the key
 * @param tupleList1 - a list of tuples reverse-sorted by key
 * @param tupleList2 - a list of tuples reverse-sorted by key
 * @returns `TupleList3`; `tupleList1` itself when `tupleList2` is empty
 * @throws as keymerge
 * @example
 * // lists:rkeymerge(1, [{c, 3}, {a, 1}], [{b, 2}])   % [{c,3},{b,2},{a,1}]
 * lists.rkeymerge(1, [['c', 3], ['a', 1]], [['b', 2]]); // list(['c', 3], ['b', 2], ['a', 1])
 * @see https://github.com/erlang/otp/blob/OTP-25.0/lib/stdlib/src/lists.erl
 */
export function rkeymerge<A, B>(n: number, tupleList1: readonly A[], tupleList2: readonly B[]): List<A | B> {
  const args = [n, tupleList1, tupleList2];
  const i = keyIndex('lists:rkeymerge', n, args);
  return ported('lists:rkeymerge', args, () =>
    m.rkeymerge(i, toCells(tupleList1), toCells(tupleList2)),
  ) as List<A | B>;
}

/**
 * Merges two lists of tuples reverse-sorted on their `n`th elements, one per key, removing
 * tuples of `tupleList2` whose key is in `tupleList1`.
 * @param n - a positive integer, the position of the key
 * @param tupleList1 - a list of tuples reverse-sorted by key, one per key
 * @param tupleList2 - a list of tuples reverse-sorted by key, one per key
 * @returns `TupleList3`; `tupleList1` itself when `tupleList2` is empty
 * @throws as keymerge
 * @example
 * // lists:rukeymerge(1, [{c, 3}, {b, 2}], [{b, 9}, {a, 1}])   % [{c,3},{b,2},{a,1}]
 * lists.rukeymerge(1, [['c', 3], ['b', 2]], [['b', 9], ['a', 1]]); // list(['c', 3], ['b', 2], ['a', 1])
 * @see https://github.com/erlang/otp/blob/OTP-25.0/lib/stdlib/src/lists.erl
 */
export function rukeymerge<A, B>(n: number, tupleList1: readonly A[], tupleList2: readonly B[]): List<A | B> {
  const args = [n, tupleList1, tupleList2];
  const i = keyIndex('lists:rukeymerge', n, args);
  return ported('lists:rukeymerge', args, () =>
    m.rukeymerge(i, toCells(tupleList1), toCells(tupleList2)),
  ) as List<A | B>;
}
