/**
 * erlts/fp's conversions: every shape of an Erlang result maps to its Either and back, the
 * atom undefined to none and back, and what is no result raises badarg (Erlang's error for a
 * bad argument), never a JS TypeError.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { ErlangError, list } from 'erlts';
import {
  fromResult,
  fromResultTask,
  fromUndefinedAtom,
  liftResult,
  toResult,
  toUndefinedAtom,
  type Result,
} from 'erlts/fp';
import { raised } from './support.js';

/** Any term (a JS value of the kinds erlts's terms are made of). */
const term = fc.anything({ withBigInt: true, withNullPrototype: false });

describe('erlts/fp conversions', () => {
  describe('fromResult', () => {
    it('maps ok to right(undefined), {ok, X} to right(X), {error, R} to left(R)', () => {
      expect(fromResult('ok')).to.deep.equal(E.right(undefined));
      expect(fromResult(['ok', 42])).to.deep.equal(E.right(42));
      expect(fromResult(['error', 'closed'])).to.deep.equal(E.left('closed'));
      // The atom undefined and a nested result are values like any other.
      expect(fromResult(['ok', 'undefined'])).to.deep.equal(E.right('undefined'));
      expect(fromResult(['ok', ['error', 'x']])).to.deep.equal(E.right(['error', 'x']));
      expect(fromResult(['error', ['timeout', Buffer.from('ab')]])).to.deep.equal(
        E.left(['timeout', Buffer.from('ab')]),
      );
    });

    it('is total: every {ok, X} and {error, R} maps, whatever X and R are', () => {
      fc.assert(
        fc.property(term, (x) => {
          const r = fromResult(['ok', x]);
          expect(E.isRight(r) && Object.is(r.right, x)).to.equal(true);
          const l = fromResult(['error', x]);
          expect(E.isLeft(l) && Object.is(l.left, x)).to.equal(true);
        }),
      );
    });

    it('raises badarg, naming the value, for what is no result', () => {
      const bad: unknown[] = [
        'error',
        'undefined',
        undefined,
        null,
        42,
        {},
        [],
        ['ok'],
        ['ok', 1, 2],
        ['error', 'a', 'b'],
        ['other', 1],
        list('ok', 1), // a list [ok, 1], not the tuple {ok, 1}
      ];
      for (const value of bad) {
        const e = raised(() => fromResult(value as Result));
        expect(e.reason).to.equal('badarg');
        expect(e.message).to.match(/^erlts\/fp fromResult\/1: not a result/);
      }
      expect(raised(() => fromResult(list('ok', 1) as unknown as Result)).message).to.contain('[ok,1]');
    });

    it('keeps the result’s own terms: the Right is the very value of the tuple', () => {
      const value = { family: 'inet', port: 80 };
      const r = fromResult(['ok', value] as const);
      expect(E.isRight(r) && r.right).to.equal(value);
    });
  });

  describe('toResult', () => {
    it('maps right(X) to {ok, X}, right(undefined) to ok, left(R) to {error, R}', () => {
      expect(toResult(E.right(42))).to.deep.equal(['ok', 42]);
      expect(toResult(E.right(undefined))).to.equal('ok');
      expect(toResult(E.left('closed'))).to.deep.equal(['error', 'closed']);
      expect(toResult(E.right('undefined'))).to.deep.equal(['ok', 'undefined']);
      expect(toResult(E.right(null))).to.deep.equal(['ok', null]);
    });

    it('inverts fromResult on every result', () => {
      const results = fc.oneof(
        fc.constant<Result>('ok'),
        term.filter((x) => x !== undefined).map((x): Result => ['ok', x]),
        term.map((r): Result => ['error', r]),
      );
      fc.assert(
        fc.property(results, (r) => {
          expect(toResult(fromResult(r))).to.deep.equal(r);
        }),
      );
    });

    it('raises badarg for what is no Either', () => {
      for (const value of [undefined, null, 'ok', ['ok', 1], { _tag: 'Some', value: 1 }, {}] as unknown[]) {
        const e = raised(() => toResult(value as E.Either<unknown, unknown>));
        expect(e.reason).to.equal('badarg');
        expect(e.message).to.match(/^erlts\/fp toResult\/1: not an fp-ts Either/);
      }
    });
  });

  describe('fromUndefinedAtom and toUndefinedAtom', () => {
    it('maps the atom undefined to none and anything else to some', () => {
      expect(fromUndefinedAtom('undefined')).to.deep.equal(O.none);
      expect(fromUndefinedAtom('ok')).to.deep.equal(O.some('ok'));
      expect(fromUndefinedAtom(0)).to.deep.equal(O.some(0));
      expect(fromUndefinedAtom(false)).to.deep.equal(O.some(false));
      // JS undefined and null are no atom: they are values, as in any Option of fp-ts's.
      expect(fromUndefinedAtom(undefined)).to.deep.equal(O.some(undefined));
      expect(fromUndefinedAtom(null)).to.deep.equal(O.some(null));
    });

    it('is total, and toUndefinedAtom inverts it', () => {
      fc.assert(
        fc.property(term, (x) => {
          const o = fromUndefinedAtom(x);
          expect(O.isSome(o)).to.equal(x !== 'undefined');
          expect(Object.is(toUndefinedAtom(o), x)).to.equal(true);
        }),
      );
    });

    it('toUndefinedAtom reads none as the atom, and raises badarg for what is no Option', () => {
      expect(toUndefinedAtom(O.none)).to.equal('undefined');
      expect(toUndefinedAtom(O.some(7))).to.equal(7);
      for (const value of [undefined, null, 'undefined', { _tag: 'Right', right: 1 }]) {
        const e = raised(() => toUndefinedAtom(value as O.Option<unknown>));
        expect(e.reason).to.equal('badarg');
        expect(e.message).to.match(/^erlts\/fp toUndefinedAtom\/1: not an fp-ts Option/);
      }
    });
  });

  describe('fromResultTask and liftResult', () => {
    it('call the function when the TaskEither runs, and again on each run', async () => {
      let calls = 0;
      const task = fromResultTask(async () => {
        calls++;
        return calls === 1 ? (['ok', calls] as const) : (['error', 'again'] as const);
      });
      expect(calls).to.equal(0);
      expect(await task()).to.deep.equal(E.right(1));
      expect(await task()).to.deep.equal(E.left('again'));
      expect(calls).to.equal(2);
    });

    it('liftResult keeps the arguments as given, their number included', async () => {
      const seen: unknown[][] = [];
      const f = liftResult(async (...args: unknown[]) => {
        seen.push(args);
        return 'ok' as const;
      });
      const te = f(1, undefined);
      expect(seen).to.deep.equal([]);
      expect(await te()).to.deep.equal(E.right(undefined));
      expect(await f()()).to.deep.equal(E.right(undefined));
      expect(seen).to.deep.equal([[1, undefined], []]);
    });

    it('reject with badarg when the function gives no result, and with what it raised', async () => {
      const bad = liftResult(async () => 'maybe' as unknown as Result);
      const e = await bad()().then(
        () => null,
        (err: unknown) => err,
      );
      expect(ErlangError.is(e) && e.reason).to.equal('badarg');
      const boom = new ErlangError('boom');
      const raising = fromResultTask((): Promise<Result> => {
        throw boom;
      });
      expect(
        await raising().then(
          () => null,
          (err: unknown) => err,
        ),
      ).to.equal(boom);
    });
  });
});
