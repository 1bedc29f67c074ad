/**
 * OTP 25's lists functions that apply a fun: all, any, dropwhile, filter, filtermap, flatmap,
 * foldl, foldr, foreach, map, mapfoldl, mapfoldr, partition, search, splitwith, takewhile, zf,
 * zipwith, zipwith3.
 *
 * Funs are JS functions, called in OTP's order (head first; foldr and mapfoldr from the
 * last element). A predicate must return `true` or `false` (or the atoms' string forms): any
 * other value raises `{case_clause, V}` as OTP's `case` does, or `{bad_filter, V}` in filter,
 * which OTP writes as a list comprehension. A fun that returns a Promise is not awaited: these
 * are OTP's synchronous functions, and the Promise is just a value that is not `true`.
 */
import { List, toList } from '../../../runtime/internal/library-api.js';
import {
  appendBadarg,
  apply,
  badFilter,
  badGenerator,
  badmatch,
  caseClause,
  functionClause,
  isFalse,
  isFun,
  isListArg,
  isTrue,
  isTuple,
  truth,
} from './clauses.js';

/** Whether a fun's result passes as a boolean (the JS booleans and the atoms' strings). */
type Bool = boolean | 'true' | 'false';

/**
 * Whether `pred` holds for every element; stops at the first that fails.
 * @param pred - a fun of one element returning `true` or `false`
 * @param list - a list
 * @returns `true` or `false` (`true` for `[]`)
 * @throws `function_clause` when `pred` is no function; `{case_clause, List}` for a non-list;
 *   `{case_clause, V}` when `pred` returns V, neither `true` nor `false`
 * @example
 * // lists:all(fun(X) -> X > 0 end, [1, 2, 3])   % true
 * lists.all((X: number) => X > 0, [1, 2, 3]); // true
 * @see https://www.erlang.org/docs/25/man/lists.html#all-2
 */
export function all<T>(pred: (elem: T) => Bool, list: readonly T[]): boolean {
  if (!isFun(pred)) return functionClause('lists:all', pred, list);
  if (!isListArg(list)) return caseClause('lists:all/2', list);
  for (const e of list) if (!truth('lists:all/2', pred(e))) return false;
  return true;
}

/**
 * Whether `pred` holds for some element; stops at the first that does.
 * @param pred - a fun of one element returning `true` or `false`
 * @param list - a list
 * @returns `true` or `false` (`false` for `[]`)
 * @throws `function_clause` when `pred` is no function; `{case_clause, List}` for a non-list;
 *   `{case_clause, V}` when `pred` returns V, neither `true` nor `false`
 * @example
 * // lists:any(fun(X) -> X > 2 end, [1, 2, 3])   % true
 * lists.any((X: number) => X > 2, [1, 2, 3]); // true
 * @see https://www.erlang.org/docs/25/man/lists.html#any-2
 */
export function any<T>(pred: (elem: T) => Bool, list: readonly T[]): boolean {
  if (!isFun(pred)) return functionClause('lists:any', pred, list);
  if (!isListArg(list)) return caseClause('lists:any/2', list);
  for (const e of list) if (truth('lists:any/2', pred(e))) return true;
  return false;
}

/**
 * Drops elements while `pred` holds for them.
 * @param pred - a fun of one element returning `true` or `false`
 * @param list1 - a list
 * @returns `List2`, from the first element for which `pred` is `false`
 * @throws `function_clause` for a non-function or non-list; `{case_clause, V}` for a result
 *   that is neither `true` nor `false`
 * @example
 * // lists:dropwhile(fun(X) -> X < 3 end, [1, 2, 3, 1])   % [3,1]
 * lists.dropwhile((X: number) => X < 3, [1, 2, 3, 1]); // list(3, 1)
 * @see https://www.erlang.org/docs/25/man/lists.html#dropwhile-2
 */
