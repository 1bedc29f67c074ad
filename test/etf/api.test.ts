/**
 * term_to_binary, binary_to_term and external_size as functions: their options and argument
 * checks, what has no external form, boxed floats, make_fun, improper lists and bitstrings, and
 * the internal API the distribution writes and reads messages with. Bytes here are OTP 25's
 * (checked in erl when the test was written; the differential tests check them all the time).
 */
import { expect } from 'chai';
import {
  BitString,
  ErlangError,
  ImproperList,
  List,
  binary_to_term,
  external_size,
  float,
  io_lib,
  is_float,
  list,
  make_fun,
  term_to_binary,
  type TermToBinaryOption,
} from 'erlts';
import { compareTerms, compareTermsExact } from '../../runtime/internal/term-order.js';
import { termEquals } from '../../runtime/internal/terms.js';
import { matches } from '../../runtime/internal/pattern.js';
import { registerModule, unregisterModule } from '../../runtime/internal/modules.js';
import {
  TermWriter,
  decodeExternalTerm,
  distEncoding,
  encodeExternalTerm,
  encodeTerm,
} from '../../runtime/internal/etf/index.js';

const bytes = (...b: number[]): Buffer => Buffer.from(b);

function badargOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (ErlangError.is(e) && e.reason === 'badarg') return e.message;
    throw e;
  }
  return expect.fail('no badarg');
}

