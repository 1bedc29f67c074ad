/**
 * Every tag of the external term format OTP 25 writes, decoded from bytes erl made, to the JS
 * value DESIGN §2 gives, and written back to erl's bytes; the older tags OTP still reads, from
 * bytes made by hand and checked against what erl makes of the same bytes.
 */
import { expect } from 'chai';
import {
  BitString,
  ErlangError,
  ImproperList,
  List,
  Pid,
  Port,
  Ref,
  binary_to_term,
  float,
  io_lib,
  list,
  make_fun,
  term_to_binary,
  type TermToBinaryOption,
} from 'erlts';
import { termEquals } from '../../runtime/internal/terms.js';
import * as T from '../../runtime/internal/etf/tags.js';
import { withOracle } from './oracle.js';

const tuple256 = Array.from({ length: 256 }, (_, i) => i + 1);

/** A tag, the Erlang text erl makes its bytes from, the options, and the JS value they hold. */
const emitted: [tag: string, code: number, text: string, opts: TermToBinaryOption[], expected: unknown][] = [
  ['SMALL_INTEGER_EXT', T.SMALL_INTEGER_EXT, '42', [], 42],
  ['INTEGER_EXT', T.INTEGER_EXT, '-70000', [], -70000],
  ['NEW_FLOAT_EXT', T.NEW_FLOAT_EXT, '1.5', [], 1.5],
  ['NEW_FLOAT_EXT (an integral float, boxed)', T.NEW_FLOAT_EXT, '-3.0', [], float(-3)],
  ['FLOAT_EXT (minor_version 0)', T.FLOAT_EXT, '0.1', [['minor_version', 0]], 0.1],
  ['ATOM_EXT', T.ATOM_EXT, "'hello world'", [], 'hello world'],
  ['ATOM_EXT (true, a boolean)', T.ATOM_EXT, 'true', [], true],
  ['ATOM_EXT (Latin-1)', T.ATOM_EXT, "'é'", [], 'é'],
  ['SMALL_ATOM_UTF8_EXT', T.SMALL_ATOM_UTF8_EXT, "'中文'", [], '中文'],
  ['SMALL_ATOM_UTF8_EXT (minor_version 2)', T.SMALL_ATOM_UTF8_EXT, 'ok', [['minor_version', 2]], 'ok'],
  ['ATOM_UTF8_EXT', T.ATOM_UTF8_EXT, `'${'中'.repeat(86)}'`, [], '中'.repeat(86)],
  ['SMALL_TUPLE_EXT', T.SMALL_TUPLE_EXT, '{ok, 1}', [], ['ok', 1]],
  ['LARGE_TUPLE_EXT', T.LARGE_TUPLE_EXT, 'list_to_tuple(lists:seq(1, 256))', [], tuple256],
  ['NIL_EXT', T.NIL_EXT, '[]', [], list()],
  ['STRING_EXT', T.STRING_EXT, '"abc"', [], list(97, 98, 99)],
  ['LIST_EXT', T.LIST_EXT, '[a, 300]', [], list('a', 300)],
  ['LIST_EXT (improper)', T.LIST_EXT, '[a, b | c]', [], new ImproperList(['a', 'b'], 'c')],
  ['BINARY_EXT', T.BINARY_EXT, '<<1, 2, 3>>', [], Buffer.from([1, 2, 3])],
  ['BIT_BINARY_EXT', T.BIT_BINARY_EXT, '<<1, 2:3>>', [], new BitString(Buffer.from([1, 0x40]), 11)],
  ['SMALL_BIG_EXT', T.SMALL_BIG_EXT, '-(1 bsl 64)', [], -(2n ** 64n)],
  ['LARGE_BIG_EXT', T.LARGE_BIG_EXT, '1 bsl 2048', [], 2n ** 2048n],
  ['MAP_EXT', T.MAP_EXT, '#{b => 1, a => [x]}', [], { a: list('x'), b: 1 }],
  [
    'MAP_EXT (keys that are not atoms)',
    T.MAP_EXT,
    '#{1 => a, 1.0 => b}',
    [],
    new Map([
      [1, 'a'],
      [float(1), 'b'],
    ]),
  ],
  ['EXPORT_EXT', T.EXPORT_EXT, 'fun lists:map/2', [], make_fun('lists', 'map', 2)],
];