export function dropwhile<T>(pred: (elem: T) => Bool, list1: readonly T[]): List<T> {
  if (!isFun(pred) || !isListArg(list1)) return functionClause('lists:dropwhile', pred, list1);
  let i = 0;
  while (i < list1.length && truth('lists:dropwhile/2', pred(list1[i]!))) i++;
  return toList(list1.slice(i));
}

/**
 * The elements for which `pred` holds.
 * @param pred - a fun of one element returning `true` or `false`
 * @param list1 - a list
 * @returns `List2`
 * @throws `function_clause` when `pred` is no function; `{bad_generator, List}` for a
 *   non-list; `{bad_filter, V}` for a result that is neither `true` nor `false`
 * @example
 * // lists:filter(fun(X) -> X rem 2 =:= 0 end, [1, 2, 3, 4])   % [2,4]
 * lists.filter((X: number) => X % 2 === 0, [1, 2, 3, 4]); // list(2, 4)
 * @see https://www.erlang.org/docs/25/man/lists.html#filter-2
 */
export function filter<T>(pred: (elem: T) => Bool, list1: readonly T[]): List<T> {
  if (!isFun(pred)) return functionClause('lists:filter', pred, list1);
  if (!isListArg(list1)) return badGenerator('lists:filter/2', list1);
  const out = new List<T>();
  for (const e of list1) {
    const keep = pred(e);
    if (isTrue(keep)) out.push(e);
    else if (!isFalse(keep)) return badFilter('lists:filter/2', keep);
  }
  return out;
}

/**
 * Filters and maps in one pass: `fun` returns `false` to drop an element, `true` to keep it,
 * or `{true, Value}` to put Value in its place.
 * @param fun - a fun of one element returning `false`, `true` or `['true', Value]`
 * @param list1 - a list
 * @returns `List2`
 * @throws `function_clause` for a non-function or non-list; `{case_clause, V}` for another result
 * @example
 * // lists:filtermap(fun(X) -> case X rem 2 of 0 -> {true, X div 2}; _ -> false end end, [1, 2, 3, 4])   % [1,2]
 * lists.filtermap((X: number) => (X % 2 === 0 ? ['true', X / 2] : false), [1, 2, 3, 4]); // list(1, 2)
 * @see https://www.erlang.org/docs/25/man/lists.html#filtermap-2
 */
export function filtermap<T, U = T>(
  fun: (elem: T) => Bool | readonly [true | 'true', U],
  list1: readonly T[],
): List<T | U> {
  return filtermapAs('lists:filtermap', fun, list1);
}

function filtermapAs<T, U>(fn: string, fun: unknown, list1: readonly T[]): List<T | U> {
  if (!isFun(fun) || !isListArg(list1)) return functionClause(fn, fun, list1);
  const out = new List<T | U>();
  for (const e of list1) {
    const r = (fun as (e: T) => unknown)(e);
    if (isTrue(r)) out.push(e);
    else if (isTuple(r) && r.length === 2 && isTrue(r[0])) out.push(r[1] as U);
    else if (!isFalse(r)) return caseClause(`${fn}/2`, r);
  }
  return out;
}

/**
 * Maps each element to a list and appends the lists.
 * @param fun - a fun of one element returning a list
 * @param list1 - a list
 * @returns `List2`
 * @throws `function_clause` for a non-function or non-list; `badarg` when `fun` returns no list
 * @example
 * // lists:flatmap(fun(X) -> [X, X] end, [a, b])   % [a,a,b,b]
 * lists.flatmap((X: string) => [X, X], ['a', 'b']); // list('a', 'a', 'b', 'b')
 * @see https://www.erlang.org/docs/25/man/lists.html#flatmap-2
 */
