/**
 * OTP 25's maps module over erlts's two JS forms of a map (entries.ts): a plain object, whose
 * keys are atoms, and a JS Map, whose keys may be any term. A function gives back the kind it
 * was given; one that makes a map from lists (from_list, from_keys, groups_from_list) makes a
 * plain object when every key is an atom, else a JS Map. Keys are ordered as OTP 25 orders a
 * map of up to 32 keys: in Erlang's term order.
 */
import { ErlangError, List } from 'erlts';
import { describe, termKind, toList } from '../../../runtime/internal/library-api.js';
import { Entries, badarg, badmap, isMap, type ErlMap } from './entries.js';

/** A map: a plain object (atom keys) or a JS Map (any keys). */
export type map = ErlMap;

/** A value whose type is that of a map's values. */
type ValueOf<M> = M extends Map<unknown, infer V> ? V : M extends Record<string, infer V> ? V : unknown;

/**
 * An iterator over a map, as maps:iterator/1 makes: opaque, and immutable, so `next/1` gives a
 * new one each step.
 * @example
 * // {K, V, I2} = maps:next(maps:iterator(#{a => 1}))
 * const [K, V, I2] = maps.next(maps.iterator({ a: 1 })) as [unknown, unknown, MapIterator];
 * @see https://www.erlang.org/doc/man/maps.html#iterator-1
 */
export class MapIterator {
  /** @internal */
  readonly pairs: readonly (readonly [unknown, unknown])[];
  /** @internal */
  readonly at: number;
  /** @internal Whether the map iterated was a JS Map, so maps built from it are too. */
  readonly jsMap: boolean;

  /** @internal */
  constructor(pairs: readonly (readonly [unknown, unknown])[], at: number, jsMap: boolean) {
    this.pairs = pairs;
    this.at = at;
    this.jsMap = jsMap;
  }
}

/** The pairs a map or an iterator has still to give, in key order. */
function iterated(fn: string, value: unknown): { pairs: (readonly [unknown, unknown])[]; jsMap: boolean } {
  if (value instanceof MapIterator) return { pairs: value.pairs.slice(value.at), jsMap: value.jsMap };
  const e = Entries.of(fn, value);
  return { pairs: e.sorted(), jsMap: e.jsMap };
}

function checkFun(fn: string, f: unknown, arity: number): void {
  if (typeof f !== 'function') badarg(fn, `not a fun of arity ${arity}: ${describe(f)}`);
}

/** The elements of a list argument (a List or a plain array). */
function elements(fn: string, value: unknown): readonly unknown[] {
  const kind = termKind(value);
  if (kind !== 'list' && kind !== 'tuple') badarg(fn, `not a list: ${describe(value)}`);
  return value as unknown[];
}

function badkey(fn: string, key: unknown): never {
  throw new ErlangError(['badkey', key], `maps:${fn}: no key ${describe(key)} in the map`);
}

/**
 * A new empty map.
 * @returns `#{}`, an empty plain object
 * @example
 * // M = maps:new()
 * const M = maps.new();
 * @see https://www.erlang.org/doc/man/maps.html#new-0
 */
export function new_(): Record<string, never> {
  return {};
}

/**
 * The value under a key.
 * @param Key - any term
 * @param Map1 - a map
 * @param Default - what to return when the key is not there; without it, that raises
 * @returns the value; raises `{badkey, Key}` when it is missing (and no default was given),
 *   `{badmap, Map1}` for what is no map
 * @example
 * // 1 = maps:get(a, #{a => 1}), none = maps:get(b, #{a => 1}, none)
 * maps.get('a', { a: 1 }); // 1
 * maps.get('b', { a: 1 }, 'none'); // 'none'
 * @see https://www.erlang.org/doc/man/maps.html#get-3
 */
export function get<M extends map>(Key: unknown, Map1: M): ValueOf<M>;
export function get<M extends map, D>(Key: unknown, Map1: M, Default: D): ValueOf<M> | D;
export function get(Key: unknown, Map1: map, ...Default: unknown[]): unknown {
  const fn = `get/${2 + Math.min(1, Default.length)}`;
  const found = Entries.of(fn, Map1).find(Key);
  if (found.length === 1) return found[0];
  if (Default.length > 0) return Default[0];
  return badkey(fn, Key);
}

