/**
 * One classifier: the guards exported by erlts, the term writers and term order
 * all read a JS value as the same Erlang type (runtime/internal/terms.ts termKind).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  io_lib,
  is_atom,
  is_binary,
  is_boolean,
  is_float,
  is_function,
  is_integer,
  is_list,
  is_map,
  is_number,
  is_pid,
  is_port,
  is_reference,
  is_tuple,
  list,
  make_ref,
  self,
  List,
  Pid,
  Port,
  Ref,
} from 'erlts';
import { printTerm } from '../../runtime/internal/io-lib-pretty.js';
import { writeTerm } from '../../runtime/internal/io-lib-write.js';
import { matches } from '../../runtime/internal/pattern.js';
import { compareTerms } from '../../runtime/internal/term-order.js';
import { formatTerm, termEquals, termKind, type TermKind } from '../../runtime/internal/terms.js';

const guards = {
  integer: is_integer,
  float: is_float,
  atom: is_atom,
  tuple: is_tuple,
  list: is_list,
  binary: is_binary,
  map: is_map,
  pid: is_pid,
  reference: is_reference,
  port: is_port,
  fun: is_function,
} as const;

/** The one Erlang type guard that accepts `v`, or 'none' for a JS-only value. */
function guardKind(v: unknown): string {
  const accepted = Object.entries(guards)
    .filter(([, guard]) => guard(v))
    .map(([kind]) => kind);
  expect(
    accepted.length,
    `guards accepting ${writeTerm(v, { depth: 4 })}: ${accepted.join(', ')}`,
  ).to.be.at.most(1);
  return accepted[0] ?? 'none';
}

/** The types a printed text can be read as (`nan` is a float or an atom). */
function printedKinds(text: string): string[] {
  if (/^-?\d+$/.test(text)) return ['integer'];
  if (/^-?\d+\.\d+(e-?\d+)?$/.test(text)) return ['float'];
  if (text === 'nan' || text === 'inf') return ['float', 'atom'];
  if (text === '-inf') return ['float'];
  if (text.startsWith('{')) return ['tuple'];
  if (text.startsWith('[') || text.startsWith('"')) return ['list'];
  if (text.startsWith('#{')) return ['map'];
  if (text.startsWith('<<')) return ['binary'];
  if (/^<0\.\d+\.\d+>$/.test(text)) return ['pid'];
  if (text.startsWith('#Ref<')) return ['reference'];
  if (text.startsWith('#Port<')) return ['port'];
  if (text.startsWith('#Fun<')) return ['fun'];
  // JS-only values: no Erlang guard accepts them.
  if (/^#(Error|Symbol|Object|Thing)</.test(text)) return ['none'];
  if (/^'/.test(text) || /^[a-z\u00df-\u00f6\u00f8-\u00ff]/.test(text)) return ['atom'];
  throw new Error(`unexpected printed form ${text}`);
}

class Point {
  x = 1;
  y = 2;
}

/** A value that prints itself, as a socket does. */
const selfPrinting = { [formatTerm]: (): string => '#Thing<1>' };

const pid = new Pid(83, null);
const ref = new Ref();
const port = new Port();

const leaves: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.constantFrom(2 ** 53, 2 ** 53 - 1, -(2 ** 53), 2 ** 60, -0, Number.NaN, Infinity, -Infinity),
  fc.string(),
  fc.constantFrom('nan', 'inf', 'true', 'undefined', 'null', 'Foo', ''),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.string().map((s) => Symbol(s)),
  fc.constant(Symbol()),
  fc.uint8Array({ maxLength: 6 }),
  fc.uint8Array({ maxLength: 6 }).map((b) => Buffer.from(b)),
  fc.int8Array({ maxLength: 3 }),
  fc.constantFrom(pid, ref, port, selfPrinting),
  fc.constantFrom(
    () => 1,
    new TypeError('bad\nthing'),
    new Point(),
    new Date(0),
    new Set([1]),
    Object.create(Point.prototype) as object,
  ),
);

const values: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaves,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => list(...items)),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 3 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 3, noNullPrototype: false }),
    fc.array(fc.tuple(tie('value'), tie('value')), { maxLength: 3 }).map((pairs) => new Map(pairs)),
  ),
})).value;

/** Every value inside `v` (itself included), as far as the writers would go. */
function* subterms(v: unknown): Generator<unknown> {
  yield v;
  const kind = termKind(v);
  if (kind === 'tuple' || kind === 'list') for (const e of v as unknown[]) yield* subterms(e);
  if (kind === 'map') {
    const pairs = v instanceof Map ? [...(v as Map<unknown, unknown>)] : Object.entries(v as object);
    for (const [k, e] of pairs) {
      yield* subterms(k);
      yield* subterms(e);
    }
  }
}

