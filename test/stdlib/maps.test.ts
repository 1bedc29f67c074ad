/**
 * erlts/maps against OTP 25's maps module: every function on maps fast-check generates (plain
 * objects with atom keys, JS Maps with keys of every kind), each case run by erlts and, in one
 * escript run per section, by erl. Maps in results are compared as their sorted pairs, since
 * erl's results come back through JSON, where a key is a string.
 */
import { inspect } from 'node:util';
import { expect } from 'chai';
import fc from 'fast-check';
import { ErlangError, List, list } from 'erlts';
import * as maps from 'erlts/maps';
import { erlangAvailable, evalInErlang, noErlang, toErlang, type ErlOutcome } from '../support/erlang.js';

const show = (x: unknown): string => inspect(x, { depth: 8, breakLength: Infinity, compact: true });

function isMapValue(v: unknown): v is maps.map {
  if (v instanceof Map) return true;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || Buffer.isBuffer(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A result with each map replaced by `{'$map', Pairs}`, its pairs in map key order (what
 * maps:to_list/1 gives for maps of up to 32 keys, which every map here is).
 */
function norm(v: unknown): unknown {
  if (isMapValue(v)) return ['$map', list(...maps.to_list(v).map(([k, x]) => [norm(k), norm(x)]))];
  if (v instanceof List) return list(...v.map(norm));
  if (Array.isArray(v)) return v.map(norm);
  return v;
}
// The same in Erlang.
const N = `fun N(R) when is_map(R) -> {'$map', [{N(K), N(V)} || {K, V} <- maps:to_list(R)]};
             N(T) when is_tuple(T) -> list_to_tuple([N(X) || X <- tuple_to_list(T)]);
             N(L) when is_list(L) -> [N(X) || X <- L];
             N(X) -> X end`;

/** Exact equality of normalised terms: a List is not a tuple, Buffers by bytes, 1 and 1n equal. */
function same(a: unknown, b: unknown): boolean {
  if (Buffer.isBuffer(a) || Buffer.isBuffer(b))
    return Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    return (
      a instanceof List === b instanceof List && a.length === b.length && a.every((x, i) => same(x, b[i]))
    );
  }
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const int = (x: unknown): x is number | bigint => typeof x === 'bigint' || Number.isSafeInteger(x);
    return int(a) && int(b) && BigInt(a) === BigInt(b);
  }
  // An atom: erl's `true` is a boolean, erlts may give the string.
  if ((a === true || a === false || b === true || b === false) && String(a) === String(b)) return true;
  return Object.is(a, b);
}

function outcome(f: () => unknown): ErlOutcome {
  try {
    return { ok: true, value: norm(f()) };
  } catch (e) {
    if (ErlangError.is(e)) return { ok: false, class: 'error', reason: norm(e.reason) };
    throw e;
  }
}

interface Case {
  readonly label: string;
  readonly erl: string;
  readonly run: () => unknown;
}

/** Runs cases through erl in one escript run and through erlts; fails listing every mismatch. */
function agree(cases: readonly Case[]): void {
  const results = evalInErlang(cases.map((c) => `(${N})(${c.erl})`));
  const mismatches: string[] = [];
  cases.forEach((c, i) => {
    const expected = results[i] as ErlOutcome;
    const actual = outcome(c.run);
    const differ =
      actual.ok !== expected.ok ||
      (actual.ok && expected.ok && !same(actual.value, expected.value)) ||
      (!actual.ok && !expected.ok && !same(actual.reason, expected.reason));
    if (differ) mismatches.push(`${c.label}\n      erl:   ${show(expected)}\n      erlts: ${show(actual)}`);
  });
  if (mismatches.length > 0) {
    expect.fail(
      `${mismatches.length} of ${cases.length} differ from erl:\n    ${mismatches.slice(0, 15).join('\n    ')}`,
    );
  }
}

// ---------------------------------------------------------------------------
// Generating maps

