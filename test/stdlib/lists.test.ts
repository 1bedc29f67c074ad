/**
 * erlts/lists against OTP 25's lists: every exported function is called on generated terms
 * (fast-check, a fixed seed; LISTS_SEED explores others) by real erl and by erlts, results and
 * errors compared term by term (lists-support.ts). One escript run per section. Then unit tests
 * for what erl cannot say: shapes (List out, arrays in), messages, stack safety, types.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { ErlangError, List, is_atom, is_integer, is_tuple, list } from 'erlts';
import * as lists from 'erlts/lists';
import { compareTerms } from '../../runtime/internal/library-api.js';
import { erlangAvailable, noErlang } from '../support/erlang.js';
import {
  NamedFun,
  atom,
  binary,
  call,
  listOf,
  listOrNot,
  mismatches,
  nonList,
  number,
  sample,
  seed,
  term,
  toListOf,
  type Case,
} from './lists-support.js';

const c = (fn: string, ...args: unknown[]): Case => call(lists, 'lists', fn, ...args);

/** Runs a section's cases against erl, or skips with the reason. */
function differential(title: string, cases: () => Case[]): void {
  it(title, function () {
    if (!erlangAvailable()) this.skip();
    this.timeout(120_000);
    const bad = mismatches(cases());
    expect(bad, `seed ${seed}:\n${bad.slice(0, 15).join('\n')}`).to.deep.equal([]);
  });
}

const smallInt = fc.integer({ min: -2, max: 7 });
/** An index argument: mostly small integers, now and then a float, an atom or a huge integer. */
const index = fc.oneof(
  { weight: 8, arbitrary: smallInt },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(1.5, 'x', 2n ** 60n, -(2n ** 60n)) },
);
/** A count for duplicate and seq: nothing huge, which OTP would try to build. */
const count = fc.oneof(
  { weight: 8, arbitrary: smallInt },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(1.5, 'x') },
);
/** Integers around 2^60, for seq's bigint arithmetic. */
const big = fc.integer({ min: -2, max: 3 }).map((d) => 2n ** 60n + BigInt(d));
const lst = listOf(term);
const anyList = listOrNot(term);
/** A list of few distinct values, so that elements repeat. */
const repetitive = listOf(fc.constantFrom<unknown>('a', 'b', 1, 2, 2 ** 60, 2n ** 60n, list(1), [1]), 8);

/** A list and an element: one of its own half the time, so that it is found. */
const listAndMember = fc
  .tuple(repetitive, fc.nat(), term, fc.boolean())
  .map(([l, i, t, own]) => [l, own && l.length > 0 ? l[i % l.length] : t] as const);

// ---------------------------------------------------------------------------
// The funs, each in Erlang and in JS

const pred = {
  isInt: new NamedFun('fun(X) -> is_integer(X) end', (x: unknown) => is_integer(x)),
  isAtom: new NamedFun('fun(X) -> is_atom(X) end', (x: unknown) => is_atom(x)),
  isTuple: new NamedFun('fun(X) -> is_tuple(X) end', (x: unknown) => is_tuple(x)),
  ltB: new NamedFun('fun(X) -> X < b end', (x: unknown) => compareTerms(x, 'b') < 0),
  yes: new NamedFun('fun(_) -> true end', () => 'true'),
  identity: new NamedFun('fun(X) -> X end', (x: unknown) => x),
  notAFun: new NamedFun('nofun', 'nofun'),
};
/** Mostly funs that work; now and then one that returns no boolean, or no fun at all. */
function weighted<T>(good: T[], bad: T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...good) },
    { weight: 1, arbitrary: fc.constantFrom(...bad) },
  );
}
const preds = weighted(
  [pred.isInt, pred.isAtom, pred.isTuple, pred.ltB, pred.yes],
  [pred.identity, pred.notAFun],
);

