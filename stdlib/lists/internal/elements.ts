/**
 * OTP 25's lists functions that take lists apart and build them, without funs: append, concat,
 * delete, droplast, duplicate, enumerate, flatlength, flatten, join, last, max, min, member,
 * nth, nthtail, prefix, reverse, seq, split, sublist, subtract, suffix, sum, uniq, unzip,
 * unzip3, zip, zip3.
 *
 * Each follows the clauses of its Erlang original, so it fails where OTP fails and with the
 * same reason (clauses.ts). A list argument may be any array (DESIGN §2); inside a list, a
 * List is a list and a plain array is a tuple, which matters to flatten and flatlength.
 */
import { ErlangError } from 'erlts';
import {
  List,
  atomText,
  badarg,
  compareTerms,
  describe,
  termEquals,
  termKind,
  toList,
  type AtomValue,
} from '../../../runtime/internal/library-api.js';
import {
  addIntegers,
  appendBadarg,
  apply,
  countArg,
  functionClause,
  improperList,
  isFun,
  isInteger,
  isListArg,
  isListTerm,
  isTuple,
  listWithout,
  badarith,
  multiplyIntegers,
  plus,
} from './clauses.js';
import { TermBag, TermSet } from './term-set.js';

/** The longest list erlts builds in one call; past it Erlang would exhaust memory. */
const maxLength = 2 ** 32 - 1;

function systemLimit(fn: string, what: string): never {
  throw new ErlangError('system_limit', `${fn}: ${what} is longer than a JS array can be`);
}

/**
 * Concatenates two lists, as `List1 ++ List2`.
 * @param list1 - a list
 * @param list2 - a list; when `list1` is empty it is returned whatever it is, as in OTP
 * @returns `List3`, the elements of `list1` then those of `list2`
 * @throws `badarg` when `list1` is not a list, or when `list2` is not a list and `list1` is not
 *   empty (OTP builds an improper list, which erlts cannot represent)
 * @example
 * // lists:append("abc", "def")   % "abcdef"
 * lists.append(list(97, 98, 99), list(100, 101, 102)); // list(97, 98, 99, 100, 101, 102)
 * @see https://www.erlang.org/docs/25/man/lists.html#append-2
 */
export function append<T>(list1: readonly T[], list2: readonly T[]): List<T>;
/**
 * Appends the lists in a list of lists.
 * @param listOfLists - a list of lists
 * @returns `List1`, all their elements in order
 * @throws `function_clause` when `listOfLists` is not a list; `badarg` when an element other
 *   than the last is not a list
 * @example
 * // lists:append([[1, 2, 3], [a, b], [4, 5, 6]])   % [1,2,3,a,b,4,5,6]
 * lists.append([list(1, 2, 3), list('a', 'b'), list(4, 5, 6)]); // list(1, 2, 3, 'a', 'b', 4, 5, 6)
 * @see https://www.erlang.org/docs/25/man/lists.html#append-1
 */
export function append<T>(listOfLists: readonly (readonly T[])[]): List<T>;
export function append(...args: unknown[]): unknown {
  if (args.length >= 2) return append2('lists:append/2', args[0], args[1]);
  const lists = args[0];
  if (!isListArg(lists)) return functionClause('lists:append', lists);
  if (lists.length === 0) return new List();
  // append([H | T]) -> H ++ append(T): the innermost ++ (the rightmost pair) runs first.
  const tail = lists[lists.length - 1];
  const heads = lists.slice(0, -1);
  for (let i = heads.length - 1; i >= 0; i--) {
    if (!isListArg(heads[i])) return appendBadarg('lists:append/1', heads[i]);
  }
  const flat = (heads as (readonly unknown[])[]).flat();
  if (!isListArg(tail)) return flat.length === 0 ? tail : improperList('lists:append/1', tail);
  return toList([...flat, ...tail]);
}

/** `L1 ++ L2`. */
export function append2(fn: string, l1: unknown, l2: unknown): unknown {
  if (!isListArg(l1)) return appendBadarg(fn, l1);
  if (l1.length === 0) return isListArg(l2) ? toList(l2) : l2;
  if (!isListArg(l2)) return improperList(fn, l2);
  const out = toList(l1);
  for (const e of l2) out.push(e);
  return out;
}

/** `float_to_list/1`: 20 digits after the point and a two-digit exponent, as C's `%.20e`. */
function floatToList(x: number): string {
  return x.toExponential(20).replace(/e([+-])(\d)$/, 'e$10$2');
}

