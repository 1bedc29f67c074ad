/**
 * erlts/proplists against OTP 25's proplists: every exported function called on generated
 * property lists (atoms, tuples of every size, non-properties, non-lists) by real erl and by
 * erlts, results and errors compared term by term (lists-support.ts), one escript run per
 * section. Then unit tests for what erl cannot say.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { ErlangError, List, list } from 'erlts';
import * as lists from 'erlts/lists';
import * as proplists from 'erlts/proplists';
import { erlangAvailable, noErlang, toErlang } from '../support/erlang.js';
import { call, listOf, listOrNot, mismatches, nonList, sample, seed, type Case } from './lists-support.js';

const c = (fn: string, ...args: unknown[]): Case => call(proplists, 'proplists', fn, ...args);

function differential(title: string, cases: () => Case[]): void {
  it(title, function () {
    if (!erlangAvailable()) this.skip();
    this.timeout(120_000);
    const bad = mismatches(cases());
    expect(bad, `seed ${seed}:\n${bad.slice(0, 15).join('\n')}`).to.deep.equal([]);
  });
}

/** Keys: mostly atoms, some not (a property's key can be any term). */
const atomKey = fc.constantFrom<unknown>('a', 'b', 'c', true);
const key = fc.oneof(
  { weight: 5, arbitrary: atomKey },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(1, list(1)) },
);
/** Values, with lists (spliced by append_values) and tuples (which are not). */
const value = fc.constantFrom<unknown>(true, false, 'x', 1, list(1, 2), list(), [1, 2]);
/** A property, or now and then something that is none. */
function propertyOf(k: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: k },
    { weight: 4, arbitrary: fc.tuple(k, value) },
    { weight: 1, arbitrary: fc.tuple(k) },
    { weight: 1, arbitrary: fc.tuple(k, value, value) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>([], 7, list('a'), Buffer.from('a')) },
  );
}
const plist = listOrNot(propertyOf(key), 7);
const atomPlist = listOrNot(propertyOf(atomKey), 7);
const pairs = listOrNot(
  fc.oneof(
    { weight: 8, arbitrary: fc.tuple(key, key) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>('a', ['a']) },
  ),
  3,
);
const expansion = fc.tuple(
  propertyOf(key),
  fc.oneof(listOf(fc.oneof(key, fc.tuple(key, value)), 3), fc.constantFrom<unknown>('x')),
);
const expansions = listOrNot(fc.oneof({ weight: 8, arbitrary: expansion }, { weight: 1, arbitrary: key }), 3);
const stage = fc.oneof(
  pairs.map((p) => ['aliases', p]),
  pairs.map((p) => ['negations', p]),
  expansions.map((e) => ['expand', e]),
  fc.constantFrom<unknown>(['other', list()], 'aliases'),
);
const stages = listOrNot(stage, 3);

/** proplists:get_keys/1 sorted: OTP gives the keys in no set order. */
function sortedKeys(l: unknown): Case {
  return {
    erl: `lists:sort(proplists:get_keys(${toErlang(l)}))`,
    run: () => lists.sort(proplists.get_keys(l as unknown[])),
  };
}

describe('erlts/proplists against OTP 25', function () {
  if (!erlangAvailable()) it.skip(noErlang);

  differential('lookups give OTP’s results and errors', () => {
    const arb = fc.oneof(
      propertyOf(key).map((p) => c('property', p)),
      fc.tuple(key, value).map(([k, v]) => c('property', k, v)),
      plist.map((l) => c('unfold', l)),
      plist.map((l) => c('compact', l)),
      ...(
        [
          'lookup',
          'lookup_all',
          'is_defined',
          'get_value',
          'get_all_values',
          'append_values',
          'get_bool',
          'delete',
        ] as const
      ).map((fn) => fc.tuple(key, plist).map(([k, l]) => c(fn, k, l))),
      fc.tuple(key, plist, value).map(([k, l, d]) => c('get_value', k, l, d)),
      plist.map((l) => sortedKeys(l)),
      fc.tuple(plist, listOrNot(key, 4)).map(([l, ks]) => c('split', l, ks)),
    );
    return sample(arb, 1500, seed + 10);
  });

  differential('rewrites and maps give OTP’s results and errors', () => {
    const arb = fc.oneof(
      fc.tuple(pairs, plist).map(([p, l]) => c('substitute_aliases', p, l)),
      fc.tuple(pairs, plist).map(([p, l]) => c('substitute_negations', p, l)),
      fc.tuple(expansions, plist).map(([e, l]) => c('expand', e, l)),
      fc.tuple(plist, stages).map(([l, s]) => c('normalize', l, s)),
      atomPlist.map((l) => c('to_map', l)),
      fc
        .tuple(atomPlist, listOrNot(fc.oneof(pairs.map((p) => ['aliases', p])), 2))
        .filter(([, s]) => JSON.stringify(s).match(/\b1\b/) === null)
        .map(([l, s]) => c('to_map', l, s)),
      fc
        .oneof(
          fc.dictionary(fc.constantFrom('a', 'b', 'c', 'z'), fc.constantFrom<unknown>(1, 'x', list(2))),
          nonList,
        )
        .map((m) => c('from_map', m)),
    );
    return sample(arb, 1500, seed + 11);
  });

  differential('the manual’s examples give OTP’s results', () => [
    c('expand', list(['foo', list('bar', 'baz')]), list('fie', 'foo', 'fum')),
    c('expand', list([['foo', true], list('bar', 'baz')]), list('fie', ['foo', true], 'fum')),
    c('expand', list([['foo', false], list('bar', 'baz')]), list('fie', ['foo', false], 'fum')),
    c('expand', list(['foo', list('bar', 'baz')]), list('fie', ['foo', false], 'fum')),
    c('split', list(['c', 2], ['e', 1], 'a', ['c', 3, 4], 'd', ['b', 5], 'b'), list('a', 'b', 'c')),
    c('append_values', 'a', list(['a', list(1, 2)], ['b', 0], ['a', 3], ['c', -1], ['a', list(4)])),
    c('to_map', list('a', ['b', 5], list('e'), ['c', 6], ['a', 7])),
    c('to_map', list(['a', 1], ['a'], ['a', 2])),
    c(
      'normalize',
      list('no_debug', 'color'),
      list(['aliases', list(['color', 'colour'])], ['negations', list(['no_debug', 'debug'])]),
    ),
    c('get_value', 'a', list(['a', 1, 2], ['a', 3])),
    c('get_bool', 'a', list(['a', 'yes'])),
    c('lookup', 'a', 'x'),
    c('compact', 'x'),
    c('split', list(), 'x'),
    c('from_map', 'x'),
  ]);
});