const mapper = {
  wrap: new NamedFun('fun(X) -> {X} end', (x: unknown) => [x]),
  twice: new NamedFun('fun(X) -> [X, X] end', (x: unknown) => list(x, x)),
  identity: pred.identity,
  notAFun: pred.notAFun,
};
const mappers = fc.constantFrom(...Object.values(mapper));
/**
 * flatmap's funs return lists. Not a tuple: erlts takes a plain array returned there as a list
 * (docs/DEVIATIONS.md), where OTP raises badarg.
 */
const flatmapper = {
  one: new NamedFun('fun(X) -> [X] end', (x: unknown) => list(x)),
  twice: mapper.twice,
  atom: new NamedFun('fun(_) -> ok end', () => 'ok'),
  notAFun: pred.notAFun,
};

const folder = {
  cons: new NamedFun('fun(X, A) -> [X | A] end', (x: unknown, a: unknown[]) => list(x, ...a)),
  pair: new NamedFun('fun(X, A) -> {X, A} end', (x: unknown, a: unknown) => [x, a]),
  notAFun: pred.notAFun,
};
const mapfolder = {
  count: new NamedFun('fun(X, N) -> {{N, X}, N + 1} end', (x: unknown, n: number) => [[n, x], n + 1]),
  noPair: new NamedFun('fun(X, _) -> X end', (x: unknown) => x),
  listPair: new NamedFun('fun(X, N) -> [X, N] end', (x: unknown, n: unknown) => list(x, n)),
  notAFun: pred.notAFun,
};
const filtermapper = {
  mixed: new NamedFun('fun(X) when is_integer(X) -> {true, {X}}; (X) -> is_atom(X) end', (x: unknown) =>
    is_integer(x) ? ['true', [x]] : is_atom(x),
  ),
  bad: new NamedFun('fun(X) -> {X} end', (x: unknown) => [x]),
  notAFun: pred.notAFun,
};
const keyer = {
  size: new NamedFun('fun(X) when is_tuple(X) -> tuple_size(X); (X) -> X end', (x: unknown) =>
    is_tuple(x) ? x.length : x,
  ),
  atomic: new NamedFun('fun(X) -> is_atom(X) end', (x: unknown) => is_atom(x)),
  notAFun: pred.notAFun,
};
const combiner = {
  swap: new NamedFun('fun(X, Y) -> {Y, X} end', (x: unknown, y: unknown) => [y, x]),
  notAFun: pred.notAFun,
};
const combiner3 = {
  rev: new NamedFun('fun(X, Y, Z) -> [Z, Y, X] end', (x: unknown, y: unknown, z: unknown) => list(z, y, x)),
  notAFun: pred.notAFun,
};

/** Orderings over any terms: consistent ones, strict ones (not an ordering) and a bad one. */
const ordering = {
  le: new NamedFun('fun(A, B) -> A =< B end', (a: unknown, b: unknown) => compareTerms(a, b) <= 0),
  ge: new NamedFun('fun(A, B) -> A >= B end', (a: unknown, b: unknown) => compareTerms(a, b) >= 0),
  lt: new NamedFun('fun(A, B) -> A < B end', (a: unknown, b: unknown) => compareTerms(a, b) < 0),
  gt: new NamedFun('fun(A, B) -> A > B end', (a: unknown, b: unknown) => compareTerms(a, b) > 0),
  maybe: new NamedFun('fun(_, _) -> maybe end', () => 'maybe'),
  notAFun: pred.notAFun,
};
const orderings = weighted(
  [ordering.le, ordering.ge, ordering.lt, ordering.gt],
  [ordering.maybe, ordering.notAFun],
);
/** Orderings over small integers: one with many ties, one that is no ordering at all. */
const intOrdering = {
  mod3: new NamedFun('fun(A, B) -> A rem 3 =< B rem 3 end', (a: number, b: number) => a % 3 <= b % 3),
  chaos: new NamedFun('fun(A, B) -> (A + B) rem 3 =/= 0 end', (a: number, b: number) => (a + b) % 3 !== 0),
  strictMod3: new NamedFun('fun(A, B) -> A rem 3 < B rem 3 end', (a: number, b: number) => a % 3 < b % 3),
};
const intOrderings = fc.constantFrom(...Object.values(intOrdering), ordering.le, ordering.gt);