/**
 * Concatenates the text of atoms, integers, floats and strings into one string.
 * @param things - a list of atoms, integers, floats and strings (lists of character codes)
 * @returns the string, a List of character codes
 * @throws `function_clause` for a non-list or an element of another type
 * @example
 * // lists:concat([doc, '/', file, '.', 3])   % "doc/file.3"
 * lists.concat(['doc', '/', 'file', '.', 3]); // the codes of "doc/file.3"
 * @see https://www.erlang.org/docs/25/man/lists.html#concat-1
 */
export function concat(things: readonly unknown[]): List<number> {
  if (!isListArg(things)) return functionClause('lists:concat', things);
  const out = new List<number>();
  for (const x of things) {
    const kind = termKind(x);
    let text: string;
    if (kind === 'integer') text = String(x);
    else if (kind === 'float') text = floatToList(x as number);
    else if (kind === 'atom') text = atomText(x as AtomValue);
    else if (isListArg(x)) {
      for (const code of x as number[]) out.push(code);
      continue;
    } else return functionClause('lists:thing_to_list', x);
    for (const ch of text) out.push(ch.codePointAt(0) ?? 0);
  }
  return out;
}

/**
 * Removes the first element that matches `elem` (`=:=`).
 * @param elem - the element to remove
 * @param list1 - a list
 * @returns `List2`, `list1` without its first `elem`
 * @example
 * // lists:delete(b, [a, b, c, b])   % [a,c,b]
 * lists.delete('b', ['a', 'b', 'c', 'b']); // list('a', 'c', 'b')
 * @see https://www.erlang.org/docs/25/man/lists.html#delete-2
 */
export function delete_<T>(elem: T, list1: readonly T[]): List<T> {
  if (!isListArg(list1)) return functionClause('lists:delete', elem, list1);
  return listWithout(
    list1,
    list1.findIndex((e) => termEquals(e, elem)),
  );
}

/**
 * Drops the last element of a non-empty list.
 * @param list - a non-empty list
 * @returns `InitList`, all but the last element
 * @throws `function_clause` for `[]` or a non-list
 * @example
 * // lists:droplast([a, b, c])   % [a,b]
 * lists.droplast(['a', 'b', 'c']); // list('a', 'b')
 * @see https://www.erlang.org/docs/25/man/lists.html#droplast-1
 */
export function droplast<T>(list: readonly T[]): List<T> {
  if (!isListArg(list) || list.length === 0) return functionClause('lists:droplast', list);
  return toList(list.slice(0, -1));
}

/**
 * Makes a list of `n` copies of `elem`.
 * @param n - a non-negative integer
 * @param elem - any term
 * @returns `List`, `[Elem, Elem, ...]`
 * @throws `function_clause` unless `n` is a non-negative integer
 * @example
 * // lists:duplicate(3, xx)   % [xx,xx,xx]
 * lists.duplicate(3, 'xx'); // list('xx', 'xx', 'xx')
 * @see https://www.erlang.org/docs/25/man/lists.html#duplicate-2
 */
export function duplicate<T>(n: number | bigint, elem: T): List<T> {
  const count = countArg(n, 0);
  if (count === null) return functionClause('lists:duplicate', n, elem);
  if (count > maxLength) return systemLimit('lists:duplicate/2', 'the list');
  const out = new List<T>();
  for (let i = 0; i < count; i++) out.push(elem);
  return out;
}

/**
 * Numbers the elements: `[{Index, Elem}, ...]` counting up from 1, or from `index`.
 * @param index - the first number (an integer), when given
 * @param list1 - a list
 * @returns `List2`, a List of `[Index, Elem]` tuples
 * @throws `function_clause` when `list1` is not a list or `index` not an integer
 * @example
 * // lists:enumerate(10, [a, b])   % [{10,a},{11,b}]
 * lists.enumerate(10, ['a', 'b']); // list([10, 'a'], [11, 'b'])
 * @see https://www.erlang.org/docs/25/man/lists.html#enumerate-2
 */
export function enumerate<T>(index: number | bigint, list1: readonly T[]): List<[number | bigint, T]>;
/**
 * Numbers the elements from 1: `[{1, Elem1}, {2, Elem2}, ...]`.
 * @param list1 - a list
 * @returns `List2`, a List of `[Index, Elem]` tuples
 * @throws `function_clause` when `list1` is not a list
 * @example
 * // lists:enumerate([a, b, c])   % [{1,a},{2,b},{3,c}]
 * lists.enumerate(['a', 'b', 'c']); // list([1, 'a'], [2, 'b'], [3, 'c'])
 * @see https://www.erlang.org/docs/25/man/lists.html#enumerate-1
 */