describe('term_to_binary', function () {
  it('writes OTP 25 bytes for the common terms', function () {
    expect(term_to_binary(['ok', list(1, 2)])).to.deep.equal(
      bytes(131, 104, 2, 100, 0, 2, 111, 107, 107, 0, 2, 1, 2),
    );
    expect(term_to_binary(2 ** 31)).to.deep.equal(bytes(131, 110, 4, 0, 0, 0, 0, 128));
    expect(term_to_binary(-(2 ** 31) - 1)).to.deep.equal(bytes(131, 110, 4, 1, 1, 0, 0, 128));
    expect(term_to_binary(null)).to.deep.equal(bytes(131, 100, 0, 4, 110, 117, 108, 108));
    expect(term_to_binary(undefined)).to.deep.equal(term_to_binary('undefined'));
    expect(term_to_binary(-0)).to.deep.equal(bytes(131, 97, 0));
    expect(term_to_binary('ä')).to.deep.equal(bytes(131, 100, 0, 1, 228));
    expect(term_to_binary('中')).to.deep.equal(bytes(131, 119, 3, 228, 184, 173));
    expect(term_to_binary('a', [['minor_version', 2]])).to.deep.equal(bytes(131, 119, 1, 97));
  });

  it('writes a list of bytes shorter than 65536 as STRING_EXT, a longer one as LIST_EXT', function () {
    const short = term_to_binary(new List<number>(65535).fill(1));
    expect([...short.subarray(0, 4)]).to.deep.equal([131, 107, 255, 255]);
    const long = term_to_binary(new List<number>(65536).fill(1));
    expect([...long.subarray(0, 8)]).to.deep.equal([131, 108, 0, 1, 0, 0, 97, 1]);
    expect(term_to_binary(list(1, 256))[1]).to.equal(108);
    expect(term_to_binary(list(1n, 2))).to.deep.equal(bytes(131, 107, 0, 2, 1, 2));
  });

  it('writes map pairs in exact term order: integers before floats, for any number of keys', function () {
    const m = new Map<unknown, unknown>([
      ['b', 1],
      [float(1), 'y'],
      [1, 'x'],
      ['a', 2],
      [list(115), 'z'],
    ]);
    expect(term_to_binary(m)).to.deep.equal(
      bytes(
        131,
        116,
        0,
        0,
        0,
        5,
        97,
        1,
        100,
        0,
        1,
        120,
        70,
        63,
        240,
        0,
        0,
        0,
        0,
        0,
        0,
        100,
        0,
        1,
        121,
        100,
        0,
        1,
        97,
        97,
        2,
        100,
        0,
        1,
        98,
        97,
        1,
        107,
        0,
        1,
        115,
        100,
        0,
        1,
        122,
      ),
    );
    const big: Record<string, number> = {};
    for (let i = 40; i >= 1; i--) big[`k${i}`] = i;
    const keys = Object.keys(binary_to_term(term_to_binary(big)) as object);
    expect(keys).to.deep.equal(Object.keys(big).sort());
  });

  it('compresses only when that is smaller, at the level asked', function () {
    const l = list(...Array<string>(100).fill('a'));
    expect([...term_to_binary(l, ['compressed']).subarray(0, 8)]).to.deep.equal([
      131, 80, 0, 0, 1, 150, 120, 156,
    ]);
    expect([...term_to_binary(l, [['compressed', 9]]).subarray(6, 8)]).to.deep.equal([120, 218]);
    expect(term_to_binary('a', ['compressed'])).to.deep.equal(term_to_binary('a'));
    expect(term_to_binary(l, [['compressed', 0]])).to.deep.equal(term_to_binary(l));
  });

  it('writes floats as text with minor_version 0, as "%.20e" rounds them', function () {
    const text = (x: number): string =>
      term_to_binary(x, [['minor_version', 0]])
        .subarray(2)
        .toString('latin1')
        .replace(/\0+$/, '');
    expect(text(1.5)).to.equal('1.50000000000000000000e+00');
    expect(text(1e-320)).to.equal('9.99988867182683005413e-321');
    expect(text(1.7976931348623157e308)).to.equal('1.79769313486231570815e+308');
    expect(text(new Number(-0) as number)).to.equal('-0.00000000000000000000e+00');
  });

  it('raises badarg, naming the problem, for what has no external form', function () {
    expect(badargOf(() => term_to_binary(() => 1))).to.match(/JS function that is not an export fun/);
    expect(badargOf(() => term_to_binary(NaN))).to.match(/no Erlang float/);
    expect(badargOf(() => term_to_binary([Infinity]))).to.match(/no Erlang float/);
    expect(badargOf(() => term_to_binary(Symbol('x')))).to.match(/symbol/);
    expect(badargOf(() => term_to_binary(new Date()))).to.match(/no external term format/);
    expect(badargOf(() => term_to_binary(new Error('x')))).to.match(/no external term format/);
    expect(badargOf(() => term_to_binary('a'.repeat(256)))).to.match(/at most 255 characters/);
    expect(badargOf(() => term_to_binary('\ud800'))).to.match(/lone surrogate/);
    expect(
      badargOf(() =>
        term_to_binary(
          new Map<unknown, string>([
            [1, 'a'],
            [1n, 'b'],
          ]),
        ),
      ),
    ).to.match(/two keys/);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(badargOf(() => term_to_binary(cyclic))).to.match(/contains itself/);
    const getter = {
      get a(): never {
        throw new Error('boom');
      },
    };
    expect(badargOf(() => term_to_binary(getter))).to.match(/cannot be read: boom/);
  });

  it('checks its options', function () {
    expect(badargOf(() => term_to_binary(1, ['foo'] as unknown as TermToBinaryOption[]))).to.match(
      /term_to_binary\/2: unknown option foo/,
    );
    expect(
      badargOf(() => term_to_binary(1, [['minor_version', 3]] as unknown as TermToBinaryOption[])),
    ).to.match(/minor_version/);
    expect(
      badargOf(() => term_to_binary(1, [['compressed', 10]] as unknown as TermToBinaryOption[])),
    ).to.match(/0 to 9/);
    expect(badargOf(() => term_to_binary(1, 'compressed' as unknown as TermToBinaryOption[]))).to.match(
      /must be a list/,
    );
    expect(
      term_to_binary(1.5, [
        ['minor_version', 0],
        ['minor_version', 1],
      ]),
    ).to.deep.equal(term_to_binary(1.5));
  });

  it('has external_size, the size term_to_binary writes', function () {
    expect(external_size(['ok', list(1, 2)])).to.equal(13);
    expect(external_size('a', [['minor_version', 2]])).to.equal(4);
    expect(badargOf(() => external_size('a', ['compressed'] as never))).to.match(/unknown option/);
  });
});