/**
 * Looks a key up.
 * @param Key - any term
 * @param Map1 - a map
 * @returns `{ok, Value}` or `error`
 * @example
 * // {ok, 1} = maps:find(a, #{a => 1})
 * maps.find('a', { a: 1 }); // ['ok', 1]
 * @see https://www.erlang.org/doc/man/maps.html#find-2
 */
export function find<M extends map>(Key: unknown, Map1: M): ['ok', ValueOf<M>] | 'error' {
  const found = Entries.of('find/2', Map1).find(Key);
  return found.length === 1 ? ['ok', found[0] as ValueOf<M>] : 'error';
}

/**
 * Whether the map has a key.
 * @param Key - any term
 * @param Map1 - a map
 * @returns `true` or `false`
 * @example
 * // true = maps:is_key(a, #{a => 1})
 * maps.is_key('a', { a: 1 }); // true
 * @see https://www.erlang.org/doc/man/maps.html#is_key-2
 */
export function is_key(Key: unknown, Map1: map): boolean {
  return Entries.of('is_key/2', Map1).has(Key);
}

/**
 * The map with a key set to a value.
 * @param Key - any term; a key that is no atom makes a plain object a JS Map
 * @param Value - any term
 * @param Map1 - a map
 * @returns a new map
 * @example
 * // #{a => 1, b => 2} = maps:put(b, 2, #{a => 1})
 * maps.put('b', 2, { a: 1 }); // { a: 1, b: 2 }
 * @see https://www.erlang.org/doc/man/maps.html#put-3
 */
export function put<M extends map>(Key: unknown, Value: unknown, Map1: M): M {
  const e = Entries.of('put/3', Map1);
  e.set(Key, Value);
  return e.toMap() as M;
}

/**
 * The map without a key (the same pairs when it is not there).
 * @param Key - any term
 * @param Map1 - a map
 * @returns a new map
 * @example
 * // #{b => 2} = maps:remove(a, #{a => 1, b => 2})
 * maps.remove('a', { a: 1, b: 2 }); // { b: 2 }
 * @see https://www.erlang.org/doc/man/maps.html#remove-2
 */
export function remove<M extends map>(Key: unknown, Map1: M): M {
  const e = Entries.of('remove/2', Map1);
  e.delete(Key);
  return e.toMap() as M;
}

/**
 * Removes a key and gives its value.
 * @param Key - any term
 * @param Map1 - a map
 * @returns `{Value, Map2}`, or `error` when the key is not there
 * @example
 * // {1, #{b => 2}} = maps:take(a, #{a => 1, b => 2})
 * maps.take('a', { a: 1, b: 2 }); // [1, { b: 2 }]
 * @see https://www.erlang.org/doc/man/maps.html#take-2
 */
export function take<M extends map>(Key: unknown, Map1: M): [ValueOf<M>, M] | 'error' {
  const e = Entries.of('take/2', Map1);
  const found = e.find(Key);
  if (found.length === 0) return 'error';
  e.delete(Key);
  return [found[0] as ValueOf<M>, e.toMap() as M];
}

/**
 * The map with the value of a key that is there replaced.
 * @param Key - a key of the map
 * @param Value - any term
 * @param Map1 - a map
 * @returns a new map; raises `{badkey, Key}` when the key is not there
 * @example
 * // #{a => 2} = maps:update(a, 2, #{a => 1})
 * maps.update('a', 2, { a: 1 }); // { a: 2 }
 * @see https://www.erlang.org/doc/man/maps.html#update-3
 */
export function update<M extends map>(Key: unknown, Value: unknown, Map1: M): M {
  const e = Entries.of('update/3', Map1);
  if (!e.has(Key)) badkey('update/3', Key);
  e.set(Key, Value);
  return e.toMap() as M;
}