export function enumerate<T>(list1: readonly T[]): List<[number, T]>;
export function enumerate(...args: unknown[]): unknown {
  const [index, l] = args.length >= 2 ? [args[0], args[1]] : [1, args[0]];
  if (!isInteger(index) || !isListArg(l)) return functionClause('lists:enumerate', ...args);
  const out = new List<unknown>();
  let i: number | bigint = index;
  for (const e of l) {
    out.push([i, e]);
    i = addIntegers(i, 1);
  }
  return out;
}

/**
 * Counts the elements of a deep list: nested Lists are walked, everything else counts one.
 * @param deepList - a list whose elements may be lists
 * @returns the length of `lists.flatten(deepList)`
 * @throws `function_clause` when `deepList` is not a list
 * @example
 * // lists:flatlength([a, [b, [c]], {d, e}])   % 4
 * lists.flatlength(['a', list('b', list('c')), ['d', 'e']]); // 4
 * @see https://www.erlang.org/docs/25/man/lists.html#flatlength-1
 */
export function flatlength(deepList: readonly unknown[]): number {
  if (!isListArg(deepList)) return functionClause('lists:flatlength', deepList, 0);
  let n = 0;
  const stack: (readonly unknown[])[] = [deepList];
  while (stack.length > 0) {
    for (const e of stack.pop()!) {
      if (isListTerm(e)) stack.push(e);
      else n++;
    }
  }
  return n;
}

/** The elements of a deep list in order, nested Lists spliced in (no recursion: any depth). */
function flattenInto(out: unknown[], deep: readonly unknown[]): void {
  const stack: { list: readonly unknown[]; i: number }[] = [{ list: deep, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.list.length) {
      stack.pop();
      continue;
    }
    const e = top.list[top.i++];
    if (isListTerm(e)) stack.push({ list: e, i: 0 });
    else out.push(e);
  }
}

/**
 * Flattens a deep list: nested Lists are spliced in; tuples (plain arrays) stay elements.
 * @param deepList - a list whose elements may be lists
 * @param tail - a list put after the result, when given
 * @returns `List`, the flat list (then `tail`)
 * @throws `function_clause` when `deepList` or `tail` is not a list
 * @example
 * // lists:flatten([a, [b, [c]], {d, [e]}], [f])   % [a,b,c,{d,[e]},f]
 * lists.flatten(['a', list('b', list('c')), ['d', list('e')]], ['f']);
 * @see https://www.erlang.org/docs/25/man/lists.html#flatten-2
 */
export function flatten<T = unknown>(deepList: readonly unknown[], tail: readonly T[]): List<T>;
/**
 * Flattens a deep list: nested Lists are spliced in; tuples (plain arrays) stay elements.
 * @param deepList - a list whose elements may be lists
 * @returns `List`, the flat list
 * @throws `function_clause` when `deepList` is not a list
 * @example
 * // lists:flatten([a, [b, [c]], [], d])   % [a,b,c,d]
 * lists.flatten(['a', list('b', list('c')), list(), 'd']); // list('a', 'b', 'c', 'd')
 * @see https://www.erlang.org/docs/25/man/lists.html#flatten-1
 */
export function flatten<T = unknown>(deepList: readonly unknown[]): List<T>;
export function flatten(...args: unknown[]): unknown {
  const [deep, tail] = args.length >= 2 ? args : [args[0], []];
  if (!isListArg(deep) || !isListArg(tail)) return functionClause('lists:flatten', ...args);
  const out = new List<unknown>();
  flattenInto(out, deep);
  for (const e of tail) out.push(e);
  return out;
}

/**
 * Puts `sep` between the elements of a list.
 * @param sep - any term
 * @param list1 - a list
 * @returns `List2`, `[E1, Sep, E2, Sep, ..., En]`
 * @throws `function_clause` when `list1` is not a list
 * @example
 * // lists:join(x, [a, b, c])   % [a,x,b,x,c]
 * lists.join('x', ['a', 'b', 'c']); // list('a', 'x', 'b', 'x', 'c')
 * @see https://www.erlang.org/docs/25/man/lists.html#join-2
 */
export function join<T, S>(sep: S, list1: readonly T[]): List<T | S> {
  if (!isListArg(list1)) return functionClause('lists:join', sep, list1);
  const out = new List<T | S>();
  list1.forEach((e, i) => {
    if (i > 0) out.push(sep);
    out.push(e);
  });
  return out;
}