export function flatmap<T, U>(fun: (elem: T) => readonly U[], list1: readonly T[]): List<U> {
  if (!isFun(fun) || !isListArg(list1)) return functionClause('lists:flatmap', fun, list1);
  // F(Hd) ++ flatmap_1(F, Tail): every fun runs first, then the ++ from the last one back.
  const parts = list1.map((e) => fun(e));
  for (let i = parts.length - 1; i >= 0; i--) {
    if (!isListArg(parts[i])) return appendBadarg('lists:flatmap/2', parts[i]);
  }
  const out = new List<U>();
  for (const p of parts) for (const e of p) out.push(e);
  return out;
}

/**
 * Folds from the left: `fun(Elem, AccIn)` returns the next accumulator.
 * @param fun - a fun of an element and the accumulator
 * @param acc0 - the first accumulator
 * @param list - a list
 * @returns `Acc1`, the last accumulator
 * @throws `function_clause` when `fun` is no function; `{case_clause, List}` for a non-list
 * @example
 * // lists:foldl(fun(X, Sum) -> X + Sum end, 0, [1, 2, 3])   % 6
 * lists.foldl((X: number, Sum: number) => X + Sum, 0, [1, 2, 3]); // 6
 * @see https://www.erlang.org/docs/25/man/lists.html#foldl-3
 */
export function foldl<T, A>(fun: (elem: T, accIn: A) => A, acc0: A, list: readonly T[]): A {
  if (!isFun(fun)) return functionClause('lists:foldl', fun, acc0, list);
  if (!isListArg(list)) return caseClause('lists:foldl/3', list);
  let acc = acc0;
  for (const e of list) acc = fun(e, acc);
  return acc;
}

/**
 * Folds from the right: `fun(Elem, AccIn)` is called on the last element first.
 * @param fun - a fun of an element and the accumulator
 * @param acc0 - the first accumulator
 * @param list - a list
 * @returns `Acc1`, the last accumulator
 * @throws `function_clause` for a non-function or non-list
 * @example
 * // lists:foldr(fun(X, Acc) -> X - Acc end, 0, [1, 2, 3])   % 2
 * lists.foldr((X: number, Acc: number) => X - Acc, 0, [1, 2, 3]); // 2
 * @see https://www.erlang.org/docs/25/man/lists.html#foldr-3
 */
export function foldr<T, A>(fun: (elem: T, accIn: A) => A, acc0: A, list: readonly T[]): A {
  if (!isFun(fun) || !isListArg(list)) return functionClause('lists:foldr', fun, acc0, list);
  let acc = acc0;
  for (let i = list.length - 1; i >= 0; i--) acc = fun(list[i]!, acc);
  return acc;
}

/**
 * Calls `fun` on each element, for its side effects.
 * @param fun - a fun of one element
 * @param list - a list
 * @returns `ok`
 * @throws `function_clause` for a non-function or non-list
 * @example
 * // lists:foreach(fun(X) -> io:format("~p~n", [X]) end, [a, b])
 * lists.foreach((X: string) => io.format('~p~n', [X]), ['a', 'b']); // 'ok'
 * @see https://www.erlang.org/docs/25/man/lists.html#foreach-2
 */
export function foreach<T>(fun: (elem: T) => unknown, list: readonly T[]): 'ok' {
  if (!isFun(fun) || !isListArg(list)) return functionClause('lists:foreach', fun, list);
  for (const e of list) fun(e);
  return 'ok';
}

/**
 * Maps `fun` over the elements, first to last.
 * @param fun - a fun of one element
 * @param list1 - a list
 * @returns `List2`, the results in order
 * @throws `function_clause` when `fun` is no function; `{case_clause, List}` for a non-list
 * @example
 * // lists:map(fun(X) -> X * 2 end, [1, 2, 3])   % [2,4,6]
 * lists.map((X: number) => X * 2, [1, 2, 3]); // list(2, 4, 6)
 * @see https://www.erlang.org/docs/25/man/lists.html#map-2
 */
export function map<A, B>(fun: (a: A) => B, list1: readonly A[]): List<B> {
  if (!isFun(fun)) return functionClause('lists:map', fun, list1);
  if (!isListArg(list1)) return caseClause('lists:map/2', list1);
  const out = new List<B>();
  for (const e of list1) out.push(fun(e));
  return out;
}

