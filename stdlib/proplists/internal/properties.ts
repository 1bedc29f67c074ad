/**
 * OTP 25's proplists functions that read and edit a property list: property/1,2, unfold,
 * compact, lookup, lookup_all, is_defined, get_value/2,3, get_all_values, append_values,
 * get_bool, get_keys, delete, split.
 *
 * A property is an atom (short for `{Atom, true}`) or a tuple whose first element is its key;
 * anything else in the list is skipped, as OTP's `if` guards skip it. Keys compare with `=:=`.
 * Tuples are plain arrays; a List in a property list is no property. Each function follows
 * its Erlang clauses, so a non-list fails as OTP's does: `function_clause` where OTP recurses
 * over the list, `{bad_generator, L}` where it uses a list comprehension.
 */
import { List, termEquals, termKind, toList, type AtomValue } from '../../../runtime/internal/library-api.js';
import { badGenerator, functionClause, isListArg, isTrue, isTuple } from '../../lists/internal/clauses.js';
import { TermMap, TermSet } from '../../lists/internal/term-set.js';

/** A property: an atom (`Key`, short for `{Key, true}`) or a tuple `{Key, ...}`. */
export type property = AtomValue | readonly unknown[];

/** A property list: properties, in order; the first one with a key is the one that counts. */
export type proplist = readonly unknown[];

function isAtom(p: unknown): p is AtomValue {
  return termKind(p) === 'atom';
}

/** Whether `p` has the key `key`: `is_atom(P), P =:= Key` or `element(1, P) =:= Key`. */
function hasKey(p: unknown, key: unknown): boolean {
  if (isAtom(p)) return termEquals(p, key);
  return isTuple(p) && p.length >= 1 && termEquals(p[0], key);
}

/** The key of a property, or none for an element that is no property. */
function keyOf(p: unknown): [unknown] | [] {
  if (isAtom(p)) return [p];
  if (isTuple(p) && p.length >= 1) return [p[0]];
  return [];
}

/**
 * The normal form of a property: `{Key, true}` with an atom key becomes `Key`.
 * @param property - a property
 * @returns `Property`, compacted
 * @example
 * // proplists:property({debug, true})   % debug
 * proplists.property(['debug', true]); // 'debug'
 * @see https://www.erlang.org/docs/25/man/proplists.html#property-1
 */
export function property(property: property): property;
/**
 * Makes a property of a key and a value: `Key` when the value is `true` and the key an atom,
 * else `{Key, Value}`.
 * @param key - the key
 * @param value - the value
 * @returns `Property`
 * @example
 * // proplists:property(size, 10)   % {size,10}
 * proplists.property('size', 10); // ['size', 10]
 * @see https://www.erlang.org/docs/25/man/proplists.html#property-2
 */
export function property(key: unknown, value: unknown): property;
export function property(...args: unknown[]): unknown {
  if (args.length >= 2) {
    const [key, value] = args;
    return isTrue(value) && isAtom(key) ? key : [key, value];
  }
  const p = args[0];
  if (isTuple(p) && p.length === 2 && isTrue(p[1]) && isAtom(p[0])) return p[0];
  return p;
}

/** `property/1` without the overloads, for the functions here that compact. */
export function compactOne(p: unknown): unknown {
  return property(p as property);
}

/**
 * Expands every atom `A` in a list to `{A, true}`.
 * @param listIn - a list
 * @returns `ListOut`
 * @throws `function_clause` for a non-list
 * @example
 * // proplists:unfold([debug, {size, 10}])   % [{debug,true},{size,10}]
 * proplists.unfold(['debug', ['size', 10]]); // list(['debug', true], ['size', 10])
 * @see https://www.erlang.org/docs/25/man/proplists.html#unfold-1
 */
export function unfold(listIn: proplist): List<unknown> {
  if (!isListArg(listIn)) return functionClause('proplists:unfold', listIn);
  return toList(listIn.map((p) => (isAtom(p) ? [p, true] : p)));
}

/**
 * Compacts every property (`{Key, true}` to `Key`); the inverse of unfold.
 * @param listIn - a list
 * @returns `ListOut`
 * @throws `{bad_generator, L}` for a non-list
 * @example
 * // proplists:compact([{debug, true}, {size, 10}])   % [debug,{size,10}]
 * proplists.compact([['debug', true], ['size', 10]]); // list('debug', ['size', 10])
 * @see https://www.erlang.org/docs/25/man/proplists.html#compact-1
 */
export function compact(listIn: proplist): List<unknown> {
  if (!isListArg(listIn)) return badGenerator('proplists:compact/1', listIn);
  return toList(listIn.map(compactOne));
}

/**
 * The first property with the key, unfolded.
 * @param key - the key
 * @param list - a property list
 * @returns `{Key, true}` for an atom, the tuple itself for a tuple, or `none`
 * @throws `function_clause` for a non-list
 * @example
 * // proplists:lookup(size, [debug, {size, 10}])   % {size,10}
 * proplists.lookup('size', ['debug', ['size', 10]]); // ['size', 10]
 * @see https://www.erlang.org/docs/25/man/proplists.html#lookup-2
 */