/**
 * The last element of a non-empty list.
 * @param list - a non-empty list
 * @returns `Last`
 * @throws `function_clause` for `[]` or a non-list
 * @example
 * // lists:last([a, b, c])   % c
 * lists.last(['a', 'b', 'c']); // 'c'
 * @see https://www.erlang.org/docs/25/man/lists.html#last-1
 */
export function last<T>(list: readonly T[]): T {
  if (!isListArg(list) || list.length === 0) return functionClause('lists:last', list);
  return list[list.length - 1]!;
}

/**
 * The largest element in Erlang's term order; the first of equal ones.
 * @param list - a non-empty list
 * @returns `Max`
 * @throws `function_clause` for `[]` or a non-list
 * @example
 * // lists:max([1, a, {b}, 2.5])   % {b}
 * lists.max([1, 'a', ['b'], 2.5]); // ['b']
 * @see https://www.erlang.org/docs/25/man/lists.html#max-1
 */
export function max<T>(list: readonly T[]): T {
  if (!isListArg(list) || list.length === 0) return functionClause('lists:max', list);
  let m = list[0]!;
  for (let i = 1; i < list.length; i++) if (compareTerms(list[i], m) > 0) m = list[i]!;
  return m;
}

/**
 * The smallest element in Erlang's term order; the first of equal ones.
 * @param list - a non-empty list
 * @returns `Min`
 * @throws `function_clause` for `[]` or a non-list
 * @example
 * // lists:min([c, 3, "x"])   % 3
 * lists.min(['c', 3, list(120)]); // 3
 * @see https://www.erlang.org/docs/25/man/lists.html#min-1
 */
export function min<T>(list: readonly T[]): T {
  if (!isListArg(list) || list.length === 0) return functionClause('lists:min', list);
  let m = list[0]!;
  for (let i = 1; i < list.length; i++) if (compareTerms(list[i], m) < 0) m = list[i]!;
  return m;
}

/**
 * Whether `elem` matches (`=:=`) an element of the list.
 * @param elem - any term
 * @param list - a list
 * @returns `true` or `false`
 * @throws `badarg` when `list` is not a list
 * @example
 * // lists:member({a, 1}, [{a, 1}, b])   % true
 * lists.member(['a', 1], [['a', 1], 'b']); // true
 * @see https://www.erlang.org/docs/25/man/lists.html#member-2
 */
export function member(elem: unknown, list: readonly unknown[]): boolean {
  if (!isListArg(list)) return badarg('lists:member/2', `not a list: ${describe(list)}`);
  return list.some((e) => termEquals(e, elem));
}

/**
 * Walks `nth(N, [_ | T]) when N > 1 -> nth(N - 1, T)` to the index the Erlang clauses reach:
 * an index for an integer N in range, else the failure they end in (`function_clause`, or
 * `badarith` when N is no number and OTP computes `N - 1`).
 */
function position(fn: string, n: unknown, list: readonly unknown[], min: number, args: unknown[]): number {
  const i = countArg(n, min);
  if (i !== null) {
    if (i <= list.length) return i;
    return functionClause(fn, ...args);
  }
  // N is a float, a negative integer, or no number at all.
  const kind = termKind(n);
  if (kind !== 'integer' && kind !== 'float' && list.length > 0) return badarith(fn, n, '-', 1);
  return functionClause(fn, ...args);
}

/**
 * The `n`th element, counting from 1.
 * @param n - an integer from 1 to the length of `list`
 * @param list - a list
 * @returns `Elem`
 * @throws `function_clause` when `n` is out of range or `list` is not a list
 * @example
 * // lists:nth(2, [a, b, c])   % b
 * lists.nth(2, ['a', 'b', 'c']); // 'b'
 * @see https://www.erlang.org/docs/25/man/lists.html#nth-2
 */
export function nth<T>(n: number | bigint, list: readonly T[]): T {
  if (!isListArg(list)) return functionClause('lists:nth', n, list);
  return list[position('lists:nth', n, list, 1, [n, list]) - 1]!;
}

/**
 * The tail after the first `n` elements.
 * @param n - an integer from 0 to the length of `list`
 * @param list - a list
 * @returns `Tail`
 * @throws `function_clause` when `n` is out of range or `list` is not a list
 * @example
 * // lists:nthtail(2, [a, b, c])   % [c]
 * lists.nthtail(2, ['a', 'b', 'c']); // list('c')
 * @see https://www.erlang.org/docs/25/man/lists.html#nthtail-2
 */