function pair(fn: string, r: unknown): readonly [unknown, unknown] {
  if (isTuple(r) && r.length === 2) return r as readonly [unknown, unknown];
  return badmatch(fn, '{Result, Acc}', r);
}

/**
 * Maps and folds from the left at once: `fun(Elem, AccIn)` returns `{Result, AccOut}`.
 * @param fun - a fun of an element and the accumulator returning `[Result, AccOut]`
 * @param acc0 - the first accumulator
 * @param list1 - a list
 * @returns `{List2, Acc1}` as `[List2, Acc1]`
 * @throws `function_clause` for a non-function or non-list; `{badmatch, V}` for a result
 *   that is no 2-tuple
 * @example
 * // lists:mapfoldl(fun(X, Sum) -> {2 * X, X + Sum} end, 0, [1, 2, 3])   % {[2,4,6],6}
 * lists.mapfoldl((X: number, Sum: number) => [2 * X, X + Sum], 0, [1, 2, 3]); // [list(2, 4, 6), 6]
 * @see https://www.erlang.org/docs/25/man/lists.html#mapfoldl-3
 */
export function mapfoldl<T, R, A>(
  fun: (elem: T, accIn: A) => readonly [R, A],
  acc0: A,
  list1: readonly T[],
): [List<R>, A] {
  if (!isFun(fun) || !isListArg(list1)) return functionClause('lists:mapfoldl', fun, acc0, list1);
  const out = new List<R>();
  let acc = acc0;
  for (const e of list1) {
    const [r, next] = pair('lists:mapfoldl/3', fun(e, acc));
    out.push(r as R);
    acc = next as A;
  }
  return [out, acc];
}

/**
 * Maps and folds from the right at once: `fun(Elem, AccIn)` is called on the last element first.
 * @param fun - a fun of an element and the accumulator returning `[Result, AccOut]`
 * @param acc0 - the first accumulator
 * @param list1 - a list
 * @returns `{List2, Acc1}` as `[List2, Acc1]`, List2 in the order of `list1`
 * @throws `function_clause` for a non-function or non-list; `{badmatch, V}` for a result
 *   that is no 2-tuple
 * @example
 * // lists:mapfoldr(fun(X, N) -> {{N, X}, N + 1} end, 0, [a, b])   % {[{1,a},{0,b}],2}
 * lists.mapfoldr((X: string, N: number) => [[N, X], N + 1], 0, ['a', 'b']); // [list([1, 'a'], [0, 'b']), 2]
 * @see https://www.erlang.org/docs/25/man/lists.html#mapfoldr-3
 */
export function mapfoldr<T, R, A>(
  fun: (elem: T, accIn: A) => readonly [R, A],
  acc0: A,
  list1: readonly T[],
): [List<R>, A] {
  if (!isFun(fun) || !isListArg(list1)) return functionClause('lists:mapfoldr', fun, acc0, list1);
  const results: R[] = [];
  let acc = acc0;
  for (let i = list1.length - 1; i >= 0; i--) {
    const [r, next] = pair('lists:mapfoldr/3', fun(list1[i]!, acc));
    results.push(r as R);
    acc = next as A;
  }
  return [toList(results.reverse()), acc];
}

/**
 * Splits a list into the elements for which `pred` holds and the rest, each in order.
 * @param pred - a fun of one element returning `true` or `false`
 * @param list - a list
 * @returns `{Satisfying, NotSatisfying}` as `[Satisfying, NotSatisfying]`
 * @throws `function_clause` for a non-function or non-list; `{case_clause, V}` for a result
 *   that is neither `true` nor `false`
 * @example
 * // lists:partition(fun(A) -> A rem 2 == 1 end, [1, 2, 3, 4, 5, 6, 7])   % {[1,3,5,7],[2,4,6]}
 * lists.partition((A: number) => A % 2 === 1, [1, 2, 3, 4, 5, 6, 7]); // [list(1, 3, 5, 7), list(2, 4, 6)]
 * @see https://www.erlang.org/docs/25/man/lists.html#partition-2
 */