/**
 * The map with the value of a key changed by a fun, or set to `Init` when the key is not there.
 * @param Key - any term
 * @param Fun - `fun(Value1) -> Value2`
 * @param Init - the value for a missing key (not passed to `Fun`); without it, a missing key
 *   raises `{badkey, Key}`
 * @param Map1 - a map
 * @returns a new map
 * @example
 * // #{counter => 2} = maps:update_with(counter, fun(V) -> V + 1 end, 1, #{counter => 1})
 * maps.update_with('counter', (V: number) => V + 1, 1, { counter: 1 }); // { counter: 2 }
 * @see https://www.erlang.org/doc/man/maps.html#update_with-4
 */
export function update_with<M extends map>(Key: unknown, Fun: (Value: ValueOf<M>) => unknown, Map1: M): M;
export function update_with<M extends map>(
  Key: unknown,
  Fun: (Value: ValueOf<M>) => unknown,
  Init: unknown,
  Map1: M,
): M;
export function update_with(Key: unknown, Fun: (Value: never) => unknown, ...rest: unknown[]): map {
  const fn = `update_with/${2 + rest.length}`;
  const e = Entries.of(fn, rest[rest.length - 1]);
  checkFun(fn, Fun, 1);
  const found = e.find(Key);
  if (found.length === 1) e.set(Key, Fun(found[0] as never));
  else if (rest.length === 2) e.set(Key, rest[0]);
  else badkey(fn, Key);
  return e.toMap();
}

/**
 * The number of pairs.
 * @param Map1 - a map
 * @returns a non-negative integer
 * @example
 * // 2 = maps:size(#{a => 1, b => 2})
 * maps.size({ a: 1, b: 2 }); // 2
 * @see https://www.erlang.org/doc/man/maps.html#size-1
 */
export function size(Map1: map): number {
  return Entries.of('size/1', Map1).size;
}

/**
 * The keys, in Erlang's term order (the order OTP 25 gives for a map of up to 32 keys).
 * @param Map1 - a map
 * @returns the list of keys; a plain object's `'true'` and `'false'` come back as booleans
 * @example
 * // [a, b] = maps:keys(#{b => 2, a => 1})
 * maps.keys({ b: 2, a: 1 }); // list('a', 'b')
 * @see https://www.erlang.org/doc/man/maps.html#keys-1
 */
export function keys(Map1: map): List<unknown> {
  return toList(
    Entries.of('keys/1', Map1)
      .sorted()
      .map(([k]) => k),
  );
}

/**
 * The values, in the order of their keys.
 * @param Map1 - a map
 * @returns the list of values
 * @example
 * // [1, 2] = maps:values(#{b => 2, a => 1})
 * maps.values({ b: 2, a: 1 }); // list(1, 2)
 * @see https://www.erlang.org/doc/man/maps.html#values-1
 */
export function values<M extends map>(Map1: M): List<ValueOf<M>> {
  return toList(
    Entries.of('values/1', Map1)
      .sorted()
      .map(([, v]) => v as ValueOf<M>),
  );
}

/**
 * The pairs, in the order of their keys.
 * @param Map1 - a map
 * @returns the list of `{Key, Value}`
 * @example
 * // [{a, 1}, {b, 2}] = maps:to_list(#{b => 2, a => 1})
 * maps.to_list({ b: 2, a: 1 }); // list(['a', 1], ['b', 2])
 * @see https://www.erlang.org/doc/man/maps.html#to_list-1
 */
export function to_list<M extends map>(Map1: M): List<[unknown, ValueOf<M>]> {
  return toList(Entries.of('to_list/1', Map1).sorted() as [unknown, ValueOf<M>][]);
}

/**
 * A map of `{Key, Value}` pairs; a later pair for a key replaces an earlier one.
 * @param Pairs - a list of 2-tuples
 * @returns a plain object when every key is an atom, else a JS Map; raises `badarg` for what
 *   is no list of pairs
 * @example
 * // #{a => 2, b => 1} = maps:from_list([{a, 1}, {b, 1}, {a, 2}])
 * maps.from_list(list(['a', 1], ['b', 1], ['a', 2])); // { a: 2, b: 1 }
 * @see https://www.erlang.org/doc/man/maps.html#from_list-1
 */