export function nthtail<T>(n: number | bigint, list: readonly T[]): List<T> {
  if (!isListArg(list)) return functionClause('lists:nthtail', n, list);
  return toList(list.slice(position('lists:nthtail', n, list, 0, [n, list])));
}

/**
 * Whether `list1` is a prefix of `list2` (elements compared with `=:=`).
 * @param list1 - a list
 * @param list2 - a list
 * @returns `true` or `false`
 * @throws `function_clause` when either is not a list
 * @example
 * // lists:prefix([a, b], [a, b, c])   % true
 * lists.prefix(['a', 'b'], ['a', 'b', 'c']); // true
 * @see https://www.erlang.org/docs/25/man/lists.html#prefix-2
 */
export function prefix(list1: readonly unknown[], list2: readonly unknown[]): boolean {
  if (!isListArg(list1) || !isListArg(list2)) return functionClause('lists:prefix', list1, list2);
  return list1.length <= list2.length && list1.every((e, i) => termEquals(e, list2[i]));
}

/**
 * Reverses `list1` onto `tail`: `lists.reverse(L, T)` is `lists.reverse(L) ++ T`.
 * @param list1 - a list
 * @param tail - a list; when `list1` is empty it is returned whatever it is, as in OTP
 * @returns `List2`
 * @throws `badarg` when `list1` is not a list, or when `tail` is not a list and `list1` is not
 *   empty (OTP builds an improper list, which erlts cannot represent)
 * @example
 * // lists:reverse([1, 2, 3], [4, 5])   % [3,2,1,4,5]
 * lists.reverse([1, 2, 3], [4, 5]); // list(3, 2, 1, 4, 5)
 * @see https://www.erlang.org/docs/25/man/lists.html#reverse-2
 */
export function reverse<T>(list1: readonly T[], tail: readonly T[]): List<T>;
/**
 * Reverses a list.
 * @param list1 - a list
 * @returns `List2`, the elements in reverse order
 * @throws `function_clause` when `list1` is not a list
 * @example
 * // lists:reverse([1, 2, 3])   % [3,2,1]
 * lists.reverse([1, 2, 3]); // list(3, 2, 1)
 * @see https://www.erlang.org/docs/25/man/lists.html#reverse-1
 */
export function reverse<T>(list1: readonly T[]): List<T>;
export function reverse(...args: unknown[]): unknown {
  const l = args[0];
  if (args.length < 2) {
    if (!isListArg(l)) return functionClause('lists:reverse', l);
    return toList(l).reverse();
  }
  const tail = args[1];
  if (!isListArg(l)) return badarg('lists:reverse/2', `not a list: ${describe(l)}`);
  if (l.length === 0) return isListArg(tail) ? toList(tail) : tail;
  if (!isListArg(tail)) return improperList('lists:reverse/2', tail);
  const out = toList(l).reverse();
  for (const e of tail) out.push(e);
  return out;
}

/**
 * The integers from `from` to `to` stepping by `incr` (by 1 when not given).
 * @param from - an integer
 * @param to - an integer
 * @param incr - a non-zero integer, or 0 when `from` equals `to`
 * @returns `Seq`, `[From, From + Incr, ...]` up to `to`; `[]` when `to` is `from - incr`
 * @throws `function_clause` (seq/2) or `badarg` (seq/3) for non-integers or a `to` behind
 *   `from` by more than one step
 * @example
 * // lists:seq(1, 10, 3)   % [1,4,7,10]
 * lists.seq(1, 10, 3); // list(1, 4, 7, 10)
 * @see https://www.erlang.org/docs/25/man/lists.html#seq-3
 */
export function seq(from: number | bigint, to: number | bigint, incr: number | bigint): List<number | bigint>;
/**
 * The integers from `from` to `to`.
 * @param from - an integer
 * @param to - an integer, at least `from - 1`
 * @returns `Seq`, `[From, From + 1, ..., To]`
 * @throws `function_clause` for non-integers or `to < from - 1`
 * @example
 * // lists:seq(1, 4)   % [1,2,3,4]
 * lists.seq(1, 4); // list(1, 2, 3, 4)
 * @see https://www.erlang.org/docs/25/man/lists.html#seq-2
 */