// ---------------------------------------------------------------------------

describe('erlts/lists against OTP 25', function () {
  if (!erlangAvailable()) it.skip(noErlang);

  differential('element functions give OTP’s results and errors', () => {
    const arb = fc.oneof(
      fc.tuple(anyList, anyList).map(([a, b]) => c('append', a, b)),
      listOrNot(anyList, 4).map((ll) => c('append', ll)),
      listOrNot(fc.oneof(atom, number, listOf(fc.integer({ min: 97, max: 99 }), 3), binary)).map((l) =>
        c('concat', l),
      ),
      listAndMember.map(([l, e]) => c('delete', e, l)),
      fc.tuple(term, nonList).map(([e, l]) => c('delete', e, l)),
      anyList.map((l) => c('droplast', l)),
      fc.tuple(count, term).map(([n, e]) => c('duplicate', n, e)),
      anyList.map((l) => c('enumerate', l)),
      fc.tuple(index, anyList).map(([i, l]) => c('enumerate', i, l)),
      anyList.map((l) => c('flatlength', l)),
      anyList.map((l) => c('flatten', l)),
      fc.tuple(anyList, anyList).map(([l, t]) => c('flatten', l, t)),
      fc.tuple(term, anyList).map(([s, l]) => c('join', s, l)),
      anyList.map((l) => c('last', l)),
      anyList.map((l) => c('max', l)),
      anyList.map((l) => c('min', l)),
      repetitive.map((l) => c('max', l)),
      repetitive.map((l) => c('min', l)),
      listAndMember.map(([l, e]) => c('member', e, l)),
      fc.tuple(term, nonList).map(([e, l]) => c('member', e, l)),
      fc.tuple(index, anyList).map(([n, l]) => c('nth', n, l)),
      fc.tuple(index, anyList).map(([n, l]) => c('nthtail', n, l)),
      fc
        .tuple(lst, fc.nat(6), fc.boolean())
        .map(([l, n, own]) => c('prefix', own ? toListOf(l.slice(0, n)) : l, l)),
      fc.tuple(anyList, anyList).map(([a, b]) => c('prefix', a, b)),
      anyList.map((l) => c('reverse', l)),
      fc.tuple(anyList, fc.oneof(anyList, atom, number)).map(([l, t]) => c('reverse', l, t)),
      fc.tuple(count, count).map(([a, b]) => c('seq', a, b)),
      fc
        .tuple(count, count, fc.oneof(count, fc.constant(0), fc.constant(-1)))
        .map(([a, b, s]) => c('seq', a, b, s)),
      fc.tuple(big, big).map(([a, b]) => c('seq', a, b)),
      fc.tuple(big, big, fc.integer({ min: -2, max: 2 })).map(([a, b, s]) => c('seq', a, b, s)),
      fc.tuple(index, anyList).map(([n, l]) => c('split', n, l)),
      fc.tuple(anyList, index).map(([l, n]) => c('sublist', l, n)),
      fc.tuple(anyList, index, index).map(([l, s, n]) => c('sublist', l, s, n)),
      fc.tuple(repetitive, repetitive).map(([a, b]) => c('subtract', a, b)),
      fc.tuple(anyList, anyList).map(([a, b]) => c('subtract', a, b)),
      fc
        .tuple(lst, fc.nat(6), fc.boolean())
        .map(([l, n, own]) => c('suffix', own ? toListOf(l.slice(n)) : l, l)),
      fc.tuple(anyList, anyList).map(([a, b]) => c('suffix', a, b)),
      listOrNot(number).map((l) => c('sum', l)),
      listOf(fc.oneof({ weight: 9, arbitrary: number }, { weight: 1, arbitrary: atom })).map((l) =>
        c('sum', l),
      ),
      fc.oneof(repetitive, anyList).map((l) => c('uniq', l)),
      listOrNot(fc.oneof({ weight: 9, arbitrary: fc.tuple(term, term) }, { weight: 1, arbitrary: term })).map(
        (l) => c('unzip', l),
      ),
      listOrNot(
        fc.oneof({ weight: 9, arbitrary: fc.tuple(term, term, term) }, { weight: 1, arbitrary: term }),
      ).map((l) => c('unzip3', l)),
      fc
        .tuple(lst, fc.boolean(), anyList)
        .map(([a, same, b]) => c('zip', a, same ? toListOf([...a].reverse()) : b)),
      fc
        .tuple(lst, fc.boolean(), anyList)
        .map(([a, same, b]) => c('zip3', a, same ? a : b, same ? toListOf([...a].reverse()) : a)),
    );
    return sample(arb, 1500, seed);
  });

  differential('fun-applying functions give OTP’s results and errors', () => {
    const arb = fc.oneof(
      ...(
        ['all', 'any', 'dropwhile', 'filter', 'partition', 'search', 'splitwith', 'takewhile'] as const
      ).map((fn) => fc.tuple(preds, anyList).map(([p, l]) => c(fn, p, l))),
      ...(['filtermap', 'zf'] as const).map((fn) =>
        fc
          .tuple(fc.constantFrom(...Object.values(filtermapper), pred.yes), anyList)
          .map(([f, l]) => c(fn, f, l)),
      ),
      fc.tuple(fc.constantFrom(...Object.values(flatmapper)), anyList).map(([f, l]) => c('flatmap', f, l)),
      fc.tuple(mappers, anyList).map(([f, l]) => c('map', f, l)),
      fc.tuple(mappers, anyList).map(([f, l]) => c('foreach', f, l)),
      ...(['foldl', 'foldr'] as const).map((fn) =>
        fc.tuple(fc.constantFrom(...Object.values(folder)), anyList).map(([f, l]) => c(fn, f, list(), l)),
      ),
      ...(['mapfoldl', 'mapfoldr'] as const).map((fn) =>
        fc.tuple(fc.constantFrom(...Object.values(mapfolder)), anyList).map(([f, l]) => c(fn, f, 0, l)),
      ),
      fc
        .tuple(fc.constantFrom(...Object.values(keyer)), fc.oneof(repetitive, anyList))
        .map(([f, l]) => c('uniq', f, l)),
      fc
        .tuple(fc.constantFrom(...Object.values(combiner)), lst, fc.boolean(), anyList)
        .map(([f, a, same, b]) => c('zipwith', f, a, same ? toListOf([...a].reverse()) : b)),
      fc
        .tuple(fc.constantFrom(...Object.values(combiner3)), lst, fc.boolean(), anyList)
        .map(([f, a, same, b]) => c('zipwith3', f, a, same ? a : b, a)),
    );
    return sample(arb, 1200, seed + 1);
  });

  /** Tuples of 0 to 3 elements keyed on few values, with non-tuples mixed in. */
  const key = fc.constantFrom<unknown>('a', 'b', 1, 2, 2 ** 60, 2n ** 60n);
  const tuple = fc.array(fc.oneof(key, key, term), { maxLength: 3 });
  const tupleList = listOrNot(fc.oneof({ weight: 6, arbitrary: tuple }, { weight: 1, arbitrary: term }), 6);
  const keyIndex = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) },
    { weight: 1, arbitrary: index },
  );

  differential('key functions give OTP’s results and errors', () => {
    const keyMap = {
      wrap: mapper.wrap,
      notAFun: pred.notAFun,
    };
    const arb = fc.oneof(
      ...(['keydelete', 'keyfind', 'keymember', 'keysearch', 'keytake'] as const).map((fn) =>
        fc.tuple(key, keyIndex, tupleList).map(([k, n, l]) => c(fn, k, n, l)),
      ),
      ...(['keyreplace', 'keystore'] as const).map((fn) =>
        fc.tuple(key, keyIndex, tupleList, fc.oneof(tuple, atom)).map(([k, n, l, t]) => c(fn, k, n, l, t)),
      ),
      fc
        .tuple(fc.constantFrom(...Object.values(keyMap)), keyIndex, tupleList)
        .map(([f, n, l]) => c('keymap', f, n, l)),
      fc
        .tuple(
          fc.constantFrom(...Object.values(keyMap)),
          keyIndex,
          listOf(fc.array(key, { minLength: 3, maxLength: 4 })),
        )
        .map(([f, n, l]) => c('keymap', f, n, l)),
    );
    return sample(arb, 1200, seed + 2);
  });

  /** Values where `==` and `=:=` part: which of equal elements a sort keeps, and where. */
  const tied = fc.constantFrom<unknown>(
    0,
    1,
    2 ** 60,
    2n ** 60n,
    [2 ** 60, 'x'],
    [2n ** 60n, 'x'],
    list(2 ** 60),
    list(2n ** 60n),
    'a',
  );
  const tiedTuples = listOf(
    fc.tuple(
      fc.constantFrom<unknown>(1, 2, 2 ** 60, 2n ** 60n, 'a'),
      fc.constantFrom<unknown>('p', 'q', 2 ** 60, 2n ** 60n),
    ),
    12,
  );

  differential('sorts in term order are stable and keep OTP’s first of equals', () => {
    const arb = fc.oneof(
      fc.oneof(listOrNot(term, 12), listOf(tied, 14)).map((l) => c('sort', l)),
      fc.oneof(listOrNot(term, 12), listOf(tied, 14)).map((l) => c('usort', l)),
      ...(['keysort', 'ukeysort'] as const).map((fn) =>
        fc
          .tuple(
            fc.oneof(fc.constantFrom(1, 2), index),
            fc.oneof({ weight: 4, arbitrary: tiedTuples }, { weight: 1, arbitrary: tupleList }),
          )
          .map(([n, l]) => c(fn, n, l)),
      ),
    );
    return sample(arb, 800, seed + 3);
  });

  differential('sorts with a fun give OTP’s exact order, even for a fun that is no ordering', () => {
    const arb = fc.oneof(
      ...(['sort', 'usort'] as const).flatMap((fn) => [
        fc.tuple(orderings, fc.oneof(listOrNot(term, 10), listOf(tied, 16))).map(([f, l]) => c(fn, f, l)),
        fc.tuple(intOrderings, listOf(fc.integer({ min: -6, max: 6 }), 40)).map(([f, l]) => c(fn, f, l)),
      ]),
    );
    return sample(arb, 800, seed + 4);
  });

  /** A list of small integers, sorted (ascending or descending) half the time. */
  const sortedOrNot = <T>(
    l: List<T>,
    sorted: boolean,
    descending: boolean,
    key: (t: T) => unknown,
  ): List<T> => {
    if (!sorted) return l;
    const s = toListOf([...l].sort((x, y) => compareTerms(key(x), key(y))));
    return descending ? toListOf(s.reverse()) : s;
  };
  const mergeInput = (descending: boolean): fc.Arbitrary<unknown> =>
    fc.oneof(
      {
        weight: 12,
        arbitrary: fc
          .tuple(listOf(fc.oneof(fc.integer({ min: 0, max: 6 }), tied), 7), fc.boolean())
          .map(([l, sorted]) => sortedOrNot(l, sorted, descending, (x) => x)),
      },
      { weight: 1, arbitrary: nonList },
    );
  /** Lists of tuples keyed on small integers, sorted by key half the time. */
  const keyMergeInput = (descending: boolean): fc.Arbitrary<unknown> =>
    fc.oneof(
      {
        weight: 10,
        arbitrary: fc
          .tuple(listOf(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('p', 'q')), 6), fc.boolean())
          .map(([l, sorted]) => sortedOrNot(l, sorted, descending, (x) => x[0])),
      },
      { weight: 1, arbitrary: listOf(term, 3) },
      { weight: 1, arbitrary: nonList },
    );

  differential('merges give OTP’s results, for sorted and unsorted input alike', () => {
    const up = mergeInput(false);
    const down = mergeInput(true);
    const arb = fc.oneof(
      listOrNot(up, 6).map((ll) => c('merge', ll)),
      listOrNot(up, 6).map((ll) => c('umerge', ll)),
      fc.tuple(up, up).map(([a, b]) => c('merge', a, b)),
      fc.tuple(up, up).map(([a, b]) => c('umerge', a, b)),
      fc.tuple(up, up, up).map(([a, b, d]) => c('merge3', a, b, d)),
      fc.tuple(up, up, up).map(([a, b, d]) => c('umerge3', a, b, d)),
      fc.tuple(down, down).map(([a, b]) => c('rmerge', a, b)),
      fc.tuple(down, down).map(([a, b]) => c('rumerge', a, b)),
      fc.tuple(down, down, down).map(([a, b, d]) => c('rmerge3', a, b, d)),
      fc.tuple(down, down, down).map(([a, b, d]) => c('rumerge3', a, b, d)),
      ...(['merge', 'umerge', 'rmerge', 'rumerge'] as const).map((fn) =>
        fc
          .tuple(
            weighted([ordering.le, ordering.ge, ordering.lt], [ordering.maybe, ordering.notAFun]),
            up,
            down,
          )
          .map(([f, a, b]) => c(fn, f, a, b)),
      ),
      ...(['keymerge', 'ukeymerge'] as const).map((fn) =>
        fc.tuple(keyIndex, keyMergeInput(false), keyMergeInput(false)).map(([n, a, b]) => c(fn, n, a, b)),
      ),
      ...(['rkeymerge', 'rukeymerge'] as const).map((fn) =>
        fc.tuple(keyIndex, keyMergeInput(true), keyMergeInput(true)).map(([n, a, b]) => c(fn, n, a, b)),
      ),
    );
    return sample(arb, 1500, seed + 5);
  });

  differential('the errors of the manual’s common mistakes are OTP’s', () => [
    c('nth', 0, list(1)),
    c('nth', 3, list(1)),
    c('nthtail', 2, list(1)),
    c('last', list()),
    c('droplast', list()),
    c('max', list()),
    c('reverse', 'a'),
    c('reverse', 'a', list()),
    c('member', 'a', 'b'),
    c('keyfind', 'a', 0, list()),
    c('keyfind', 'a', 1, 'b'),
    c('seq', 5, 1),
    c('seq', 1, 10, 0),
    c('seq', 1, 'a'),
    c('split', 5, list(1)),
    c('sum', list(1, 'a')),
    c('append', list(list(1), 'a')),
    c('append', list('a', list(1))),
    c('map', pred.identity, 'a'),
    c('foldl', folder.pair, 0, 'a'),
    c('filter', pred.identity, list(1)),
    c('filter', pred.yes, 'a'),
    c('mapfoldl', mapfolder.noPair, 0, list(1)),
    c('zipwith', pred.notAFun, list(1), list(2)),
    c('zipwith', combiner.swap, list(1, 2), list(2)),
    c('sort', pred.notAFun, list(1, 2)),
    c('sort', pred.notAFun, list(1)),
    c('sort', ordering.maybe, list(1, 2)),
    c('keysort', 1, list(['a'], 'b')),
    c('keysort', 1, list('b')),
    c('keysort', 0, list()),
    c('keysort', 1, 'a'),
    c('merge', list('a')),
    c('merge', 'a', list()),
    c('merge', list(list(1), 'a')),
    c('umerge', list('a', list(1), list(2))),
    c('concat', list(list(1, 2), 'x', Buffer.from('b'))),
    c('flatmap', flatmapper.atom, list(1)),
    c('keymap', mapper.wrap, 1, list(['a'], 'b')),
    c('keymap', pred.notAFun, 1, list(['a'])),
    c('keymap', mapper.wrap, 0, list()),
    c('sublist', list(1, 2), 2, -1),
    c('sublist', list(1, 2), 4, -1),
    c('sublist', list(1, 2), 3, -1),
  ]);
});