export function from_list(Pairs: readonly (readonly unknown[])[]): map {
  const e = new Entries();
  for (const pair of elements('from_list/1', Pairs)) {
    if (termKind(pair) !== 'tuple' || (pair as unknown[]).length !== 2) {
      badarg('from_list/1', `not a {Key, Value} pair: ${describe(pair)}`);
    }
    const [k, v] = pair as [unknown, unknown];
    e.set(k, v);
  }
  return e.toMap();
}

/**
 * A map of every key in a list to one value.
 * @param Keys - a list of terms
 * @param Value - any term
 * @returns a plain object when every key is an atom, else a JS Map
 * @example
 * // #{a => 0, b => 0} = maps:from_keys([a, b, a], 0)
 * maps.from_keys(list('a', 'b', 'a'), 0); // { a: 0, b: 0 }
 * @see https://www.erlang.org/doc/man/maps.html#from_keys-2
 */
export function from_keys<V>(Keys: readonly unknown[], Value: V): map {
  const e = new Entries();
  for (const k of elements('from_keys/2', Keys)) e.set(k, Value);
  return e.toMap();
}

/**
 * The pairs of two maps; where both have a key, the second map's value.
 * @param Map1 - a map
 * @param Map2 - a map
 * @returns a new map, a JS Map when either was one
 * @example
 * // #{a => 1, b => 3, c => 4} = maps:merge(#{a => 1, b => 2}, #{b => 3, c => 4})
 * maps.merge({ a: 1, b: 2 }, { b: 3, c: 4 }); // { a: 1, b: 3, c: 4 }
 * @see https://www.erlang.org/doc/man/maps.html#merge-2
 */
export function merge(Map1: map, Map2: map): map {
  const e = Entries.of('merge/2', Map1);
  if (!isMap(Map2)) badmap('merge/2', Map2);
  e.addAll(Map2);
  return e.toMap();
}

/**
 * The pairs of two maps; where both have a key, what a fun makes of the two values.
 * @param Combiner - `fun(Key, Value1, Value2) -> Value`
 * @param Map1 - a map
 * @param Map2 - a map
 * @returns a new map, a JS Map when either was one
 * @example
 * // #{a => 1, b => 5} = maps:merge_with(fun(_K, V1, V2) -> V1 + V2 end, #{a => 1, b => 2}, #{b => 3})
 * maps.merge_with((_K, V1: number, V2: number) => V1 + V2, { a: 1, b: 2 }, { b: 3 }); // { a: 1, b: 5 }
 * @see https://www.erlang.org/doc/man/maps.html#merge_with-3
 */
export function merge_with<V1, V2>(
  Combiner: (Key: unknown, Value1: V1, Value2: V2) => unknown,
  Map1: map,
  Map2: map,
): map {
  const e = Entries.of('merge_with/3', Map1);
  const second = Entries.of('merge_with/3', Map2);
  checkFun('merge_with/3', Combiner, 3);
  const out = new Entries(e.jsMap || second.jsMap);
  for (const [k, v] of e.sorted()) out.set(k, v);
  for (const [k, v2] of second.sorted()) {
    const v1 = e.find(k);
    out.set(k, v1.length === 1 ? Combiner(k, v1[0] as V1, v2 as V2) : v2);
  }
  return out.toMap();
}

/**
 * The pairs of the second map whose keys the first map has too.
 * @param Map1 - a map
 * @param Map2 - a map
 * @returns a new map, a JS Map when either was one
 * @example
 * // #{a => 2} = maps:intersect(#{a => 1, b => 1}, #{a => 2, c => 2})
 * maps.intersect({ a: 1, b: 1 }, { a: 2, c: 2 }); // { a: 2 }
 * @see https://www.erlang.org/doc/man/maps.html#intersect-2
 */
export function intersect(Map1: map, Map2: map): map {
  return intersectWith('intersect/2', (_k, _v1, v2) => v2, Map1, Map2);
}