export function seq(from: number, to: number): List<number>;
export function seq(from: number | bigint, to: number | bigint): List<number | bigint>;
export function seq(...args: unknown[]): unknown {
  const [first, last] = args;
  if (args.length < 3) {
    if (!isInteger(first) || !isInteger(last) || BigInt(first) - 1n > BigInt(last)) {
      return functionClause('lists:seq', first, last);
    }
    return integers('lists:seq/2', first, BigInt(last) - BigInt(first) + 1n, 1);
  }
  const inc = args[2];
  if (isInteger(first) && isInteger(last) && isInteger(inc)) {
    const [f, l, i] = [BigInt(first), BigInt(last), BigInt(inc)];
    if ((i > 0n && f - i <= l) || (i < 0n && f - i >= l)) {
      return integers('lists:seq/3', first, (l - f + i) / i, inc);
    }
    if (i === 0n && f === l) return toList([first]);
  }
  return badarg(
    'lists:seq/3',
    `no sequence from ${describe(first)} to ${describe(last)} by ${describe(inc)}`,
  );
}

/** `[First, First + Incr, ...]`, `n` of them; numbers while safe, bigints past 2^53. */
function integers(
  fn: string,
  first: number | bigint,
  n: bigint,
  incr: number | bigint,
): List<number | bigint> {
  if (n > BigInt(maxLength)) return systemLimit(fn, 'the sequence');
  const out = new List<number | bigint>();
  const count = Number(n);
  if (typeof first === 'number' && typeof incr === 'number') {
    const span = (count - 1) * incr;
    if (Number.isSafeInteger(span) && Number.isSafeInteger(first + span)) {
      for (let k = 0; k < count; k++) out.push(first + k * incr);
      return out;
    }
  }
  for (let k = 0; k < count; k++) out.push(addIntegers(first, multiplyIntegers(k, incr)));
  return out;
}

/**
 * Splits a list after its first `n` elements.
 * @param n - an integer from 0 to the length of `list1`
 * @param list1 - a list
 * @returns `{List2, List3}` as `[List2, List3]`
 * @throws `badarg` when `n` is out of range or not an integer, or `list1` is not a list
 * @example
 * // lists:split(2, [a, b, c])   % {[a,b],[c]}
 * lists.split(2, ['a', 'b', 'c']); // [list('a', 'b'), list('c')]
 * @see https://www.erlang.org/docs/25/man/lists.html#split-2
 */
export function split<T>(n: number | bigint, list1: readonly T[]): [List<T>, List<T>] {
  const count = countArg(n, 0);
  if (count === null || !isListArg(list1) || count > list1.length) {
    return badarg('lists:split/2', `cannot split ${describe(list1)} after ${describe(n)} elements`);
  }
  return [toList(list1.slice(0, count)), toList(list1.slice(count))];
}

/**
 * The sublist of `len` elements starting at position `start` (from 1); shorter at the end.
 * @param list1 - a list
 * @param start - an integer from 1 to the length of `list1` plus 1
 * @param len - a non-negative integer
 * @returns `List2`
 * @throws `function_clause` for a `start` past the end plus one, or bad arguments
 * @example
 * // lists:sublist([a, b, c, d], 2, 2)   % [b,c]
 * lists.sublist(['a', 'b', 'c', 'd'], 2, 2); // list('b', 'c')
 * @see https://www.erlang.org/docs/25/man/lists.html#sublist-3
 */
export function sublist<T>(list1: readonly T[], start: number | bigint, len: number | bigint): List<T>;
/**
 * The first `len` elements, or the whole list when it is shorter.
 * @param list1 - a list
 * @param len - a non-negative integer
 * @returns `List2`
 * @throws `function_clause` when `len` is not a non-negative integer or `list1` not a list
 * @example
 * // lists:sublist([a, b, c], 2)   % [a,b]
 * lists.sublist(['a', 'b', 'c'], 2); // list('a', 'b')
 * @see https://www.erlang.org/docs/25/man/lists.html#sublist-2
 */
export function sublist<T>(list1: readonly T[], len: number | bigint): List<T>;
export function sublist(...args: unknown[]): unknown {
  const l = args[0];
  if (args.length < 3) {
    const len = countArg(args[1], 0);
    if (len === null || !isListArg(l)) return functionClause('lists:sublist', l, args[1]);
    return toList(l.slice(0, len));
  }
  // sublist([_ | T], S, L) when S >= 2 walks to S = 1; sublist([], S, _) when S >= 2 -> [].
  const [, start, len] = args;
  const s = countArg(start, 1);
  if (s === null || !isListArg(l)) return functionClause('lists:sublist', l, start, len);
  if (s - 1 > l.length) return new List();
  const n = countArg(len, 0);
  if (n === null) return functionClause('lists:sublist', l.slice(s - 1), 1, len);
  return toList(l.slice(s - 1, s - 1 + n));
}