export function lookup(key: unknown, list: proplist): readonly unknown[] | 'none' {
  if (!isListArg(list)) return functionClause('proplists:lookup', key, list);
  for (const p of list) {
    if (isAtom(p) && termEquals(p, key)) return [key, true];
    if (hasKey(p, key)) return p as readonly unknown[];
  }
  return 'none';
}

/**
 * All properties with the key, unfolded, in order.
 * @param key - the key
 * @param list - a property list
 * @returns a List of `{Key, true}` and the tuples
 * @throws `function_clause` for a non-list
 * @example
 * // proplists:lookup_all(a, [{a, 1}, b, a, {a, 2, x}])   % [{a,1},{a,true},{a,2,x}]
 * proplists.lookup_all('a', [['a', 1], 'b', 'a', ['a', 2, 'x']]); // list(['a', 1], ['a', true], ['a', 2, 'x'])
 * @see https://www.erlang.org/docs/25/man/proplists.html#lookup_all-2
 */
export function lookup_all(key: unknown, list: proplist): List<readonly unknown[]> {
  if (!isListArg(list)) return functionClause('proplists:lookup_all', key, list);
  const out = new List<readonly unknown[]>();
  for (const p of list) {
    if (isAtom(p) && termEquals(p, key)) out.push([key, true]);
    else if (hasKey(p, key)) out.push(p as readonly unknown[]);
  }
  return out;
}

/**
 * Whether some property has the key.
 * @param key - the key
 * @param list - a property list
 * @returns `true` or `false`
 * @throws `function_clause` for a non-list
 * @example
 * // proplists:is_defined(debug, [debug, {size, 10}])   % true
 * proplists.is_defined('debug', ['debug', ['size', 10]]); // true
 * @see https://www.erlang.org/docs/25/man/proplists.html#is_defined-2
 */
export function is_defined(key: unknown, list: proplist): boolean {
  if (!isListArg(list)) return functionClause('proplists:is_defined', key, list);
  return list.some((p) => hasKey(p, key));
}

/**
 * The value of the first property with the key: `true` for an atom, V for `{Key, V}`; the
 * default when there is none, or when the first is a tuple of another size.
 * @param key - the key
 * @param list - a property list
 * @param default_ - what to return without a value
 * @returns the value, or the default
 * @throws `function_clause` for a non-list
 * @example
 * // proplists:get_value(size, [debug, {size, 10}], 0)   % 10
 * proplists.get_value('size', ['debug', ['size', 10]], 0); // 10
 * @see https://www.erlang.org/docs/25/man/proplists.html#get_value-3
 */
export function get_value(key: unknown, list: proplist, default_: unknown): unknown;
/**
 * The value of the first property with the key, or `undefined`: get_value/3 with the
 * default `undefined`.
 * @param key - the key
 * @param list - a property list
 * @returns the value, or the atom `undefined`
 * @throws `function_clause` for a non-list
 * @example
 * // proplists:get_value(debug, [debug])   % true
 * proplists.get_value('debug', ['debug']); // true
 * @see https://www.erlang.org/docs/25/man/proplists.html#get_value-2
 */
export function get_value(key: unknown, list: proplist): unknown;
export function get_value(...args: unknown[]): unknown {
  const [key, list] = args;
  const dflt = args.length >= 3 ? args[2] : 'undefined';
  if (!isListArg(list)) return functionClause('proplists:get_value', key, list, dflt);
  for (const p of list) {
    if (isAtom(p) && termEquals(p, key)) return true;
    if (hasKey(p, key)) return (p as readonly unknown[]).length === 2 ? (p as readonly unknown[])[1] : dflt;
  }
  return dflt;
}

/**
 * The values of all properties with the key, in order (`true` for atoms; tuples of other sizes
 * than two are skipped).
 * @param key - the key
 * @param list - a property list
 * @returns a List of values
 * @throws `function_clause` for a non-list
 * @example
 * // proplists:get_all_values(a, [{a, 1}, a, {a, 2, x}, {a, 3}])   % [1,true,3]
 * proplists.get_all_values('a', [['a', 1], 'a', ['a', 2, 'x'], ['a', 3]]); // list(1, true, 3)
 * @see https://www.erlang.org/docs/25/man/proplists.html#get_all_values-2
 */
export function get_all_values(key: unknown, list: proplist): List<unknown> {
  if (!isListArg(list)) return functionClause('proplists:get_all_values', key, list);
  const out = new List<unknown>();
  for (const p of list) {
    if (isAtom(p) && termEquals(p, key)) out.push(true);
    else if (hasKey(p, key) && (p as readonly unknown[]).length === 2) out.push((p as readonly unknown[])[1]);
  }
  return out;
}