describe('terms: one classifier', function () {
  it('classifies the edge values once, and the guards, ~w and ~p agree on each', function () {
    const table: [unknown, TermKind][] = [
      [42, 'integer'],
      [-0, 'integer'],
      [2 ** 53 - 1, 'integer'],
      [2 ** 53, 'float'],
      [2 ** 60, 'float'],
      [1.5, 'float'],
      [Number.NaN, 'float'],
      [Infinity, 'float'],
      [-Infinity, 'float'],
      [2n ** 70n, 'integer'],
      [1n, 'integer'],
      ['ok', 'atom'],
      [true, 'atom'],
      [null, 'atom'],
      [undefined, 'atom'],
      [Symbol('_'), 'symbol'],
      [['ok', 1], 'tuple'],
      [[], 'tuple'],
      [list(1, 2), 'list'],
      [Buffer.from('hi'), 'binary'],
      [new Uint8Array([1]), 'binary'],
      [new Int8Array([1]), 'object'],
      [new Proxy(new Uint8Array([1]), {}), 'object'],
      [{ a: 1 }, 'map'],
      [Object.create(null) as object, 'map'],
      [new Map([[1, 2]]), 'map'],
      [pid, 'pid'],
      [ref, 'reference'],
      [port, 'port'],
      [(): number => 1, 'fun'],
      [selfPrinting, 'opaque'],
      [new RangeError('r'), 'error'],
      [new Point(), 'object'],
      [new Date(0), 'object'],
    ];
    for (const [value, kind] of table) {
      const text = writeTerm(value);
      expect(termKind(value), text).to.equal(kind);
      const guard = guardKind(value);
      expect(guard, text).to.equal(kind in guards ? kind : 'none');
      expect(printedKinds(text), text).to.include(guard);
      expect(printedKinds(printTerm(value, 1, 80, -1, 'latin1')), text).to.include(guard);
    }
  });

  it('agrees with the writers on every random value: the printed type is the guards type', function () {
    fc.assert(
      fc.property(values, (v) => {
        for (const sub of subterms(v)) {
          const guard = guardKind(sub);
          const kind = termKind(sub);
          expect(guard, String(kind)).to.equal(kind in guards ? kind : 'none');
          expect(printedKinds(writeTerm(sub)), writeTerm(sub)).to.include(guard);
          expect(printedKinds(printTerm(sub, 1, 80, -1, 'unicode')), writeTerm(sub)).to.include(guard);
          expect(is_number(sub)).to.equal(guard === 'integer' || guard === 'float');
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads 2 ** 60 as a float in guards and in ~w alike', function () {
    expect(is_integer(2 ** 60)).to.equal(false);
    expect(is_float(2 ** 60)).to.equal(true);
    expect(io_lib.format('~w', [2 ** 60])).to.equal('1.152921504606847e18');
    expect(is_integer(2n ** 60n)).to.equal(true);
    expect(io_lib.format('~w', [2n ** 60n])).to.equal('1152921504606846976');
  });

  it('reads null and undefined as atoms in guards and in ~w, and a symbol as neither', function () {
    expect([is_atom(null), is_atom(undefined), is_atom(Symbol('x'))]).to.deep.equal([true, true, false]);
    expect(io_lib.format('~w ~w ~w', [null, undefined, Symbol('x')])).to.equal('null undefined #Symbol<x>');
  });

  it('is_boolean accepts the atoms true and false in either JS form', function () {
    expect([true, false, 'true', 'false'].map(is_boolean)).to.deep.equal([true, true, true, true]);
    expect([0, 'ok', null, undefined].map(is_boolean)).to.deep.equal([false, false, false, false]);
  });

  it('prints an object that is not a map as #Object<Class>, and a JS Map as a map', function () {
    expect(writeTerm(new Point())).to.equal('#Object<Point>');
    expect(is_map(new Point())).to.equal(false);
    expect(writeTerm(new Map([['a', 1]]))).to.equal('#{a => 1}');
    expect(is_map(new Map())).to.equal(true);
  });

  it('classifies pids and refs the runtime makes', function () {
    expect(is_pid(self())).to.equal(true);
    expect(is_reference(make_ref())).to.equal(true);
    expect(is_list(new List())).to.equal(true);
  });
});

describe('terms: equality and order', function () {
  it('termEquals compares atoms by name, integers by value, maps by pairs', function () {
    expect(termEquals(true, 'true')).to.equal(true);
    expect(termEquals(undefined, 'undefined')).to.equal(true);
    expect(termEquals(null, undefined)).to.equal(false);
    expect(termEquals(1, 1n)).to.equal(true);
    expect(termEquals(2 ** 60, 2n ** 60n)).to.equal(false);
    expect(termEquals(['a', list(1)], ['a', list(1)])).to.equal(true);
    expect(termEquals(['a'], list('a'))).to.equal(false);
    expect(
      termEquals(
        { a: 1, b: ['x'] },
        new Map<unknown, unknown>([
          ['b', ['x']],
          ['a', 1],
        ]),
      ),
    ).to.equal(true);
    expect(termEquals({ a: 1 }, { a: 1, b: 2 })).to.equal(false);
    expect(termEquals(Buffer.from('ab'), new Uint8Array([97, 98]))).to.equal(true);
    expect(termEquals(Symbol('a'), 'a')).to.equal(false);
  });

  it('termEquals is false, not an exception, for a value whose getters or traps throw', function () {
    const trap = (): never => {
      throw new Error('trap');
    };
    const tuple = new Proxy(['a'], { get: trap });
    expect(termEquals(tuple, ['a'])).to.equal(false);
    const getter = Object.defineProperty({}, 'a', { enumerable: true, get: trap });
    expect(termEquals(getter, { a: 1 })).to.equal(false);
  });

  it('compareTerms follows number < atom < reference < fun < port < pid < tuple < map < list < binary', function () {
    const ascending = [1, 'a', ref, (): number => 1, port, pid, ['t'], { m: 1 }, list(1), Buffer.from('b')];
    for (let i = 1; i < ascending.length; i++) {
      expect(compareTerms(ascending[i - 1], ascending[i]), `${i}`).to.be.lessThan(0);
      expect(compareTerms(ascending[i], ascending[i - 1]), `${i}`).to.be.greaterThan(0);
    }
    // Values with no Erlang form sort after every term.
    expect(compareTerms(Buffer.from('z'), new Error('e'))).to.be.lessThan(0);
  });

  it('orders maps by size, then keys, then values, as Erlang does', function () {
    expect(compareTerms({ z: 1 }, { a: 1, b: 1 })).to.be.lessThan(0);
    expect(compareTerms({ a: 2 }, { b: 1 })).to.be.lessThan(0);
    expect(compareTerms({ a: 1 }, { a: 2 })).to.be.lessThan(0);
    expect(compareTerms({ a: 1 }, new Map([['a', 1]]))).to.equal(0);
  });

  it('sorts refs and pids by their serial, not their printed text', function () {
    const refs = Array.from({ length: 12 }, () => make_ref());
    const shuffled = [...refs].reverse().sort(compareTerms);
    expect(shuffled).to.deep.equal(refs);
  });
});

describe('terms: patterns use the classifier', function () {
  it('matches a map pattern against maps only: plain objects and JS Maps', function () {
    expect(matches({ a: 1 }, new Map([['a', 1]]))).to.equal(true);
    expect(matches(new Map([['a', 1]]), { a: 1, b: 2 })).to.equal(true);
    expect(
      matches(new Map<unknown, unknown>([[['k'], 1]]), new Map<unknown, unknown>([[['k'], 1]])),
    ).to.equal(true);
    expect(matches({}, ['a'])).to.equal(false);
    expect(matches({}, pid)).to.equal(false);
    expect(matches({}, Buffer.from('x'))).to.equal(false);
    expect(matches({}, 'atom')).to.equal(false);
  });

  it('matches an Error or a class instance by its own properties, as before', function () {
    const e = Object.assign(new Error('boom'), { code: 'EPIPE' });
    expect(matches({ code: 'EPIPE' }, e)).to.equal(true);
    expect(matches({ x: 1 }, new Point())).to.equal(true);
  });

  it('matches binaries by bytes, a Buffer and a Uint8Array alike', function () {
    expect(matches(Buffer.from('ab'), new Uint8Array([97, 98]))).to.equal(true);
    expect(matches(new Uint8Array([97]), Buffer.from('b'))).to.equal(false);
    expect(matches(Buffer.from('a'), new Proxy(Buffer.from('a'), {}))).to.equal(false);
  });

  it('does not raise on a message whose getters or Proxy traps throw', function () {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        getPrototypeOf: () => {
          throw new Error('trap');
        },
      },
    );
    const getter = Object.defineProperty({}, 'a', {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    });
    expect(matches({ a: 1 }, hostile)).to.equal(false);
    expect(matches({ a: 1 }, getter)).to.equal(false);
  });
});