/**
 * `list1 -- list2`: for each element of `list2`, the first element of `list1` that matches it
 * (`=:=`) is removed.
 * @param list1 - a list
 * @param list2 - a list
 * @returns `List3`
 * @throws `badarg` when either is not a list
 * @example
 * // lists:subtract([a, b, c, b], [b, d])   % [a,c,b]
 * lists.subtract(['a', 'b', 'c', 'b'], ['b', 'd']); // list('a', 'c', 'b')
 * @see https://www.erlang.org/docs/25/man/lists.html#subtract-2
 */
export function subtract<T>(list1: readonly T[], list2: readonly unknown[]): List<T> {
  if (!isListArg(list1) || !isListArg(list2)) {
    return badarg('lists:subtract/2', `${describe(list1)} -- ${describe(list2)}: not lists`);
  }
  const bag = new TermBag();
  for (const e of list2) bag.add(e);
  const out = new List<T>();
  for (const e of list1) if (!bag.take(e)) out.push(e);
  return out;
}

/**
 * Whether `suffix` is a suffix of `list` (elements compared with `=:=`).
 * @param suffix - a list
 * @param list - a list
 * @returns `true` or `false`
 * @throws `badarg` when either is not a list
 * @example
 * // lists:suffix([b, c], [a, b, c])   % true
 * lists.suffix(['b', 'c'], ['a', 'b', 'c']); // true
 * @see https://www.erlang.org/docs/25/man/lists.html#suffix-2
 */
export function suffix(suffix: readonly unknown[], list: readonly unknown[]): boolean {
  if (!isListArg(list)) return badarg('lists:suffix/2', `length(${describe(list)}): not a list`);
  if (!isListArg(suffix)) return badarg('lists:suffix/2', `length(${describe(suffix)}): not a list`);
  const delta = list.length - suffix.length;
  return delta >= 0 && suffix.every((e, i) => termEquals(e, list[delta + i]));
}

/**
 * The sum of the elements: integers stay exact, a float makes the sum a float.
 * @param list - a list of numbers
 * @returns the sum, `0` for `[]`
 * @throws `badarith` for an element that is no number; `function_clause` for a non-list
 * @example
 * // lists:sum([1, 2, 3.5])   % 6.5
 * lists.sum([1, 2, 3.5]); // 6.5
 * @see https://www.erlang.org/docs/25/man/lists.html#sum-1
 */
export function sum(list: readonly (number | bigint)[]): number | bigint {
  if (!isListArg(list)) return functionClause('lists:sum', list, 0);
  let s: number | bigint = 0;
  // Once a float joins the sum it stays a float, even where JS cannot show it (2.0 is 2).
  let float = false;
  for (const e of list) {
    const next = plus('lists:sum/1', s, e);
    float ||= termKind(e) === 'float';
    s = float ? Number(s) + Number(e) : next;
    if (float && !Number.isFinite(s)) return badarith('lists:sum/1', next, '+', e);
  }
  return s;
}

/**
 * Removes duplicates (by `=:=`, or by equal `fun` results), keeping the first of each.
 * @param fun - maps an element to the key that decides duplicates, when given
 * @param list1 - a list
 * @returns `List2`, the elements in their order, each first occurrence only
 * @throws `function_clause` for a non-list or a `fun` that is no function
 * @example
 * // lists:uniq(fun({X, _}) -> X end, [{b, 2}, {a, 1}, {b, 1}])   % [{b,2},{a,1}]
 * lists.uniq(([X]: [string, number]) => X, [['b', 2], ['a', 1], ['b', 1]]);
 * @see https://www.erlang.org/docs/25/man/lists.html#uniq-2
 */
export function uniq<T>(fun: (elem: T) => unknown, list1: readonly T[]): List<T>;
/**
 * Removes duplicates (by `=:=`), keeping the first of each.
 * @param list1 - a list
 * @returns `List2`, the elements in their order, each first occurrence only
 * @throws `function_clause` for a non-list
 * @example
 * // lists:uniq([3, 3, 1, 2, 1, 2, 3])   % [3,1,2]
 * lists.uniq([3, 3, 1, 2, 1, 2, 3]); // list(3, 1, 2)
 * @see https://www.erlang.org/docs/25/man/lists.html#uniq-1
 */
export function uniq<T>(list1: readonly T[]): List<T>;
export function uniq(...args: unknown[]): unknown {
  const [fun, l] = args.length >= 2 ? args : [undefined, args[0]];
  if (!isListArg(l) || (args.length >= 2 && !isFun(fun))) return functionClause('lists:uniq', ...args);
  const seen = new TermSet();
  const out = new List<unknown>();
  for (const e of l) if (seen.add(args.length >= 2 ? apply('lists:uniq/2', fun, e) : e)) out.push(e);
  return out;
}