/**
 * The values of all properties with the key appended: a value that is a list is spliced in,
 * any other value (and `true` for an atom) is one element.
 * @param key - the key
 * @param list - a property list
 * @returns a List
 * @throws `function_clause` for a non-list
 * @example
 * // proplists:append_values(a, [{a, [1, 2]}, {b, 0}, {a, 3}, {c, -1}, {a, [4]}])   % [1,2,3,4]
 * proplists.append_values('a', [['a', list(1, 2)], ['b', 0], ['a', 3], ['c', -1], ['a', list(4)]]); // list(1, 2, 3, 4)
 * @see https://www.erlang.org/docs/25/man/proplists.html#append_values-2
 */
export function append_values(key: unknown, list: proplist): List<unknown> {
  if (!isListArg(list)) return functionClause('proplists:append_values', key, list);
  const out = new List<unknown>();
  for (const p of list) {
    if (isAtom(p) && termEquals(p, key)) {
      out.push(true);
    } else if (hasKey(p, key) && (p as readonly unknown[]).length === 2) {
      const value = (p as readonly unknown[])[1];
      // A value that is a list (a List: a plain array there is a tuple) is spliced in.
      if (termKind(value) === 'list') for (const v of value as unknown[]) out.push(v);
      else out.push(value);
    }
  }
  return out;
}

/**
 * Whether the first property with the key is `Key` or `{Key, true}`.
 * @param key - the key
 * @param list - a property list
 * @returns `true` or `false` (also `false` when the key is missing)
 * @throws `function_clause` for a non-list
 * @example
 * // proplists:get_bool(debug, [{debug, true}, {verbose, false}])   % true
 * proplists.get_bool('debug', [['debug', true], ['verbose', false]]); // true
 * @see https://www.erlang.org/docs/25/man/proplists.html#get_bool-2
 */
export function get_bool(key: unknown, list: proplist): boolean {
  if (!isListArg(list)) return functionClause('proplists:get_bool', key, list);
  for (const p of list) {
    if (isAtom(p) && termEquals(p, key)) return true;
    if (hasKey(p, key)) {
      const t = p as readonly unknown[];
      return t.length === 2 && isTrue(t[1]);
    }
  }
  return false;
}

/**
 * The keys used in a property list, each once.
 * @param list - a property list
 * @returns a List of keys, in the order they first appear (OTP gives them in no set order)
 * @throws `function_clause` for a non-list
 * @example
 * // lists:sort(proplists:get_keys([a, {b, 1}, {a, 2}]))   % [a,b]
 * lists.sort(proplists.get_keys(['a', ['b', 1], ['a', 2]])); // list('a', 'b')
 * @see https://www.erlang.org/docs/25/man/proplists.html#get_keys-1
 */
export function get_keys(list: proplist): List<unknown> {
  if (!isListArg(list)) return functionClause('proplists:get_keys', list);
  const seen = new TermSet();
  const out = new List<unknown>();
  for (const p of list) {
    const k = keyOf(p);
    if (k.length === 1 && seen.add(k[0])) out.push(k[0]);
  }
  return out;
}

/**
 * Removes every property with the key.
 * @param key - the key
 * @param list - a property list
 * @returns a List without them (elements that are no properties stay)
 * @throws `function_clause` for a non-list
 * @example
 * // proplists:delete(a, [a, {b, 1}, {a, 2}])   % [{b,1}]
 * proplists.delete('a', ['a', ['b', 1], ['a', 2]]); // list(['b', 1])
 * @see https://www.erlang.org/docs/25/man/proplists.html#delete-2
 */
export function delete_(key: unknown, list: proplist): List<unknown> {
  if (!isListArg(list)) return functionClause('proplists:delete', key, list);
  return toList(list.filter((p) => !hasKey(p, key)));
}

/**
 * Sorts the properties of a list into one list per key in `keys`, and the rest.
 * @param list - a property list
 * @param keys - the keys
 * @returns `{Lists, Rest}` as `[Lists, Rest]`: a List of Lists, one per key in order, and the
 *   properties with none of the keys
 * @throws `{bad_generator, Keys}` when `keys` is not a list; `function_clause` when `list` is not
 * @example
 * // proplists:split([{c, 2}, {e, 1}, a, {c, 3, 4}, d, {b, 5}, b], [a, b, c])
 * // % {[[a],[{b,5},b],[{c,2},{c,3,4}]],[{e,1},d]}
 * proplists.split([['c', 2], ['e', 1], 'a', ['c', 3, 4], 'd', ['b', 5], 'b'], ['a', 'b', 'c']);
 * @see https://www.erlang.org/docs/25/man/proplists.html#split-2
 */
export function split(list: proplist, keys: readonly unknown[]): [List<List<unknown>>, List<unknown>] {
  if (!isListArg(keys)) return badGenerator('proplists:split/2', keys);
  const store = new TermMap<unknown[]>();
  for (const k of keys) store.set(k, []);
  if (!isListArg(list)) return functionClause('proplists:split', list, keys);
  const rest = new List<unknown>();
  for (const p of list) {
    const k = keyOf(p);
    const bucket = k.length === 1 ? store.get(k[0]) : undefined;
    if (bucket !== undefined) bucket.push(p);
    else rest.push(p);
  }
  return [toList(keys.map((k) => toList(store.get(k)!))), rest];
}