describe('binary_to_term', function () {
  it('checks its argument and options', function () {
    expect(badargOf(() => binary_to_term('abc' as never))).to.match(/expected a binary/);
    expect(badargOf(() => binary_to_term(Buffer.alloc(0)))).to.match(/empty/);
    expect(badargOf(() => binary_to_term(bytes(97, 1)))).to.match(/starts with 131/);
    expect(badargOf(() => binary_to_term(bytes(131, 97, 1), ['foo' as never]))).to.match(/unknown option/);
    expect(binary_to_term(bytes(131, 97, 1), ['safe'])).to.equal(1);
  });

  it('refuses a FLOAT_EXT with no NUL in its 31 bytes, which OTP reads past its end', function () {
    expect(
      badargOf(() => binary_to_term(Buffer.from([131, 99, ...Buffer.from('1.5'.padEnd(31, '7'))]))),
    ).to.match(/FLOAT_EXT/);
  });

  it('ignores bytes after the term, and says where it ended with used', function () {
    expect(binary_to_term(bytes(131, 97, 1, 0))).to.equal(1);
    expect(binary_to_term(bytes(131, 97, 1, 0), ['used'])).to.deep.equal([1, 3]);
  });

  it('gives each binary its own bytes, whatever becomes of the input', function () {
    const input = term_to_binary(Buffer.from('hello'));
    const b = binary_to_term(input) as Buffer;
    input.fill(0);
    expect(b.toString()).to.equal('hello');
  });

  it('reads a map of atom keys to an object whose __proto__ key is its own', function () {
    const m = binary_to_term(
      bytes(131, 116, 0, 0, 0, 1, 100, 0, 9, ...Buffer.from('__proto__'), 97, 1),
    ) as object;
    expect(Object.getPrototypeOf(m)).to.equal(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(m, '__proto__')?.value).to.equal(1);
    expect(term_to_binary(m)).to.deep.equal(
      bytes(131, 116, 0, 0, 0, 1, 100, 0, 9, ...Buffer.from('__proto__'), 97, 1),
    );
  });
});

describe('boxed floats', function () {
  it('float/1 makes one for an integral value, and is_float takes it', function () {
    const one = float(1);
    expect(one).to.be.instanceOf(Number);
    expect(is_float(one)).to.equal(true);
    expect(float(1.5)).to.equal(1.5);
    expect(float(one)).to.equal(one);
    expect(Object.is(Number(float(-0)), 0)).to.equal(true);
    expect(Number(float(2n ** 60n))).to.equal(2 ** 60);
    expect(badargOf(() => float('a' as never))).to.match(/float\/1/);
  });

  it('is the float, not the integer: =:= and patterns tell them apart, == and order do not', function () {
    expect(termEquals(float(1), 1)).to.equal(false);
    expect(termEquals(float(1), float(1))).to.equal(true);
    expect(termEquals(['a', float(2)], ['a', float(2)])).to.equal(true);
    expect(compareTerms(float(1), 1)).to.equal(0);
    expect(compareTermsExact(1, float(1))).to.be.below(0);
    expect(compareTerms(float(1), 2)).to.be.below(0);
    expect(matches(float(1), float(1))).to.equal(true);
    expect(matches(1, float(1))).to.equal(false);
    expect(matches(1.5, new Number(1.5))).to.equal(true);
  });

  it('prints as Erlang prints the float, and ~f takes it', function () {
    expect(io_lib.format('~w ~p ~f', [float(1), float(-3), float(2)])).to.equal('1.0 -3.0 2.000000');
    expect(io_lib.format('~w', [new Number(-0)])).to.equal('-0.0');
  });

  it('leaves as a float what arrived as one', function () {
    const x = binary_to_term(bytes(131, 70, 63, 240, 0, 0, 0, 0, 0, 0));
    expect(x).to.be.instanceOf(Number);
    expect(term_to_binary(x)).to.deep.equal(bytes(131, 70, 63, 240, 0, 0, 0, 0, 0, 0));
    const negZero = binary_to_term(bytes(131, 70, 128, 0, 0, 0, 0, 0, 0, 0));
    expect(Object.is(Number(negZero), -0)).to.equal(true);
    expect(term_to_binary(negZero)).to.deep.equal(bytes(131, 70, 128, 0, 0, 0, 0, 0, 0, 0));
    expect(binary_to_term(bytes(131, 70, 63, 248, 0, 0, 0, 0, 0, 0))).to.equal(1.5);
  });
});