/**
 * The keys both maps have, each with what a fun makes of its two values.
 * @param Combiner - `fun(Key, Value1, Value2) -> Value`
 * @param Map1 - a map
 * @param Map2 - a map
 * @returns a new map, a JS Map when either was one
 * @example
 * // #{a => {1, 2}} = maps:intersect_with(fun(_K, V1, V2) -> {V1, V2} end, #{a => 1, b => 1}, #{a => 2})
 * maps.intersect_with((_K, V1, V2) => [V1, V2], { a: 1, b: 1 }, { a: 2 }); // { a: [1, 2] }
 * @see https://www.erlang.org/doc/man/maps.html#intersect_with-3
 */
export function intersect_with<V1, V2>(
  Combiner: (Key: unknown, Value1: V1, Value2: V2) => unknown,
  Map1: map,
  Map2: map,
): map {
  return intersectWith('intersect_with/3', Combiner, Map1, Map2);
}

function intersectWith<V1, V2>(
  fn: string,
  Combiner: (Key: unknown, Value1: V1, Value2: V2) => unknown,
  Map1: map,
  Map2: map,
): map {
  const first = Entries.of(fn, Map1);
  const second = Entries.of(fn, Map2);
  checkFun(fn, Combiner, 3);
  const out = new Entries(first.jsMap || second.jsMap);
  for (const [k, v1] of first.sorted()) {
    const v2 = second.find(k);
    if (v2.length === 1) out.set(k, Combiner(k, v1 as V1, v2[0] as V2));
  }
  return out.toMap();
}

function isTrue(r: unknown): boolean | undefined {
  if (r === true || r === 'true') return true;
  if (r === false || r === 'false') return false;
  return undefined;
}

/**
 * The pairs for which a predicate is true.
 * @param Pred - `fun(Key, Value) -> boolean()`; anything else it returns raises
 *   `{case_clause, Result}`
 * @param MapOrIter - a map, or an iterator (its pairs not yet taken)
 * @returns a new map
 * @example
 * // #{b => 2} = maps:filter(fun(_K, V) -> V > 1 end, #{a => 1, b => 2})
 * maps.filter((_K, V: number) => V > 1, { a: 1, b: 2 }); // { b: 2 }
 * @see https://www.erlang.org/doc/man/maps.html#filter-2
 */
export function filter<M extends map>(
  Pred: (Key: unknown, Value: ValueOf<M>) => unknown,
  MapOrIter: M | MapIterator,
): M {
  const { pairs, jsMap } = iterated('filter/2', MapOrIter);
  checkFun('filter/2', Pred, 2);
  const out = new Entries(jsMap);
  for (const [k, v] of pairs) {
    const r = Pred(k, v as ValueOf<M>);
    const keep = isTrue(r);
    if (keep === undefined)
      throw new ErlangError(
        ['case_clause', r],
        `maps:filter/2: the predicate returned ${describe(r)}, not a boolean`,
      );
    if (keep) out.set(k, v);
  }
  return out.toMap() as M;
}

/**
 * The pairs a fun keeps, each with the value it gives: `true` keeps the pair, `false` drops it,
 * `{true, Value}` keeps the key with a new value.
 * @param Fun - `fun(Key, Value1) -> boolean() | {true, Value2}`
 * @param MapOrIter - a map, or an iterator
 * @returns a new map; raises `{case_clause, Result}` for any other result of `Fun`
 * @example
 * // #{b => 4} = maps:filtermap(fun(_K, V) when V > 1 -> {true, V * 2}; (_, _) -> false end, #{a => 1, b => 2})
 * maps.filtermap((_K, V: number) => (V > 1 ? [true, V * 2] : false), { a: 1, b: 2 }); // { b: 4 }
 * @see https://www.erlang.org/doc/man/maps.html#filtermap-2
 */
export function filtermap<M extends map>(
  Fun: (Key: unknown, Value: ValueOf<M>) => boolean | [true, unknown],
  MapOrIter: M | MapIterator,
): map {
  const { pairs, jsMap } = iterated('filtermap/2', MapOrIter);
  checkFun('filtermap/2', Fun, 2);
  const out = new Entries(jsMap);
  for (const [k, v] of pairs) {
    const r: unknown = Fun(k, v as ValueOf<M>);
    const keep = isTrue(r);
    if (keep === true) out.set(k, v);
    else if (keep === false) continue;
    else if (
      termKind(r) === 'tuple' &&
      (r as unknown[]).length === 2 &&
      isTrue((r as unknown[])[0]) === true
    ) {
      out.set(k, (r as unknown[])[1]);
    } else {
      throw new ErlangError(
        ['case_clause', r],
        `maps:filtermap/2: the fun returned ${describe(r)}, not true, false or {true, Value}`,
      );
    }
  }
  return out.toMap();
}