export function partition<T>(pred: (elem: T) => Bool, list: readonly T[]): [List<T>, List<T>] {
  if (!isFun(pred) || !isListArg(list)) return functionClause('lists:partition', pred, list);
  const yes = new List<T>();
  const no = new List<T>();
  for (const e of list) (truth('lists:partition/2', pred(e)) ? yes : no).push(e);
  return [yes, no];
}

/**
 * The first element for which `pred` holds.
 * @param pred - a fun of one element returning `true` or `false`
 * @param list - a list
 * @returns `{value, Value}` as `['value', Value]`, or `false`
 * @throws `function_clause` for a non-function or non-list; `{case_clause, V}` for a result
 *   that is neither `true` nor `false`
 * @example
 * // lists:search(fun(X) -> X > 1 end, [1, 2, 3])   % {value,2}
 * lists.search((X: number) => X > 1, [1, 2, 3]); // ['value', 2]
 * @see https://www.erlang.org/docs/25/man/lists.html#search-2
 */
export function search<T>(pred: (elem: T) => Bool, list: readonly T[]): ['value', T] | false {
  if (!isFun(pred) || !isListArg(list)) return functionClause('lists:search', pred, list);
  for (const e of list) if (truth('lists:search/2', pred(e))) return ['value', e];
  return false;
}

/**
 * Splits a list before the first element for which `pred` does not hold.
 * @param pred - a fun of one element returning `true` or `false`
 * @param list - a list
 * @returns `{List1, List2}` as `[List1, List2]`: `takewhile` and `dropwhile` of `list`
 * @throws `function_clause` for a non-function or non-list; `{case_clause, V}` for a result
 *   that is neither `true` nor `false`
 * @example
 * // lists:splitwith(fun(A) -> is_atom(A) end, [a, b, 1, c, d, 2, 3, 4, e])   % {[a,b],[1,c,d,2,3,4,e]}
 * lists.splitwith((A: unknown) => typeof A === 'string', ['a', 'b', 1, 'c', 'd', 2, 3, 4, 'e']);
 * @see https://www.erlang.org/docs/25/man/lists.html#splitwith-2
 */
export function splitwith<T>(pred: (elem: T) => Bool, list: readonly T[]): [List<T>, List<T>] {
  if (!isFun(pred) || !isListArg(list)) return functionClause('lists:splitwith', pred, list);
  let i = 0;
  while (i < list.length && truth('lists:splitwith/2', pred(list[i]!))) i++;
  return [toList(list.slice(0, i)), toList(list.slice(i))];
}

/**
 * Takes elements while `pred` holds for them.
 * @param pred - a fun of one element returning `true` or `false`
 * @param list1 - a list
 * @returns `List2`, up to the first element for which `pred` is `false`
 * @throws `function_clause` for a non-function or non-list; `{case_clause, V}` for a result
 *   that is neither `true` nor `false`
 * @example
 * // lists:takewhile(fun(X) -> X < 3 end, [1, 2, 3, 1])   % [1,2]
 * lists.takewhile((X: number) => X < 3, [1, 2, 3, 1]); // list(1, 2)
 * @see https://www.erlang.org/docs/25/man/lists.html#takewhile-2
 */
export function takewhile<T>(pred: (elem: T) => Bool, list1: readonly T[]): List<T> {
  if (!isFun(pred) || !isListArg(list1)) return functionClause('lists:takewhile', pred, list1);
  let i = 0;
  while (i < list1.length && truth('lists:takewhile/2', pred(list1[i]!))) i++;
  return toList(list1.slice(0, i));
}