describe('make_fun', function () {
  afterEach(function () {
    unregisterModule('etf_test_mod');
  });

  it('gives one fun per module, function and arity, written as EXPORT_EXT', function () {
    const f = make_fun('lists', 'map', 2);
    expect(make_fun('lists', 'map', 2)).to.equal(f);
    expect(make_fun('lists', 'map', 1)).to.not.equal(f);
    expect(term_to_binary(f)).to.deep.equal(
      bytes(131, 113, 100, 0, 5, 108, 105, 115, 116, 115, 100, 0, 3, 109, 97, 112, 97, 2),
    );
    expect(binary_to_term(term_to_binary(f))).to.equal(f);
    expect(io_lib.format('~w ~p', [f, make_fun('Mod X', 'f', 0)])).to.equal(
      "fun lists:map/2 fun 'Mod X':f/0",
    );
  });

  it('calls the registered module, and raises badarity and undef as OTP does', function () {
    registerModule('etf_test_mod', { double: (x: number) => 2 * x });
    const f = make_fun('etf_test_mod', 'double', 1);
    expect(f(21)).to.equal(42);
    try {
      f(1, 2);
      expect.fail('no badarity');
    } catch (e) {
      expect(ErlangError.is(e) && (e.reason as unknown[])[0]).to.equal('badarity');
    }
    try {
      make_fun('etf_test_mod', 'missing', 0)();
      expect.fail('no undef');
    } catch (e) {
      expect(ErlangError.is(e) && e.reason).to.equal('undef');
    }
  });

  it('checks its arguments as erlang:make_fun/3 does', function () {
    expect(badargOf(() => make_fun('m', 'f', 256))).to.match(/0 to 255/);
    expect(badargOf(() => make_fun(1 as never, 'f', 0))).to.match(/module must be an atom/);
  });

  it('orders export funs by module, function and arity, after funs made by BEAM code', function () {
    const funs = [
      make_fun('lists', 'map', 2),
      make_fun('aaa', 'b', 0),
      make_fun('lists', 'map', 1),
      make_fun('lists', 'filter', 2),
    ];
    expect(funs.sort(compareTerms).map((f) => io_lib.format('~w', [f]))).to.deep.equal([
      'fun aaa:b/0',
      'fun lists:filter/2',
      'fun lists:map/1',
      'fun lists:map/2',
    ]);
  });
});

describe('improper lists and bitstrings', function () {
  it('print as Erlang prints them, to a depth too', function () {
    expect(io_lib.format('~w', [new ImproperList([1, 2], 3)])).to.equal('[1,2|3]');
    expect(io_lib.format('~W', [new ImproperList([1, 2, 3], 4), 3])).to.equal('[1,2|...]');
    expect(io_lib.format('~w', [new BitString(Buffer.from([1, 0x40]), 11)])).to.equal('<<1,2:3>>');
    expect(io_lib.format('~p', [[new BitString(Buffer.from([0xf0]), 4)]])).to.equal('{<<15:4>>}');
  });

  it('compare by value, and sort among lists and binaries', function () {
    expect(termEquals(new ImproperList([1], 2), new ImproperList([1], 2))).to.equal(true);
    expect(termEquals(new ImproperList([1], 2), new ImproperList([1], 3))).to.equal(false);
    expect(compareTerms(new ImproperList([1], 2), list(1, 2))).to.be.below(0); // [1|2] < [1,2]
    expect(compareTerms(list(1), new ImproperList([1], 2))).to.be.above(0); // [1|2] < [1]: 2 < []
    expect(compareTerms(new ImproperList([1], 2), Buffer.alloc(0))).to.be.below(0);
    const bits = new BitString(Buffer.from([1, 0x40]), 11); // <<1,2:3>>
    expect(compareTerms(Buffer.from([1]), bits)).to.be.below(0);
    expect(compareTerms(bits, Buffer.from([1, 0x41]))).to.be.below(0);
    expect(termEquals(bits, new BitString(Buffer.from([1, 0x5f]), 11))).to.equal(true);
  });

  it('refuse a tail that is a list, which would make them proper', function () {
    expect(() => new ImproperList([1], list(2))).to.throw(TypeError);
    expect(() => new ImproperList([], 2)).to.throw(TypeError);
    expect(() => new BitString(Buffer.from([1]), 8)).to.throw(TypeError);
  });
});

describe('the distribution API (etf/index.ts)', function () {
  it('writes a dist message, 112 then two external terms with UTF-8 atoms, and reads it back', function () {
    const w = new TermWriter(4);
    w.u8(112);
    encodeExternalTerm(w, [2, '', 'ok'], distEncoding, 'erlang:send/2');
    encodeExternalTerm(w, { café: list(1) }, distEncoding, 'erlang:send/2');
    const packet = w.take();
    expect([...packet.subarray(0, 12)]).to.deep.equal([112, 131, 104, 3, 97, 2, 119, 0, 119, 2, 111, 107]);
    const [control, at] = decodeExternalTerm(packet, 1, 'dist');
    expect(control).to.deep.equal([2, '', 'ok']);
    const [message, end] = decodeExternalTerm(packet, at, 'dist');
    expect(termEquals(message, { café: list(1) })).to.equal(true);
    expect(end).to.equal(packet.length);
  });

  it('leaves the writer as it was when a term cannot be written', function () {
    const w = new TermWriter();
    encodeTerm(w, 'ok', distEncoding, 'dist');
    expect(() => encodeExternalTerm(w, ['a', () => 1], distEncoding, 'erlang:send/2')).to.throw(ErlangError);
    expect([...w.view()]).to.deep.equal([119, 2, 111, 107]);
  });
});