const atomKey = fc.constantFrom(
  'a',
  'b',
  'c',
  'ok',
  'error',
  'z',
  'Z',
  'true',
  'undefined',
  'é',
  '__proto__',
  'abc',
);
/** Keys only a JS Map can hold, and atoms. */
const anyKey: fc.Arbitrary<unknown> = fc.oneof(
  atomKey,
  fc.integer({ min: -3, max: 40 }),
  fc.constantFrom(2n ** 70n, 1.5, -0.25),
  fc.tuple(atomKey, fc.nat(3)),
  fc.array(fc.nat(3), { maxLength: 2 }).map((xs) => list(...xs)),
  fc.constantFrom(Buffer.from('k'), Buffer.alloc(0)),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -5, max: 9 }),
  fc.constantFrom('x', 'y'),
  fc.tuple(fc.nat(3)),
);
const intValue = fc.integer({ min: -5, max: 9 });

/** A plain object of atom keys, or a JS Map of any keys, up to 32 pairs (OTP's flatmap). */
function mapOf(
  keys: fc.Arbitrary<unknown>,
  values: fc.Arbitrary<unknown>,
  jsMap: boolean,
): fc.Arbitrary<maps.map> {
  return fc.array(fc.tuple(keys, values), { maxLength: 10 }).map((pairs) => {
    if (jsMap) return new Map(pairs);
    const o: Record<string, unknown> = {};
    for (const [k, v] of pairs)
      Object.defineProperty(o, k as string, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return o;
  });
}
const someMap = (values: fc.Arbitrary<unknown> = value): fc.Arbitrary<maps.map> =>
  fc.oneof(mapOf(atomKey, values, false), mapOf(anyKey, values, true));

const runs = 80;
function sample<T>(arb: fc.Arbitrary<T>, seed: number): T[] {
  return fc.sample(arb, { numRuns: runs, seed });
}

/** A JS function and the Erlang fun that does the same. */
interface Fun<F> {
  readonly js: F;
  readonly erl: string;
}
const E = toErlang;

describe('erlts/maps', function () {
  this.timeout(120_000);

  describe('agrees with OTP 25 on generated maps', () => {
    before(function () {
      if (!erlangAvailable()) {
        console.log(`    ${noErlang}`);
        this.skip();
      }
    });

    it('get/2,3, find/2, is_key/2, put/3, remove/2, take/2, update/3 and size/1', () => {
      const key = fc.oneof(atomKey, anyKey);
      const cases = sample(fc.tuple(someMap(), key, value), 1).flatMap(([m, k, v]): Case[] => [
        { label: `get ${show(k)} ${show(m)}`, erl: `maps:get(${E(k)}, ${E(m)})`, run: () => maps.get(k, m) },
        {
          label: `get/3 ${show(k)} ${show(m)}`,
          erl: `maps:get(${E(k)}, ${E(m)}, def)`,
          run: () => maps.get(k, m, 'def'),
        },
        {
          label: `find ${show(k)} ${show(m)}`,
          erl: `maps:find(${E(k)}, ${E(m)})`,
          run: () => maps.find(k, m),
        },
        {
          label: `is_key ${show(k)} ${show(m)}`,
          erl: `maps:is_key(${E(k)}, ${E(m)})`,
          run: () => maps.is_key(k, m),
        },
        {
          label: `put ${show(k)} ${show(m)}`,
          erl: `maps:put(${E(k)}, ${E(v)}, ${E(m)})`,
          run: () => maps.put(k, v, m),
        },
        {
          label: `remove ${show(k)} ${show(m)}`,
          erl: `maps:remove(${E(k)}, ${E(m)})`,
          run: () => maps.remove(k, m),
        },
        {
          label: `take ${show(k)} ${show(m)}`,
          erl: `maps:take(${E(k)}, ${E(m)})`,
          run: () => maps.take(k, m),
        },
        {
          label: `update ${show(k)} ${show(m)}`,
          erl: `maps:update(${E(k)}, ${E(v)}, ${E(m)})`,
          run: () => maps.update(k, v, m),
        },
        { label: `size ${show(m)}`, erl: `maps:size(${E(m)})`, run: () => maps.size(m) },
      ]);
      agree(cases);
    });

    it('keys/1, values/1, to_list/1 and iterator/1 with next/1 list pairs in OTP’s order', () => {
      const walk = (m: maps.map): unknown[] => {
        const out: unknown[] = [];
        for (let r = maps.next(maps.iterator(m)); r !== 'none'; r = maps.next(r[2])) out.push([r[0], r[1]]);
        return list(...out);
      };
      const erlWalk = (m: string): string =>
        `(fun W(I, Acc) -> case maps:next(I) of none -> lists:reverse(Acc); {K, V, I2} -> W(I2, [{K, V} | Acc]) end end)(maps:iterator(${m}), [])`;
      const cases = sample(someMap(), 2).flatMap((m): Case[] => [
        { label: `keys ${show(m)}`, erl: `maps:keys(${E(m)})`, run: () => maps.keys(m) },
        { label: `values ${show(m)}`, erl: `maps:values(${E(m)})`, run: () => maps.values(m) },
        { label: `to_list ${show(m)}`, erl: `maps:to_list(${E(m)})`, run: () => maps.to_list(m) },
        { label: `iterator ${show(m)}`, erl: erlWalk(E(m)), run: () => walk(m) },
      ]);
      agree(cases);
    });

    it('from_list/1, from_keys/2, new/0, with/2 and without/2', () => {
      const pairs = fc.array(fc.tuple(anyKey, value), { maxLength: 8 });
      const keys = fc.array(anyKey, { maxLength: 5 });
      const cases = sample(fc.tuple(pairs, keys, someMap(), value), 3).flatMap(([ps, ks, m, v]): Case[] => [
        {
          label: `from_list ${show(ps)}`,
          erl: `maps:from_list(${E(list(...ps))})`,
          run: () => maps.from_list(list(...ps)),
        },
        {
          label: `from_keys ${show(ks)}`,
          erl: `maps:from_keys(${E(list(...ks))}, ${E(v)})`,
          run: () => maps.from_keys(list(...ks), v),
        },
        {
          label: `with ${show(ks)} ${show(m)}`,
          erl: `maps:with(${E(list(...ks))}, ${E(m)})`,
          run: () => maps.with(list(...ks), m),
        },
        {
          label: `without ${show(ks)} ${show(m)}`,
          erl: `maps:without(${E(list(...ks))}, ${E(m)})`,
          run: () => maps.without(list(...ks), m),
        },
      ]);
      agree([...cases, { label: 'new', erl: 'maps:new()', run: () => maps.new() }]);
    });

    it('merge/2, merge_with/3, intersect/2 and intersect_with/3', () => {
      const combine: Fun<(k: unknown, a: unknown, b: unknown) => unknown> = {
        js: (k, a, b) => [k, a, b],
        erl: 'fun(K, A, B) -> {K, A, B} end',
      };
      const cases = sample(fc.tuple(someMap(), someMap()), 4).flatMap(([m1, m2]): Case[] => [
        {
          label: `merge ${show(m1)} ${show(m2)}`,
          erl: `maps:merge(${E(m1)}, ${E(m2)})`,
          run: () => maps.merge(m1, m2),
        },
        {
          label: `merge_with ${show(m1)} ${show(m2)}`,
          erl: `maps:merge_with(${combine.erl}, ${E(m1)}, ${E(m2)})`,
          run: () => maps.merge_with(combine.js, m1, m2),
        },
        {
          label: `intersect ${show(m1)} ${show(m2)}`,
          erl: `maps:intersect(${E(m1)}, ${E(m2)})`,
          run: () => maps.intersect(m1, m2),
        },
        {
          label: `intersect_with ${show(m1)} ${show(m2)}`,
          erl: `maps:intersect_with(${combine.erl}, ${E(m1)}, ${E(m2)})`,
          run: () => maps.intersect_with(combine.js, m1, m2),
        },
      ]);
      agree(cases);
    });

    it('filter/2, filtermap/2, fold/3, foreach/2, map/2 and update_with/3,4, on maps and on iterators', () => {
      const pred: Fun<(k: unknown, v: number) => boolean> = {
        js: (_k, v) => v > 2,
        erl: 'fun(_, V) -> V > 2 end',
      };
      const fm: Fun<(k: unknown, v: number) => boolean | [true, unknown]> = {
        js: (_k, v) => (v > 2 ? [true, v * 10] : v % 2 === 0),
        erl: 'fun(_, V) when V > 2 -> {true, V * 10}; (_, V) -> V rem 2 =:= 0 end',
      };
      const fold: Fun<(k: unknown, v: number, acc: List<unknown>) => List<unknown>> = {
        js: (k, v, acc) => list([k, v], ...acc),
        erl: 'fun(K, V, Acc) -> [{K, V} | Acc] end',
      };
      const mapper: Fun<(k: unknown, v: number) => unknown> = {
        js: (k, v) => [k, v * 2],
        erl: 'fun(K, V) -> {K, V * 2} end',
      };
      const bump: Fun<(v: number) => number> = { js: (v) => v + 100, erl: 'fun(V) -> V + 100 end' };
      const key = fc.oneof(atomKey, anyKey);
      const cases = sample(fc.tuple(someMap(intValue), key, fc.boolean()), 5).flatMap(
        ([m, k, skip]): Case[] => {
          // On an iterator one step in, the functions see the pairs not yet taken.
          const it = (): maps.MapIterator => {
            const i = maps.iterator(m);
            const r = skip ? maps.next(i) : 'none';
            return r === 'none' ? i : r[2];
          };
          const erlIt = skip
            ? `(fun(I) -> case maps:next(I) of none -> I; {_, _, I2} -> I2 end end)(maps:iterator(${E(m)}))`
            : `maps:iterator(${E(m)})`;
          return [
            {
              label: `filter ${show(m)}`,
              erl: `maps:filter(${pred.erl}, ${E(m)})`,
              run: () => maps.filter(pred.js as never, m),
            },
            {
              label: `filter/iter ${skip} ${show(m)}`,
              erl: `maps:filter(${pred.erl}, ${erlIt})`,
              run: () => maps.filter(pred.js as never, it()),
            },
            {
              label: `filtermap ${show(m)}`,
              erl: `maps:filtermap(${fm.erl}, ${E(m)})`,
              run: () => maps.filtermap(fm.js as never, m),
            },
            {
              label: `filtermap/iter ${skip} ${show(m)}`,
              erl: `maps:filtermap(${fm.erl}, ${erlIt})`,
              run: () => maps.filtermap(fm.js as never, it()),
            },
            {
              label: `fold ${show(m)}`,
              erl: `maps:fold(${fold.erl}, [], ${E(m)})`,
              run: () => maps.fold(fold.js as never, list(), m),
            },
            {
              label: `fold/iter ${skip} ${show(m)}`,
              erl: `maps:fold(${fold.erl}, [], ${erlIt})`,
              run: () => maps.fold(fold.js as never, list(), it()),
            },
            {
              label: `foreach ${show(m)}`,
              erl: `maps:foreach(fun(_, _) -> ok end, ${E(m)})`,
              run: () => maps.foreach(() => 'ok', m),
            },
            {
              label: `map ${show(m)}`,
              erl: `maps:map(${mapper.erl}, ${E(m)})`,
              run: () => maps.map(mapper.js as never, m),
            },
            {
              label: `map/iter ${skip} ${show(m)}`,
              erl: `maps:map(${mapper.erl}, ${erlIt})`,
              run: () => maps.map(mapper.js as never, it()),
            },
            {
              label: `update_with/3 ${show(k)} ${show(m)}`,
              erl: `maps:update_with(${E(k)}, ${bump.erl}, ${E(m)})`,
              run: () => maps.update_with(k, bump.js as never, m),
            },
            {
              label: `update_with/4 ${show(k)} ${show(m)}`,
              erl: `maps:update_with(${E(k)}, ${bump.erl}, init, ${E(m)})`,
              run: () => maps.update_with(k, bump.js as never, 'init', m),
            },
          ];
        },
      );
      agree(cases);
    });

    it('groups_from_list/2,3', () => {
      const cases = sample(fc.array(fc.integer({ min: -4, max: 12 }), { maxLength: 10 }), 6).flatMap(
        (xs): Case[] => [
          {
            label: `groups_from_list/2 ${show(xs)}`,
            erl: `maps:groups_from_list(fun(X) -> X rem 3 end, ${E(list(...xs))})`,
            run: () => maps.groups_from_list((x: number) => x % 3 || 0, list(...xs)),
          },
          {
            label: `groups_from_list/3 ${show(xs)}`,
            erl: `maps:groups_from_list(fun(X) when X rem 2 =:= 0 -> even; (_) -> odd end, fun(X) -> X * 2 end, ${E(list(...xs))})`,
            run: () =>
              maps.groups_from_list(
                (x: number) => (x % 2 === 0 ? 'even' : 'odd'),
                (x: number) => x * 2,
                list(...xs),
              ),
          },
        ],
      );
      agree(cases);
    });

    it('raises {badmap, M}, {badkey, K}, badarg and {case_clause, R} as OTP', () => {
      const notMaps: [unknown, string][] = [
        [5, '5'],
        ['x', 'x'],
        [list(1), '[1]'],
        [['a', 1], '{a,1}'],
      ];
      const m = { a: 1, b: 2 };
      const calls: [string, (x: unknown) => unknown, (x: string) => string][] = [
        ['get', (x) => maps.get('a', x as never), (x) => `maps:get(a, ${x})`],
        ['get/3', (x) => maps.get('a', x as never, 0), (x) => `maps:get(a, ${x}, 0)`],
        ['find', (x) => maps.find('a', x as never), (x) => `maps:find(a, ${x})`],
        ['is_key', (x) => maps.is_key('a', x as never), (x) => `maps:is_key(a, ${x})`],
        ['put', (x) => maps.put('a', 1, x as never), (x) => `maps:put(a, 1, ${x})`],
        ['remove', (x) => maps.remove('a', x as never), (x) => `maps:remove(a, ${x})`],
        ['take', (x) => maps.take('a', x as never), (x) => `maps:take(a, ${x})`],
        ['update', (x) => maps.update('a', 1, x as never), (x) => `maps:update(a, 1, ${x})`],
        ['size', (x) => maps.size(x as never), (x) => `maps:size(${x})`],
        ['keys', (x) => maps.keys(x as never), (x) => `maps:keys(${x})`],
        ['values', (x) => maps.values(x as never), (x) => `maps:values(${x})`],
        ['to_list', (x) => maps.to_list(x as never), (x) => `maps:to_list(${x})`],
        ['merge 1', (x) => maps.merge(x as never, m), (x) => `maps:merge(${x}, #{a => 1, b => 2})`],
        ['merge 2', (x) => maps.merge(m, x as never), (x) => `maps:merge(#{a => 1, b => 2}, ${x})`],
        ['intersect', (x) => maps.intersect(m, x as never), (x) => `maps:intersect(#{a => 1, b => 2}, ${x})`],
        [
          'filter',
          (x) => maps.filter(() => true, x as never),
          (x) => `maps:filter(fun(_, _) -> true end, ${x})`,
        ],
        ['map', (x) => maps.map(() => 1, x as never), (x) => `maps:map(fun(_, _) -> 1 end, ${x})`],
        [
          'fold',
          (x) => maps.fold(() => 1, 0, x as never),
          (x) => `maps:fold(fun(_, _, A) -> A end, 0, ${x})`,
        ],
        ['with', (x) => maps.with(list('a'), x as never), (x) => `maps:with([a], ${x})`],
        ['without', (x) => maps.without(list('a'), x as never), (x) => `maps:without([a], ${x})`],
        ['iterator', (x) => maps.iterator(x as never), (x) => `maps:iterator(${x})`],
        [
          'update_with',
          (x) => maps.update_with('a', (v: unknown) => v, x as never),
          (x) => `maps:update_with(a, fun(V) -> V end, ${x})`,
        ],
      ];
      const others: Case[] = [
        { label: 'get missing', erl: 'maps:get(c, #{a => 1})', run: () => maps.get('c', { a: 1 }) },
        {
          label: 'update missing',
          erl: 'maps:update(c, 1, #{a => 1})',
          run: () => maps.update('c', 1, { a: 1 }),
        },
        {
          label: 'update_with missing',
          erl: 'maps:update_with(c, fun(V) -> V end, #{a => 1})',
          run: () => maps.update_with('c', (v: unknown) => v, { a: 1 }),
        },
        {
          label: 'from_list not pairs',
          erl: 'maps:from_list([a])',
          run: () => maps.from_list(list('a') as never),
        },
        { label: 'from_list not a list', erl: 'maps:from_list(x)', run: () => maps.from_list('x' as never) },
        {
          label: 'from_keys not a list',
          erl: 'maps:from_keys(x, 1)',
          run: () => maps.from_keys('x' as never, 1),
        },
        { label: 'with not a list', erl: 'maps:with(x, #{})', run: () => maps.with('x' as never, {}) },
        {
          label: 'without not a list',
          erl: 'maps:without(x, #{})',
          run: () => maps.without('x' as never, {}),
        },
        { label: 'filter not a fun', erl: 'maps:filter(x, #{})', run: () => maps.filter('x' as never, {}) },
        {
          label: 'filter not a boolean',
          erl: 'maps:filter(fun(_, _) -> maybe end, #{a => 1})',
          run: () => maps.filter(() => 'maybe', { a: 1 }),
        },
        {
          label: 'filtermap bad result',
          erl: 'maps:filtermap(fun(_, _) -> bad end, #{a => 1})',
          run: () => maps.filtermap(() => 'bad' as never, { a: 1 }),
        },
        {
          label: 'merge_with not a fun',
          erl: 'maps:merge_with(x, #{}, #{})',
          run: () => maps.merge_with('x' as never, {}, {}),
        },
        {
          label: 'update_with not a fun',
          erl: 'maps:update_with(a, x, #{a => 1})',
          run: () => maps.update_with('a', 'x' as never, { a: 1 }),
        },
        { label: 'next not an iterator', erl: 'maps:next(x)', run: () => maps.next('x' as never) },
        { label: 'next none', erl: 'maps:next(none)', run: () => maps.next('none') },
        {
          label: 'groups_from_list not a list',
          erl: 'maps:groups_from_list(fun(X) -> X end, x)',
          run: () => maps.groups_from_list((x: unknown) => x, 'x' as never),
        },
        {
          label: 'groups_from_list not a fun',
          erl: 'maps:groups_from_list(x, [1])',
          run: () => maps.groups_from_list('x' as never, list(1)),
        },
      ];
      agree([
        ...calls.flatMap(([name, run, erl]) =>
          notMaps.map(([js, src]): Case => ({ label: `${name}(${src})`, erl: erl(src), run: () => run(js) })),
        ),
        ...others,
      ]);
    });
  });

  describe('the JS forms of a map', () => {
    it('gives back a plain object for a plain object, and a JS Map for a JS Map', () => {
      expect(maps.put('b', 2, { a: 1 })).to.deep.equal({ a: 1, b: 2 });
      const m = maps.put('b', 2, new Map([['a', 1]]));
      expect(m).to.be.instanceOf(Map);
      expect([...(m as Map<unknown, unknown>)]).to.deep.equal([
        ['a', 1],
        ['b', 2],
      ]);
    });

    it('turns a plain object into a JS Map for a key that is no atom', () => {
      const m = maps.put(['t', 1], 'x', { a: 1 });
      expect(m).to.be.instanceOf(Map);
      expect(maps.get(['t', 1], m)).to.equal('x');
    });

    it('makes a plain object from lists of atom keys, a JS Map otherwise', () => {
      expect(maps.from_list(list(['a', 1], ['b', 2]))).to.deep.equal({ a: 1, b: 2 });
      expect(maps.from_list(list([1, 'one']))).to.be.instanceOf(Map);
      expect(maps.from_keys(list('a'), 0)).to.deep.equal({ a: 0 });
    });

    it('finds keys of a JS Map by term equality, not identity', () => {
      const m = new Map<unknown, unknown>([[['k', list(1, 2)], 'v']]);
      expect(maps.get(['k', list(1, 2)], m)).to.equal('v');
      expect(maps.is_key(['k', [1, 2]], m)).to.equal(false); // a tuple is no list
      const merged = maps.from_list(list([['k', 1], 1], [['k', 1], 2]));
      expect(maps.size(merged)).to.equal(1);
      expect(maps.get(['k', 1], merged)).to.equal(2);
    });

    it('treats a plain object’s "true" key as the atom true', () => {
      expect(maps.keys({ true: 1, x: 2 })).to.deep.equal(list(true, 'x'));
      expect(maps.get(true, { true: 1 })).to.equal(1);
    });

    it('keeps __proto__ an ordinary key', () => {
      const m = maps.put('__proto__', 1, {});
      expect(Object.keys(m)).to.deep.equal(['__proto__']);
      expect(Object.getPrototypeOf(m)).to.equal(Object.prototype);
    });

    it('calls foreach’s fun in key order', () => {
      const seen: unknown[] = [];
      expect(maps.foreach((k) => seen.push(k), { c: 1, a: 2, b: 3 })).to.equal('ok');
      expect(seen).to.deep.equal(['a', 'b', 'c']);
    });

    it('names the bad value in its errors', () => {
      expect(() => maps.get('a', 5 as never)).to.throw(/maps:get\/2: not a map: 5/);
      expect(() => maps.get('c', { a: 1 })).to.throw(/maps:get\/2: no key c in the map/);
    });
  });
});