/**
 * Folds a fun over the pairs, in key order.
 * @param Fun - `fun(Key, Value, AccIn) -> AccOut`
 * @param Init - the first accumulator
 * @param MapOrIter - a map, or an iterator
 * @returns the last accumulator
 * @example
 * // 3 = maps:fold(fun(_K, V, Sum) -> V + Sum end, 0, #{a => 1, b => 2})
 * maps.fold((_K, V: number, Sum: number) => V + Sum, 0, { a: 1, b: 2 }); // 3
 * @see https://www.erlang.org/doc/man/maps.html#fold-3
 */
export function fold<A, M extends map>(
  Fun: (Key: unknown, Value: ValueOf<M>, Acc: A) => A,
  Init: A,
  MapOrIter: M | MapIterator,
): A {
  const { pairs } = iterated('fold/3', MapOrIter);
  checkFun('fold/3', Fun, 3);
  let acc = Init;
  for (const [k, v] of pairs) acc = Fun(k, v as ValueOf<M>, acc);
  return acc;
}

/**
 * Calls a fun on each pair, in key order, for its effects.
 * @param Fun - `fun(Key, Value) -> term()`
 * @param MapOrIter - a map, or an iterator
 * @returns `ok`
 * @example
 * // ok = maps:foreach(fun(K, V) -> io:format("~p: ~p~n", [K, V]) end, #{a => 1})
 * maps.foreach((K, V) => io.format('~p: ~p~n', [K, V]), { a: 1 }); // 'ok'
 * @see https://www.erlang.org/doc/man/maps.html#foreach-2
 */
export function foreach<M extends map>(
  Fun: (Key: unknown, Value: ValueOf<M>) => unknown,
  MapOrIter: M | MapIterator,
): 'ok' {
  const { pairs } = iterated('foreach/2', MapOrIter);
  checkFun('foreach/2', Fun, 2);
  for (const [k, v] of pairs) Fun(k, v as ValueOf<M>);
  return 'ok';
}

/**
 * The map with each value replaced by what a fun makes of its pair.
 * @param Fun - `fun(Key, Value1) -> Value2`
 * @param MapOrIter - a map, or an iterator
 * @returns a new map with the same keys
 * @example
 * // #{a => 2, b => 4} = maps:map(fun(_K, V) -> V * 2 end, #{a => 1, b => 2})
 * maps.map((_K, V: number) => V * 2, { a: 1, b: 2 }); // { a: 2, b: 4 }
 * @see https://www.erlang.org/doc/man/maps.html#map-2
 */
export function map<M extends map>(
  Fun: (Key: unknown, Value: ValueOf<M>) => unknown,
  MapOrIter: M | MapIterator,
): map {
  const { pairs, jsMap } = iterated('map/2', MapOrIter);
  checkFun('map/2', Fun, 2);
  const out = new Entries(jsMap);
  for (const [k, v] of pairs) out.set(k, Fun(k, v as ValueOf<M>));
  return out.toMap();
}

/**
 * The pairs whose keys are in a list.
 * @param Keys - a list of terms
 * @param Map1 - a map
 * @returns a new map
 * @example
 * // #{a => 1} = maps:with([a, c], #{a => 1, b => 2})
 * maps.with(list('a', 'c'), { a: 1, b: 2 }); // { a: 1 }
 * @see https://www.erlang.org/doc/man/maps.html#with-2
 */
export function with_<M extends map>(Keys: readonly unknown[], Map1: M): M {
  const e = Entries.of('with/2', Map1);
  const out = new Entries(e.jsMap);
  for (const k of elements('with/2', Keys)) {
    const v = e.find(k);
    if (v.length === 1) out.set(k, v[0]);
  }
  return out.toMap() as M;
}