// ---------------------------------------------------------------------------

describe('erlts/lists shapes', () => {
  it('returns Lists, and accepts plain arrays wherever a list is expected', () => {
    const r = lists.reverse([1, 2, 3]);
    expect(r).to.be.instanceOf(List);
    expect(lists.append([[1], [2, 3]]))
      .to.be.instanceOf(List)
      .and.deep.equal(list(1, 2, 3));
    expect(
      lists.merge([
        [1, 4],
        [2, 3],
      ]),
    ).to.deep.equal(list(1, 2, 3, 4));
    expect(
      lists.umerge([
        [1, 2],
        [2, 3],
      ]),
    ).to.deep.equal(list(1, 2, 3));
    expect(lists.sort((a: number, b: number) => a <= b, [3, 1, 2])).to.deep.equal(list(1, 2, 3));
    expect(lists.seq(1, 3)).to.be.instanceOf(List);
    expect(lists.nthtail(0, [1])).to.be.instanceOf(List);
  });

  it('returns tuples as plain arrays and lists inside them as Lists', () => {
    const [a, b] = lists.split(1, [1, 2]);
    expect(a).to.be.instanceOf(List);
    expect(b).to.be.instanceOf(List);
    expect(lists.split(1, [1, 2])).to.not.be.instanceOf(List);
    expect(
      lists.keyfind('b', 1, [
        ['a', 1],
        ['b', 2],
      ]),
    ).to.deep.equal(['b', 2]);
    expect(lists.search((x: number) => x > 1, [1, 2])).to.deep.equal(['value', 2]);
  });

  it('returns the very tuple keyfind finds', () => {
    const t = ['k', 1] as const;
    expect(lists.keyfind('k', 1, [t])).to.equal(t);
  });

  it('never changes its arguments', () => {
    const l = [3, 1, 2];
    lists.sort(l);
    lists.delete(1, l);
    lists.keystore('x', 1, [['a']], ['x']);
    expect(l).to.deep.equal([3, 1, 2]);
  });

  it('tells a tuple (plain array) from a list (List) inside a list', () => {
    expect(lists.flatten([list(1, [2, 3]), [4]])).to.deep.equal(list(1, [2, 3], [4]));
    expect(lists.flatlength([list(1, 2), [3, 4]])).to.equal(3);
  });

  it('treats the atoms true and false and their strings alike in a fun’s result', () => {
    expect(lists.filter((x: number) => (x > 1 ? 'true' : 'false'), [1, 2])).to.deep.equal(list(2));
    expect(lists.filtermap((x: number) => [true, x * 2], [1])).to.deep.equal(list(2));
  });

  it('keeps integers exact past 2^53', () => {
    expect(lists.sum([2 ** 52, 2 ** 52, 2 ** 52])).to.equal(3n * 2n ** 52n);
    expect(lists.seq(2n ** 60n, 2n ** 60n + 2n)).to.deep.equal(
      list(2n ** 60n, 2n ** 60n + 1n, 2n ** 60n + 2n),
    );
    expect(lists.enumerate(2 ** 53 - 1, ['a', 'b'])).to.deep.equal(
      list([2 ** 53 - 1, 'a'], [2n ** 53n, 'b']),
    );
  });

  it('types results from the arguments', () => {
    const mapped: List<string> = lists.map((x: number) => String(x), [1, 2]);
    const pair: [List<number>, List<number>] = lists.partition((x: number) => x > 1, [1, 2]);
    const folded: number = lists.foldl((x: number, acc: number) => x + acc, 0, [1, 2]);
    const found: readonly unknown[] | false = lists.keyfind('a', 1, [['a', 1]]);
    const zipped: List<[string, number]> = lists.zip(['a'], [1]);
    expect([mapped, pair, folded, found, zipped]).to.deep.equal([
      list('1', '2'),
      [list(2), list(1)],
      3,
      ['a', 1],
      list(['a', 1]),
    ]);
  });

  it('makes lists:delete/2 available both as lists.delete and as delete_', () => {
    expect(lists.delete_('a', ['a'])).to.deep.equal(list());
    expect(lists.delete('a', ['b', 'a'])).to.deep.equal(list('b'));
  });
});