describe('binary_to_term of every tag OTP 25 writes, from erl', function () {
  const oracle = withOracle();

  /** erl's bytes for a text, checked to carry `code` as their first tag. */
  async function fromErl(text: string, code: number, opts: TermToBinaryOption[] = []): Promise<Buffer> {
    const [bytes] = await oracle().make([text], opts);
    expect(bytes![1], `the tag erl writes for ${text}`).to.equal(code);
    return bytes!;
  }

  for (const [tag, code, text, opts, expected] of emitted) {
    it(`reads ${tag} (${code}) as erl writes ${text}, and writes it back`, async function () {
      const bytes = await fromErl(text, code, opts);
      const term = binary_to_term(bytes);
      expect(termEquals(term, expected), io_lib.format('~w', [term])).to.equal(true);
      expect(term_to_binary(term, opts)).to.deep.equal(bytes);
    });
  }

  it('reads an integral float as a boxed float that is not the integer', async function () {
    const term = binary_to_term(await fromErl('1.0', T.NEW_FLOAT_EXT));
    expect(term).to.be.instanceOf(Number);
    expect(termEquals(term, 1)).to.equal(false);
    expect(io_lib.format('~w ~p', [term, term])).to.equal('1.0 1.0');
  });

  it('reads STRING_EXT and NIL_EXT as Lists, and a map of atom keys as an object', async function () {
    expect(binary_to_term(await fromErl('"abc"', T.STRING_EXT))).to.be.instanceOf(List);
    expect(binary_to_term(await fromErl('[]', T.NIL_EXT))).to.be.instanceOf(List);
    const map = binary_to_term(await fromErl("#{'__proto__' => 1, a => 2}", T.MAP_EXT)) as Record<
      string,
      unknown
    >;
    expect(Object.keys(map)).to.deep.equal(['__proto__', 'a']);
    expect(Object.getPrototypeOf(map)).to.equal(Object.prototype);
    expect(map['__proto__']).to.equal(1);
  });

  it('reads NEW_PID_EXT (88) as the one Pid of that pid', async function () {
    const [bytes] = await oracle().make(["'$erlts_pool_0'"]);
    expect(bytes![1]).to.equal(T.NEW_PID_EXT);
    const pid = binary_to_term(bytes!);
    expect(pid).to.be.instanceOf(Pid);
    expect(binary_to_term(bytes!)).to.equal(pid);
    expect(term_to_binary(pid)).to.deep.equal(bytes);
  });

  it('reads NEW_PORT_EXT (89) and V4_PORT_EXT (120) as Ports, and writes each with its tag', async function () {
    const [port, v4] = await oracle().make(["'$erlts_pool_2'", "'$erlts_pool_10'"]);
    expect([port![1], v4![1]]).to.deep.equal([T.NEW_PORT_EXT, T.V4_PORT_EXT]);
    for (const bytes of [port!, v4!]) {
      const p = binary_to_term(bytes);
      expect(p).to.be.instanceOf(Port);
      expect(term_to_binary(p)).to.deep.equal(bytes);
    }
    expect(io_lib.format('~w', [binary_to_term(v4!)])).to.match(/^#Port<\d+\.1099511627785>$/);
  });

  it('reads NEWER_REFERENCE_EXT (90) as the one Ref of that reference, of 3 and of 5 words', async function () {
    const made = await oracle().make([
      "'$erlts_pool_1'",
      "'$erlts_pool_3'",
      "'$erlts_pool_7'",
      "'$erlts_pool_8'",
    ]);
    for (const bytes of made) {
      expect(bytes[1]).to.equal(T.NEWER_REFERENCE_EXT);
      const ref = binary_to_term(bytes);
      expect(ref).to.be.instanceOf(Ref);
      expect(binary_to_term(bytes)).to.equal(ref);
      expect(term_to_binary(ref)).to.deep.equal(bytes);
    }
  });

  it('reads NEW_FUN_EXT (112) as a fun that keeps its bytes, prints as OTP and raises undef', async function () {
    const [bytes, free] = await oracle().make(["'$erlts_pool_11'", "'$erlts_pool_12'"]);
    for (const b of [bytes!, free!]) {
      expect(b[1]).to.equal(T.NEW_FUN_EXT);
      const fun = binary_to_term(b) as () => unknown;
      expect(fun).to.be.a('function');
      expect(term_to_binary(fun)).to.deep.equal(b);
      expect(termEquals(binary_to_term(b), fun)).to.equal(true);
      expect(io_lib.format('~w', [fun])).to.match(/^#Fun<etf_oracle\.\d+\.\d+>$/);
      try {
        fun();
        expect.fail('a BEAM fun ran');
      } catch (e) {
        expect(ErlangError.is(e) && e.reason).to.equal('undef');
      }
    }
  });

  it('reads EXPORT_EXT (113) as the export fun make_fun/3 gives, one object per M:F/A', async function () {
    const fun = binary_to_term(await fromErl('fun lists:map/2', T.EXPORT_EXT));
    expect(fun).to.equal(make_fun('lists', 'map', 2));
    expect(io_lib.format('~w', [fun])).to.equal('fun lists:map/2');
  });

  it('reads COMPRESSED (80), and says how many bytes it used', async function () {
    const [bytes] = await oracle().make(['lists:duplicate(100, a)'], ['compressed']);
    expect(bytes![1]).to.equal(T.COMPRESSED);
    expect(termEquals(binary_to_term(bytes!), list(...Array<string>(100).fill('a')))).to.equal(true);
    const withTail = Buffer.concat([bytes!, Buffer.from([1, 2, 3])]);
    expect((binary_to_term(withTail, ['used']) as unknown[])[1]).to.equal(bytes!.length);
  });

  it('reads and writes a list nested 100,000 deep, as erl does', async function () {
    const [bytes] = await oracle().make(['lists:foldl(fun(_, A) -> [A] end, [], lists:seq(1, 100000))']);
    const deep = binary_to_term(bytes!);
    expect(term_to_binary(deep)).to.deep.equal(bytes);
  });
});

/** Hand-made bytes of the tags OTP 25 reads but no longer writes, and what they hold. */
const node = (name: string): number[] => [T.ATOM_EXT, 0, name.length, ...Buffer.from(name, 'latin1')];
const older: [tag: string, bytes: number[], check: (t: unknown) => boolean][] = [
  ['SMALL_ATOM_EXT (115)', [T.SMALL_ATOM_EXT, 2, 111, 107], (t) => t === 'ok'],
  [
    'ATOM_EXT of 255 characters',
    [T.ATOM_EXT, 0, 255, ...Array<number>(255).fill(97)],
    (t) => t === 'a'.repeat(255),
  ],
  ['PID_EXT (103)', [T.PID_EXT, ...node('x@y'), 0, 0, 0, 5, 0, 0, 0, 1, 2], (t) => t instanceof Pid],
  ['PORT_EXT (102)', [T.PORT_EXT, ...node('x@y'), 0, 0, 0, 5, 2], (t) => t instanceof Port],
  ['REFERENCE_EXT (101)', [T.REFERENCE_EXT, ...node('x@y'), 0, 0, 0, 5, 2], (t) => t instanceof Ref],
  [
    'NEW_REFERENCE_EXT (114)',
    [T.NEW_REFERENCE_EXT, 0, 2, ...node('x@y'), 1, 0, 0, 0, 5, 0, 0, 0, 6],
    (t) => t instanceof Ref,
  ],
  [
    'NEW_REFERENCE_EXT of this node, padded to 3 words',
    [T.NEW_REFERENCE_EXT, 0, 1, ...node('nonode@nohost'), 0, 0, 0, 0, 9],
    (t) => t instanceof Ref,
  ],
  [
    'BIT_BINARY_EXT of no bytes and no bits (the empty binary)',
    [T.BIT_BINARY_EXT, 0, 0, 0, 0, 0],
    (t) => termEquals(t, Buffer.alloc(0)),
  ],
  [
    'BIT_BINARY_EXT of whole bytes (a binary)',
    [T.BIT_BINARY_EXT, 0, 0, 0, 1, 8, 5],
    (t) => termEquals(t, Buffer.from([5])),
  ],
  [
    'BIT_BINARY_EXT with bits set past its size (cleared)',
    [T.BIT_BINARY_EXT, 0, 0, 0, 1, 3, 255],
    (t) => t instanceof BitString,
  ],
  ['SMALL_BIG_EXT of a small value', [T.SMALL_BIG_EXT, 8, 0, 1, 0, 0, 0, 0, 0, 0, 0], (t) => t === 1],
  ['LARGE_BIG_EXT of -0', [T.LARGE_BIG_EXT, 0, 0, 0, 2, 1, 0, 0], (t) => t === 0],
  [
    'LIST_EXT whose tail is a STRING_EXT',
    [T.LIST_EXT, 0, 0, 0, 1, 97, 1, T.STRING_EXT, 0, 2, 2, 3],
    (t) => termEquals(t, list(1, 2, 3)),
  ],
  ['LIST_EXT of no elements and a tail', [T.LIST_EXT, 0, 0, 0, 0, 97, 7], (t) => t === 7],
  [
    'EXPORT_EXT with an INTEGER_EXT arity',
    [T.EXPORT_EXT, ...node('m'), ...node('f'), T.INTEGER_EXT, 0, 0, 1, 0],
    (t) => typeof t === 'function',
  ],
  [
    'FLOAT_EXT with a sign and no exponent',
    [T.FLOAT_EXT, ...Buffer.from('+1.5'), ...Array<number>(27).fill(0)],
    (t) => t === 1.5,
  ],
  [
    'FLOAT_EXT of an integral value (boxed)',
    [T.FLOAT_EXT, ...Buffer.from('-2.0e+00'), ...Array<number>(23).fill(0)],
    (t) => t instanceof Number,
  ],
];

/** Bytes OTP 25 refuses with badarg, and why. */
const refused: [what: string, bytes: number[]][] = [
  [
    'FUN_EXT (117), gone since OTP 23',
    [
      T.FUN_EXT,
      0,
      0,
      0,
      0,
      ...[T.NEW_PID_EXT, ...node('a@b'), 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0],
      ...node('m'),
      97,
      0,
      97,
      0,
    ],
  ],
  ['LOCAL_EXT (121), for the node that wrote it', [T.LOCAL_EXT, 1, 2, 3]],
  ['ATOM_CACHE_REF (82), outside a distribution connection', [T.ATOM_CACHE_REF, 0]],
  ['an unknown tag', [0]],
  ['an atom of 256 characters', [T.ATOM_EXT, 1, 0, ...Array<number>(256).fill(97)]],
  ['an atom that is not UTF-8', [T.SMALL_ATOM_UTF8_EXT, 1, 255]],
  ['an atom with an overlong UTF-8 sequence', [T.SMALL_ATOM_UTF8_EXT, 2, 0xc0, 0x80]],
  ['an atom with a UTF-8 surrogate', [T.SMALL_ATOM_UTF8_EXT, 3, 0xed, 0xa0, 0x80]],
  ['NaN', [T.NEW_FLOAT_EXT, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0]],
  ['infinity', [T.NEW_FLOAT_EXT, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0]],
  ['FLOAT_EXT without a point', [T.FLOAT_EXT, ...Buffer.from('15'), ...Array<number>(29).fill(0)]],
  ['a map with a key twice', [T.MAP_EXT, 0, 0, 0, 2, 97, 1, 97, 1, 97, 1, 97, 2]],
  ['a map with a tuple key twice', [T.MAP_EXT, 0, 0, 0, 2, 104, 1, 97, 1, 97, 1, 104, 1, 97, 1, 97, 2]],
  [
    'a pid of this node numbered past 15 bits',
    [T.NEW_PID_EXT, ...node('nonode@nohost'), 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  ],
  ['a pid with an old creation past 2 bits', [T.PID_EXT, ...node('x@y'), 0, 0, 0, 5, 0, 0, 0, 1, 4]],
  ['a pid whose node is no atom', [T.NEW_PID_EXT, 97, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]],
  [
    'a reference of 6 words',
    [T.NEWER_REFERENCE_EXT, 0, 6, ...node('x@y'), 0, 0, 0, 1, ...Array<number>(24).fill(0)],
  ],
  ['an old reference whose first word is past 18 bits', [T.REFERENCE_EXT, ...node('x@y'), 0, 4, 0, 5, 1]],
  [
    'a reference of this node of 4 words',
    [T.NEWER_REFERENCE_EXT, 0, 4, ...node('nonode@nohost'), 0, 0, 0, 0, ...Array<number>(16).fill(0)],
  ],
  ['BIT_BINARY_EXT of 0 bits', [T.BIT_BINARY_EXT, 0, 0, 0, 1, 0, 5]],
  ['BIT_BINARY_EXT of no bytes and 3 bits', [T.BIT_BINARY_EXT, 0, 0, 0, 0, 3]],
  [
    'EXPORT_EXT with a negative arity',
    [T.EXPORT_EXT, ...node('m'), ...node('f'), T.INTEGER_EXT, 255, 255, 255, 255],
  ],
  ['EXPORT_EXT with an atom for arity', [T.EXPORT_EXT, ...node('m'), ...node('f'), ...node('a')]],
  ['a tuple longer than its input', [T.LARGE_TUPLE_EXT, 255, 255, 255, 255]],
  ['a list claiming 2^32-1 elements', [T.LIST_EXT, 255, 255, 255, 255, 97, 1]],
  ['a map claiming 2^32-1 pairs', [T.MAP_EXT, 255, 255, 255, 255]],
  ['a binary longer than its input', [T.BINARY_EXT, 0, 0, 1, 0, 1, 2]],
  ['a term cut short', [T.SMALL_TUPLE_EXT, 2, 97, 1]],
  ['COMPRESSED inside a term', [T.SMALL_TUPLE_EXT, 1, T.COMPRESSED, 0, 0, 0, 1, 0]],
];

describe('binary_to_term of the older tags and of bytes OTP refuses', function () {
  const oracle = withOracle();

  for (const [tag, bytes, check] of older) {
    it(`reads ${tag}, and writes it back as erl does`, async function () {
      const bin = Buffer.from([131, ...bytes]);
      const term = binary_to_term(bin);
      expect(check(term), io_lib.format('~w', [term])).to.equal(true);
      const [erl] = await oracle().decode([bin]);
      expect(erl, 'erl reads it too').to.not.equal(null);
      expect(term_to_binary(term)).to.deep.equal(erl![0]);
    });
  }

  it('refuses a reference of no words, which erl reads only as the last bytes of its input', async function () {
    const ref = [T.NEWER_REFERENCE_EXT, 0, 0, ...node('x@y'), 0, 0, 0, 1];
    const alone = Buffer.from([131, ...ref]);
    const inTuple = Buffer.from([131, T.SMALL_TUPLE_EXT, 2, ...ref, 97, 1]);
    const [erlAlone, erlInTuple] = await oracle().decode([alone, inTuple]);
    expect(erlAlone).to.not.equal(null);
    expect(erlInTuple).to.equal(null);
    expect(() => binary_to_term(alone)).to.throw(ErlangError, /1 to 5 words, not 0/);
    expect(() => binary_to_term(inTuple)).to.throw(ErlangError, /1 to 5 words, not 0/);
  });

  for (const [what, bytes] of refused) {
    it(`refuses ${what} with badarg, as erl does`, async function () {
      const bin = Buffer.from([131, ...bytes]);
      const [erl] = await oracle().decode([bin]);
      expect(erl, 'erl refuses it').to.equal(null);
      expect(() => binary_to_term(bin)).to.throw(ErlangError, /binary_to_term\/1: /);
    });
  }
});