/**
 * The old name of {@link filtermap}, kept by OTP for compatibility.
 * @param fun - a fun of one element returning `false`, `true` or `['true', Value]`
 * @param list1 - a list
 * @returns `List2`
 * @throws as filtermap
 * @example
 * // lists:zf(fun(X) -> X > 1 end, [1, 2, 3])   % [2,3]
 * lists.zf((X: number) => X > 1, [1, 2, 3]); // list(2, 3)
 * @see https://www.erlang.org/docs/25/man/lists.html#zf-2
 */
export function zf<T, U = T>(
  fun: (elem: T) => Bool | readonly [true | 'true', U],
  list1: readonly T[],
): List<T | U> {
  return filtermapAs('lists:filtermap', fun, list1);
}

/**
 * Combines the elements of two lists of equal length pairwise with `combine`.
 * @param combine - a fun of two elements
 * @param list1 - a list
 * @param list2 - a list as long as `list1`
 * @returns `List3`, `[Combine(X1, Y1), Combine(X2, Y2), ...]`
 * @throws `function_clause` when the lengths differ (after combining the common part, as OTP)
 *   or a list is not a list; `{badfun, F}` when `combine` is no function
 * @example
 * // lists:zipwith(fun(X, Y) -> X + Y end, [1, 2, 3], [4, 5, 6])   % [5,7,9]
 * lists.zipwith((X: number, Y: number) => X + Y, [1, 2, 3], [4, 5, 6]); // list(5, 7, 9)
 * @see https://www.erlang.org/docs/25/man/lists.html#zipwith-3
 */
export function zipwith<X, Y, T>(
  combine: (x: X, y: Y) => T,
  list1: readonly X[],
  list2: readonly Y[],
): List<T> {
  if (!isListArg(list1) || !isListArg(list2)) return functionClause('lists:zipwith', combine, list1, list2);
  const out = new List<T>();
  const n = Math.min(list1.length, list2.length);
  for (let i = 0; i < n; i++) out.push(apply('lists:zipwith/3', combine, list1[i], list2[i]) as T);
  if (list1.length !== list2.length || !isFun(combine)) {
    return functionClause('lists:zipwith', combine, list1.slice(n), list2.slice(n));
  }
  return out;
}

/**
 * Combines the elements of three lists of equal length with `combine`.
 * @param combine - a fun of three elements
 * @param list1 - a list
 * @param list2 - a list as long as `list1`
 * @param list3 - a list as long as `list1`
 * @returns `List4`, `[Combine(X1, Y1, Z1), ...]`
 * @throws `function_clause` when the lengths differ (after combining the common part) or a
 *   list is not a list; `{badfun, F}` when `combine` is no function
 * @example
 * // lists:zipwith3(fun(X, Y, Z) -> [X, Y, Z] end, [a, b], [1, 2], [x, y])   % [[a,1,x],[b,2,y]]
 * lists.zipwith3((X: string, Y: number, Z: string) => list(X, Y, Z), ['a', 'b'], [1, 2], ['x', 'y']);
 * @see https://www.erlang.org/docs/25/man/lists.html#zipwith3-4
 */
export function zipwith3<X, Y, Z, T>(
  combine: (x: X, y: Y, z: Z) => T,
  list1: readonly X[],
  list2: readonly Y[],
  list3: readonly Z[],
): List<T> {
  if (!isListArg(list1) || !isListArg(list2) || !isListArg(list3)) {
    return functionClause('lists:zipwith3', combine, list1, list2, list3);
  }
  const out = new List<T>();
  const n = Math.min(list1.length, list2.length, list3.length);
  for (let i = 0; i < n; i++) {
    out.push(apply('lists:zipwith3/4', combine, list1[i], list2[i], list3[i]) as T);
  }
  if (list1.length !== n || list2.length !== n || list3.length !== n || !isFun(combine)) {
    return functionClause('lists:zipwith3', combine, list1.slice(n), list2.slice(n), list3.slice(n));
  }
  return out;
}