describe('erlts/lists errors', () => {
  function raised(fn: () => unknown): ErlangError {
    try {
      fn();
    } catch (e) {
      if (ErlangError.is(e)) return e;
      throw e;
    }
    throw new Error('did not raise');
  }

  it('raises function_clause naming the call, as OTP', () => {
    const e = raised(() => lists.nth(0, list(1)));
    expect(e.reason).to.equal('function_clause');
    expect(e.message).to.equal('no function clause matching lists:nth(0, [1])');
    expect(raised(() => lists.last([])).reason).to.equal('function_clause');
  });

  it('raises {case_clause, V} when a fun returns neither true nor false', () => {
    const e = raised(() => lists.all((() => 'maybe') as never, [1]));
    expect(e.reason).to.deep.equal(['case_clause', 'maybe']);
    expect(e.message).to.include('maybe');
  });

  it('raises badarg where OTP would build an improper list, naming the tail', () => {
    const e = raised(() => lists.append([1], 'a' as never));
    expect(e.reason).to.equal('badarg');
    expect(e.message).to.match(/improper list ending in a/);
    expect(lists.append([], 'a' as never)).to.equal('a');
    expect(lists.reverse([], 'a' as never)).to.equal('a');
  });

  it('raises {badfun, F} when a fun is no function and gets called', () => {
    expect(raised(() => lists.zipwith('f' as never, [1], [2])).reason).to.deep.equal(['badfun', 'f']);
  });

  it('lets a fun’s own exception through', () => {
    const boom = new Error('boom');
    expect(() =>
      lists.map(() => {
        throw boom;
      }, [1]),
    ).to.throw(boom);
  });
});

describe('erlts/lists at scale', function () {
  this.timeout(60_000);
  const n = 50_000;
  const random = Array.from({ length: n }, (_, i) => (i * 7919) % 1009);

  it('sorts, merges and folds long lists without running out of stack', () => {
    const sorted = lists.sort(random);
    expect(sorted[0]).to.equal(0);
    expect(lists.sort((a: number, b: number) => a >= b, random)[0]).to.equal(1008);
    expect(lists.usort((a: number, b: number) => a <= b, random)).to.have.length(1009);
    expect(lists.merge(sorted, sorted)).to.have.length(2 * n);
    expect(lists.umerge(random.map((x) => [x]))).to.have.length(1009);
    expect(lists.merge(random.map((x) => [x]))).to.have.length(n);
    expect(lists.foldr((x: number, acc: number) => x + acc, 0, random)).to.be.a('number');
    expect(lists.flatten([list(list(toListOf(random)))])).to.have.length(n);
  });

  it('flattens any depth of nesting', () => {
    let deep: unknown = list(1);
    for (let i = 0; i < 100_000; i++) deep = list(deep);
    expect(lists.flatten([deep])).to.deep.equal(list(1));
    expect(lists.flatlength([deep])).to.equal(1);
  });
});