/**
 * Splits a list of pairs into a list of first elements and a list of second elements.
 * @param list1 - a list of 2-tuples
 * @returns `{List2, List3}` as `[List2, List3]`
 * @throws `function_clause` for an element that is no 2-tuple, or a non-list
 * @example
 * // lists:unzip([{a, 1}, {b, 2}])   % {[a,b],[1,2]}
 * lists.unzip([['a', 1], ['b', 2]]); // [list('a', 'b'), list(1, 2)]
 * @see https://www.erlang.org/docs/25/man/lists.html#unzip-1
 */
export function unzip<A, B>(list1: readonly (readonly [A, B])[]): [List<A>, List<B>] {
  if (!isListArg(list1)) return functionClause('lists:unzip', list1);
  const xs = new List<A>();
  const ys = new List<B>();
  for (const t of list1) {
    if (!isTuple(t) || t.length !== 2) return functionClause('lists:unzip', list1);
    xs.push(t[0]);
    ys.push(t[1]);
  }
  return [xs, ys];
}

/**
 * Splits a list of triples into three lists.
 * @param list1 - a list of 3-tuples
 * @returns `{List2, List3, List4}` as `[List2, List3, List4]`
 * @throws `function_clause` for an element that is no 3-tuple, or a non-list
 * @example
 * // lists:unzip3([{a, 1, x}, {b, 2, y}])   % {[a,b],[1,2],[x,y]}
 * lists.unzip3([['a', 1, 'x'], ['b', 2, 'y']]); // [list('a', 'b'), list(1, 2), list('x', 'y')]
 * @see https://www.erlang.org/docs/25/man/lists.html#unzip3-1
 */
export function unzip3<A, B, C>(list1: readonly (readonly [A, B, C])[]): [List<A>, List<B>, List<C>] {
  if (!isListArg(list1)) return functionClause('lists:unzip3', list1);
  const xs = new List<A>();
  const ys = new List<B>();
  const zs = new List<C>();
  for (const t of list1) {
    if (!isTuple(t) || t.length !== 3) return functionClause('lists:unzip3', list1);
    xs.push(t[0]);
    ys.push(t[1]);
    zs.push(t[2]);
  }
  return [xs, ys, zs];
}

/**
 * Pairs up the elements of two lists of equal length.
 * @param list1 - a list
 * @param list2 - a list as long as `list1`
 * @returns `List3`, `[{X1, Y1}, {X2, Y2}, ...]` as a List of `[X, Y]` tuples
 * @throws `function_clause` when the lengths differ or either is not a list
 * @example
 * // lists:zip([a, b], [1, 2])   % [{a,1},{b,2}]
 * lists.zip(['a', 'b'], [1, 2]); // list(['a', 1], ['b', 2])
 * @see https://www.erlang.org/docs/25/man/lists.html#zip-2
 */
export function zip<A, B>(list1: readonly A[], list2: readonly B[]): List<[A, B]> {
  if (!isListArg(list1) || !isListArg(list2) || list1.length !== list2.length) {
    return functionClause('lists:zip', list1, list2);
  }
  return toList(list1.map((x, i): [A, B] => [x, list2[i]!]));
}

/**
 * Makes triples of the elements of three lists of equal length.
 * @param list1 - a list
 * @param list2 - a list as long as `list1`
 * @param list3 - a list as long as `list1`
 * @returns `List4`, a List of `[X, Y, Z]` tuples
 * @throws `function_clause` when the lengths differ or any is not a list
 * @example
 * // lists:zip3([a, b], [1, 2], [x, y])   % [{a,1,x},{b,2,y}]
 * lists.zip3(['a', 'b'], [1, 2], ['x', 'y']); // list(['a', 1, 'x'], ['b', 2, 'y'])
 * @see https://www.erlang.org/docs/25/man/lists.html#zip3-3
 */
export function zip3<A, B, C>(
  list1: readonly A[],
  list2: readonly B[],
  list3: readonly C[],
): List<[A, B, C]> {
  if (
    !isListArg(list1) ||
    !isListArg(list2) ||
    !isListArg(list3) ||
    list1.length !== list2.length ||
    list1.length !== list3.length
  ) {
    return functionClause('lists:zip3', list1, list2, list3);
  }
  return toList(list1.map((x, i): [A, B, C] => [x, list2[i]!, list3[i]!]));
}