describe('erlts/proplists shapes', () => {
  it('reads OTP option lists written as plain arrays', () => {
    const opts = ['binary', ['active', 'once'], ['packet', 2]];
    expect(proplists.get_value('active', opts)).to.equal('once');
    expect(proplists.get_value('binary', opts)).to.equal(true);
    expect(proplists.get_value('reuseaddr', opts)).to.equal('undefined');
    expect(proplists.get_value('reuseaddr', opts, false)).to.equal(false);
    expect(proplists.get_bool('binary', opts)).to.equal(true);
    expect(proplists.lookup('packet', opts)).to.equal(opts[2]);
    expect(proplists.delete('binary', opts)).to.deep.equal(list(['active', 'once'], ['packet', 2]));
  });

  it('returns Lists, and tuples as plain arrays', () => {
    const [parts, rest] = proplists.split(['a', ['b', 1], 'c'], ['a', 'b']);
    expect(parts).to.be.instanceOf(List);
    expect(parts[0]).to.be.instanceOf(List);
    expect(rest).to.deep.equal(list('c'));
    expect(proplists.unfold(['a'])).to.deep.equal(list(['a', true]));
  });

  it('takes an expansion given as a plain array as the list it is meant to be', () => {
    expect(proplists.expand([['foo', ['bar', 'baz']]], ['fie', 'foo'])).to.deep.equal(
      list('fie', 'bar', 'baz'),
    );
  });

  it('makes a map with non-atom keys a JS Map, with keys found by =:=', () => {
    const m = proplists.to_map([
      [['k', 1], 'first'],
      [1, 'one'],
      [['k', 1], 'second'],
    ]) as Map<unknown, unknown>;
    expect(m).to.be.instanceOf(Map);
    expect(m.size).to.equal(2);
    expect([...m.values()].sort()).to.deep.equal(['first', 'one']);
    expect(proplists.from_map(m)).to.deep.equal(list([1, 'one'], [['k', 1], 'first']));
  });

  it('makes a map with atom keys a plain object, even for the key __proto__', () => {
    const m = proplists.to_map(['__proto__', ['a', 1]]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(m)).to.equal(Object.prototype);
    expect(Object.keys(m).sort()).to.deep.equal(['__proto__', 'a']);
    expect(proplists.from_map(m)).to.deep.equal(list(['__proto__', true], ['a', 1]));
  });

  it('raises OTP’s errors with messages naming the value', () => {
    const err = (f: () => unknown): ErlangError => {
      try {
        f();
      } catch (e) {
        if (ErlangError.is(e)) return e;
        throw e;
      }
      throw new Error('did not raise');
    };
    expect(err(() => proplists.get_value('a', 'x' as never)).reason).to.equal('function_clause');
    expect(err(() => proplists.compact('x' as never)).reason).to.deep.equal(['bad_generator', 'x']);
    const badmap = err(() => proplists.from_map(3 as never));
    expect(badmap.reason).to.deep.equal(['badmap', 3]);
    expect(badmap.message).to.include('3');
  });

  it('makes proplists:delete/2 available both as proplists.delete and as delete_', () => {
    expect(proplists.delete_('a', ['a'])).to.deep.equal(list());
  });
});