/**
 * The pairs whose keys are not in a list.
 * @param Keys - a list of terms
 * @param Map1 - a map
 * @returns a new map
 * @example
 * // #{b => 2} = maps:without([a, c], #{a => 1, b => 2})
 * maps.without(list('a', 'c'), { a: 1, b: 2 }); // { b: 2 }
 * @see https://www.erlang.org/doc/man/maps.html#without-2
 */
export function without<M extends map>(Keys: readonly unknown[], Map1: M): M {
  const e = Entries.of('without/2', Map1);
  for (const k of elements('without/2', Keys)) e.delete(k);
  return e.toMap() as M;
}

/**
 * An iterator over the pairs, in key order.
 * @param Map1 - a map
 * @returns an iterator for `next/1` (and for filter, filtermap, fold, foreach, map)
 * @example
 * // I = maps:iterator(#{a => 1}), {a, 1, I2} = maps:next(I), none = maps:next(I2)
 * const I = maps.iterator({ a: 1 });
 * const [, , I2] = maps.next(I) as [unknown, unknown, MapIterator]; // ['a', 1, I2]
 * maps.next(I2); // 'none'
 * @see https://www.erlang.org/doc/man/maps.html#iterator-1
 */
export function iterator(Map1: map): MapIterator {
  const e = Entries.of('iterator/1', Map1);
  return new MapIterator(e.sorted(), 0, e.jsMap);
}

/**
 * The next pair of an iterator.
 * @param Iterator - from `iterator/1` or `next/1`
 * @returns `{Key, Value, NextIterator}`, or `none` at the end; raises `badarg` for what is no
 *   iterator
 * @example
 * // {a, 1, _} = maps:next(maps:iterator(#{a => 1}))
 * maps.next(maps.iterator({ a: 1 })); // ['a', 1, MapIterator]
 * @see https://www.erlang.org/doc/man/maps.html#next-1
 */
export function next(Iterator: MapIterator | 'none'): [unknown, unknown, MapIterator] | 'none' {
  if (Iterator === 'none') return 'none';
  if (!(Iterator instanceof MapIterator)) badarg('next/1', `not a map iterator: ${describe(Iterator)}`);
  const pair = Iterator.pairs[Iterator.at];
  if (pair === undefined) return 'none';
  return [pair[0], pair[1], new MapIterator(Iterator.pairs, Iterator.at + 1, Iterator.jsMap)];
}

/**
 * Groups the elements of a list by a key a fun computes, keeping their order in each group.
 * @param KeyFun - `fun(Elem) -> Key`
 * @param ValueFun - `fun(Elem) -> Value`, what goes into the group (the element itself when
 *   left out)
 * @param Elements - a list
 * @returns a map of each key to the list of its group; a plain object when every key is an
 *   atom, else a JS Map
 * @example
 * // #{0 => [2], 1 => [1, 3]} = maps:groups_from_list(fun(X) -> X rem 2 end, [1, 2, 3])
 * maps.groups_from_list((X: number) => X % 2, list(1, 2, 3)); // Map { 0 => list(2), 1 => list(1, 3) }
 * @see https://www.erlang.org/doc/man/maps.html#groups_from_list-3
 */
export function groups_from_list<E>(KeyFun: (Elem: E) => unknown, Elements: readonly E[]): map;
export function groups_from_list<E>(
  KeyFun: (Elem: E) => unknown,
  ValueFun: (Elem: E) => unknown,
  Elements: readonly E[],
): map;
export function groups_from_list<E>(KeyFun: (Elem: E) => unknown, ...rest: unknown[]): map {
  const fn = `groups_from_list/${1 + rest.length}`;
  const valueFun = (rest.length === 2 ? rest[0] : (x: E): unknown => x) as (Elem: E) => unknown;
  checkFun(fn, KeyFun, 1);
  checkFun(fn, valueFun, 1);
  const items = elements(fn, rest[rest.length - 1]) as readonly E[];
  const out = new Entries();
  for (const x of items) {
    const k = KeyFun(x);
    const group = out.find(k);
    if (group.length === 1) (group[0] as List<unknown>).push(valueFun(x));
    else out.set(k, toList([valueFun(x)]));
  }
  return out.toMap();
}
