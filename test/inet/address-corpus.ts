/**
 * The differential corpus for inet's address functions: what erl and erlts
 * must answer identically.
 *
 * - {@link addressStrings}: address text, valid and invalid, each run through
 *   all six parse functions (inet_SUITE's parse_address cases, inet_parse's
 *   edges, and a seeded fuzz of strings over the characters the parsers care
 *   about).
 * - {@link oddStrings}: Erlang strings that are lists holding non-characters,
 *   and terms that are not lists at all, with their Erlang spelling.
 * - {@link tuples}: terms for ntoa, the is_* predicates and
 *   ipv4_mapped_ipv6_address (inet_SUITE's ntoa grid, every zero-run shape,
 *   out-of-range, negative, float, atom, bigint and wrong-size tuples).
 */
import { list, List } from 'erlts';

/** An input with its Erlang spelling, for inputs a JS value cannot spell by itself. */
export interface Spelled {
  readonly erl: string;
  readonly js: unknown;
}

// ---------------------------------------------------------------------------
// Address strings

/** inet_SUITE:parse_address/1 — the reversible, sloppy and error cases. */
const v4Reversible = ['0.0.0.0', '1.2.3.4', '253.252.251.250', '1.2.255.254'];

const v6Reversible = [
  '::',
  '::1',
  '::0.0.0.2',
  'f::2',
  'f:f11::100:2',
  '700::',
  '::0.2.0.1',
  '::3:2:1',
  '::4:3:2:1',
  '::5:4:3:2:1',
  '::6:5:4:3:2:1',
  '0:7:6:5:4:3:2:1',
  '7::',
  '7:6::',
  '7:6:5::',
  '7:6:5:4::',
  '7:6:5:4:3::',
  '7:6:5:4:3:2::',
  '7:6:5:4:3:2:1:0',
  '::6:5:4:3:0:0',
  '0:0:6:5:4::',
  '8::5:4:0:0:1',
  '8:0:0:5::1',
  '0:7:6:5:4:3:2:0',
  '::5:4:0:0:0',
  '::4:0:0:0',
  '0:0:0:5::',
  'c11:c22:5c33:c440:55c0:c66c:77:88',
  '0:c22:5c33:c440:55c0:c66c:77:88',
  'c11:0:5c33:c440:55c0:c66c:77:88',
  'c11:c22:0:c440:55c0:c66c:77:88',
  'c11:c22:5c33:0:55c0:c66c:77:88',
  'c11:c22:5c33:c440:0:c66c:77:88',
  'c11:c22:5c33:c440:55c0:0:77:88',
  'c11:c22:5c33:c440:55c0:c66c:0:88',
  'c11:c22:5c33:c440:55c0:c66c:77:0',
  '::5c33:c440:55c0:c66c:77:88',
  'c11::c440:55c0:c66c:77:88',
  'c11:c22::55c0:c66c:77:88',
  'c11:c22:5c33::c66c:77:88',
  'c11:c22:5c33:c440::77:88',
  'c11:c22:5c33:c440:55c0::88',
  'c11:c22:5c33:c440:55c0:c66c::',
  '::c440:55c0:c66c:77:88',
  'c11::55c0:c66c:77:88',
  'c11:c22::c66c:77:88',
  'c11:c22:5c33::77:88',
  'c11:c22:5c33:c440::88',
  'c11:c22:5c33:c440:55c0::',
  '::55c0:c66c:77:88',
  'c11::c66c:77:88',
  'c11:c22::77:88',
  'c11:c22:5c33::88',
  'c11:c22:5c33:c440::',
  '::c66c:77:88',
  'c11::77:88',
  'c11:c22::88',
  'c11:c22:5c33::',
  '::ffff:1.2.255.254',
  'fe80::12%012345',
  'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
  ...v4Reversible.slice(1).flatMap((s) => [`::ffff:${s}`, `::${s}`]),
];

const v4Sloppy = [
  '10.0x019876',
  '012.01.054321',
  '252.253.254.0377',
  '0Xfc.000000000375.0x0000fe.255',
  '252.253.65279',
  '252.0xFD.0177377',
  '252.16645887',
  '00374.0XFDFEFF',
  '4244504319',
  '0xfcfdfeff',
  '00000000000037477377377',
  '0x12345678',
  '0x12.0x345678',
  '0x12.0X34.0x5678',
  '0x12.0X34.0x56.0X78',
  '0',
  '00',
  '0.0',
  '00.00.00',
  '0.00.0.0',
  '0.0.000000000000.0',
];

const v6Sloppy = [
  'A:B:C::d:e:f',
  'fe80::12%XXXXXXX',
  ...v4Reversible.flatMap((s) => {
    const d2 = Number(s.split('.')[1]).toString(16).toUpperCase();
    return ['2001::', '177::', 'Ff0::'].map((p) => `${p}${d2}:${s}`);
  }),
];

const v4Err = [
  '0.256.0.1',
  '1.2.3.4.5',
  '256.255.65535',
  '4294967296',
  '0x100000000',
  '040000000000',
  '1.2.3.-4',
  '1.2.-3.4',
  '1.-2.3.4',
  '-1.2.3.4',
  '10.',
  '172.16.',
  '198.168.0.',
  '127.0.0.1.',
];

const v6Err = [
  ':::',
  'f:::2',
  '::-1',
  '::g',
  'f:f11::10100:2',
  'f:f11::01100:2',
  '::17000',
  '::01700',
  '10000::',
  '01000::',
  '::8:7:6:5:4:3:2:1',
  '8:7:6:5:4:3:2:1::',
  '8:7:6:5:4::3:2:1',
  '::1.2.3.4.5',
  '::1.2.3.04',
  '::1.256.3.4',
  '::-5.4.3.2',
  '::5.-4.3.2',
  '::5.4.-3.2',
  '::5.4.3.-2',
  '::FFFF:1.2.3.4.5',
  '::10.',
  '::FFFF:172.16.',
  'fe80::198.168.0.',
  'fec0::fFfF:127.0.0.1.',
];

/** inet_SUITE:parse_strict_address/1. */
const strictSuite = ['127.0.0.1', 'c11:0c22:5c33:c440:55c0:c66c:77:0088', 'c11:0c22:5c33:c440::077:0088'];

/** The loose IPv4 syntax: short forms, radixes, field widths, signs and limits. */
const v4Edges = [
  '127.1',
  '127.0.1',
  '1',
  '1.2',
  '1.2.3',
  '0x7f.1',
  '0x7F.0.0.1',
  '0177.0.0.1',
  '0177.1',
  '08.1.1.1',
  '09',
  '07',
  '0x',
  '0X',
  '0x.1',
  '1.0x',
  '0xg',
  '0x100.1',
  '0xff.0xffffff',
  '0xff.0x1000000',
  '255.16777215',
  '255.16777216',
  '256.1',
  '1.2.65535',
  '1.2.65536',
  '1.256.1',
  '4294967295',
  '0xffffffff',
  '0x0ffffffff',
  '0x00000000ffffffff',
  '0x1ffffffff',
  '037777777777',
  '0000037777777777',
  '00000000000000000000000000000001',
  '077777777777',
  '0777777777777',
  '9999999999',
  '99999999999',
  '0000000000',
  '1.2.3.4.5.6',
  '.1.2.3',
  '1..2.3',
  '1.2..3',
  '',
  '.',
  '..',
  '...',
  '1.2.3.4 ',
  ' 1.2.3.4',
  '1.2.3.4\n',
  '1.2.3.4\u0000',
  '+1.2.3.4',
  '-0.1.2.3',
  '-00.1.2.3',
  '1.+2.3.4',
  '1.2.3.+4',
  '1.2.3.-0',
  '+',
  '-',
  '+.1.2.3',
  '+-1.2.3.4',
  '++1.2.3.4',
  '0x+1',
  '0x-0',
  '0x-1',
  '0x+ff.1',
  '0+1',
  '0-0',
  '+0x1',
  '+012',
  '+12.1.1.1',
  '+123.1.1.1',
  '+255.1.1.1',
  '1e3',
  '1_0.0.0.1',
  '\uff11.2.3.4',
  '255.255.255.255',
  '255.255.255.256',
  '00.00.00.00',
  '0.0.0.00',
  '000.000.000.000',
  '001.002.003.004',
  '1.2.3.04',
  '1.2.3.08',
  '1.2.3.0x1',
  '1.2.3.0x',
  '0x1.0x2.0x3.0x4',
  '0xA.0xb.0xC.0xd',
  '127.0.0.1%eth0',
  '1.2.3.4%eth0',
  '1.2.3.4%0',
  '1.2.3.4%',
  '1.2.3.4/24',
  '1.2.3.4:80',
  'localhost',
  'a.b.c.d',
  '1.2.3.4.',
  '0.0.0.0.0',
  '0x0',
  '0x00',
  '00x1',
  '0xx1',
  '0x 1',
  '1 .2.3.4',
  '1.2.3.4\t',
  '192.168.42.2',
  '10.0.0.255',
  '0.1',
  '0.0.1',
  '1.0',
  '0.0.0.1',
  '0.0.0.0x',
  '0.0.0.',
  '0.',
  '0.0.0.0.',
  '1000.1.1.1',
  '1.1.1.1000',
];

/** RFC 4291 text and OTP's limits on it: group counts, `::` placement, widths, embedded IPv4. */
const v6Edges = [
  '::0',
  '0::',
  '::0:0',
  '0::0',
  '1::',
  '1::2',
  '1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7:8:9',
  '1:2:3:4:5:6:7',
  '1:2:3:4:5:6:7::',
  '::2:3:4:5:6:7:8',
  '1::3:4:5:6:7:8',
  '1:2:3:4:5:6::8',
  '1:2:3:4:5:6:7:8::',
  '::1:2:3:4:5:6:7:8',
  '::1:2:3:4:5:6:7',
  '1::2::3',
  '1:::2',
  ':1::',
  '1::2:',
  ':1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7:8:',
  ':',
  '::::',
  ':::1',
  '1:',
  ':1',
  '12345::',
  '01234::',
  '0000::',
  '00000::',
  '::00000',
  '::ffff0',
  'ABCD:EF01:2345:6789:ABCD:EF01:2345:6789',
  'abcd:ef01:2345:6789:abcd:ef01:2345:6789',
  'AbCd:eF01::',
  'g::',
  '::G',
  '1:2:3:4:5:6:1.2.3.4',
  '1:2:3:4:5:1.2.3.4',
  '1:2:3:4:5:6:7:1.2.3.4',
  '::1.2.3.4',
  '::ffff:1.2.3.4',
  '::FFFF:1.2.3.4',
  '::ffff:1.2.3',
  '::ffff:1.2',
  '::ffff:1',
  '::ffff:01.2.3.4',
  '::ffff:0.0.0.0',
  '::ffff:0.1.2.3',
  '::ffff:255.255.255.255',
  '::ffff:256.1.1.1',
  '::ffff:+1.2.3.4',
  '::ffff:1.+2.3.4',
  '::ffff:1.2.3.+4',
  '::ffff:1.2.3.-0',
  '::1.2.3.4%eth0',
  '::ffff:1.2.3.4%0',
  '1::1.2.3.4',
  '1:2:3:4:5::1.2.3.4',
  '1:2:3:4:5:6::1.2.3.4',
  '::1:2:3:4:5:1.2.3.4',
  '::1:2:3:4:5:6:1.2.3.4',
  '::1:2:3:4:1.2.3.4',
  '::0x1',
  '::0.0.0.0',
  '::0.0.0.1',
  '::1.0.0.0',
  '::abcd.1.2.3',
  '::a.1.2.3',
  '::12.1.2.3',
  '::123.1.2.3',
  '::1234.1.2.3',
  '::0123.1.2.3',
  '::1.2.3.4:5',
  '::1.2.3.4.',
  '1.2.3.4::',
  '1.2.3.4::1',
  '[::1]',
  '::1 ',
  ' ::1',
  '::1\u0000',
  '::1/128',
  '2001:db8::1',
  '2001:DB8:0:0:8:800:200C:417A',
  '2001:db8:0:0:1:0:0:1',
  '2001:db8::1:0:0:1',
  '2001:0db8:0000:0000:0000:ff00:0042:8329',
  '::ffff:c000:0280',
  '64:ff9b::192.0.2.33',
  'ff02::1',
  'ff02::2',
  '0:0:0:0:0:0:0:0',
  '0:0:0:0:0:0:0:1',
  '0:0:0:0:0:ffff:1.2.3.4',
  '0:0:0:0:0:0:1.2.3.4',
  '1:0:0:0:0:0:1.2.3.4',
  '::1:0:0:0:0:0:0',
  '-1::',
  '+1::',
  '1::+2',
];

/** `%scope` suffixes: only on fe80::/ff02::, numeric only as `%0<decimal>`. */
const scopeEdges = [
  'fe80::1%eth0',
  'fe80::1%0',
  'fe80::1%00',
  'fe80::1%07',
  'fe80::1%065535',
  'fe80::1%065536',
  'fe80::1%0000000000000000012',
  'fe80::1%0x',
  'fe80::1%0-1',
  'fe80::1%0+1',
  'fe80::1%0 ',
  'fe80::1%',
  'fe80::1%%',
  'fe80::1%1',
  'fe80::1%12',
  'fe80::1%lo',
  'fe80::1%eth0%1',
  'fe80::1%\u00e9',
  'fe80::1%0\u00e9',
  'fe80::1%\u2603',
  'fe80::1%\u{1F600}',
  'fe80::1%0\u{1F600}',
  '1.2.3.\u{1F600}',
  '\u{1F600}',
  'fe80::%eth0',
  'fe80::%0',
  'fe80::%05',
  'fe80::%',
  'fe80%eth0',
  'fe80:%eth0',
  'fe80:1::1%eth0',
  'fe80:0::1%01',
  'fe80:0:0::1%01',
  'fe80:0:0:0:0:0:0:1%03',
  'fe80:1:0:0:0:0:0:1%03',
  'fe80:0:0:0:0:0:0:1%',
  'fe80::1:2:3:4:5:6%03',
  'fe80::1:2:3:4:5:6:7%03',
  'fe80::1:2:3:4:5%03',
  'FE80::1%eth0',
  'Fe80::1%eth0',
  'ff02::1%eth0',
  'ff02::1%02',
  'ff02::%02',
  'ff01::1%eth0',
  'fe81::1%eth0',
  'fec0::1%eth0',
  '::1%eth0',
  '::%eth0',
  '1::%eth0',
  '1::1%eth0',
  '%eth0',
  '%',
  'fe80::1.2.3.4%0',
  'fe80::1.2.3.4',
  'fe80::ffff:1.2.3.4',
  'fe80::204:acff:fe17:bf38',
  'fe80::204:acff:fe17:bf38%eth0',
  'fe80::204:acff:fe17:bf38%09',
  'fe80::1%0655350',
];

/** The manual page's examples. */
const manual = [
  '150.236.20.73',
  '127.0.0.1',
  '192.168.42.2',
  '::192.168.42.2',
  '::FFFF:192.168.42.2',
  '3ffe:b80:1f8d:2:204:acff:fe17:bf38',
  'fe80::204:acff:fe17:bf38',
];

/** A seeded linear congruential generator, so the fuzz corpus is the same on every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Random strings over the characters the parsers branch on, built from
 * address-like pieces so that many get deep into the parsers before failing
 * (and some parse).
 */
function fuzzStrings(count: number, seed: number): string[] {
  const random = lcg(seed);
  const pieces = [
    '0', '1', '7', '8', '9', '00', '12', '255', '256', '65535', 'ff', 'FFFF', 'fe80', 'ff02', '0x',
    '0X', 'a', 'g', '.', '.', ':', ':', '::', '%', '%0', '%eth0', '+', '-', ' ', '1.2.3.4', '::ffff:',
  ]; // prettier-ignore
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(random() * 8);
    let s = '';
    for (let j = 0; j < n; j++) s += pieces[Math.floor(random() * pieces.length)];
    out.push(s);
  }
  return out;
}

/**
 * Near misses: valid addresses with one or two characters inserted, deleted
 * or replaced, so the parsers are caught out deep inside an address.
 */
function mutations(sources: readonly string[], count: number, seed: number): string[] {
  const random = lcg(seed);
  const alphabet = '0123456789afAFxX.:%+- g';
  const pick = (n: number): number => Math.floor(random() * n);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = sources[pick(sources.length)] ?? '';
    for (let edits = 1 + pick(2); edits > 0; edits--) {
      const at = pick(s.length + 1);
      const c = alphabet[pick(alphabet.length)] ?? '';
      const kind = pick(3);
      if (kind === 0) s = s.slice(0, at) + c + s.slice(at);
      else if (kind === 1) s = s.slice(0, at) + s.slice(at + 1);
      else s = s.slice(0, at) + c + s.slice(at + 1);
    }
    out.push(s);
  }
  return out;
}

const wellFormed = [
  ...v4Reversible,
  ...v6Reversible,
  ...v4Sloppy,
  ...v6Sloppy,
  ...manual,
  'fe80::1%05',
  'ff02::2%eth0',
];

/** Every address string of the corpus, each once, in a stable order. */
export const addressStrings: readonly string[] = [
  ...new Set([
    ...v4Reversible,
    ...v6Reversible,
    ...v4Sloppy,
    ...v6Sloppy,
    ...v4Err,
    ...v6Err,
    ...strictSuite,
    ...v4Edges,
    ...v6Edges,
    ...scopeEdges,
    ...manual,
    ...fuzzStrings(400, 0x1e7),
    ...mutations(wellFormed, 400, 0xad4),
  ]),
];

/** The hand-picked strings only (no fuzz): also run as char-code arrays and Lists. */
export const handStrings: readonly string[] = [
  ...new Set([
    ...v4Reversible,
    ...v6Reversible,
    ...v4Sloppy,
    ...v6Sloppy,
    ...v4Err,
    ...v6Err,
    ...strictSuite,
    ...v4Edges,
    ...v6Edges,
    ...scopeEdges,
    ...manual,
  ]),
];

/** An Erlang string as a List of its code points. */
export function codes(text: string): List<number> {
  return list(...Array.from(text, (c) => c.codePointAt(0) ?? 0));
}

/**
 * Inputs to the parse functions that are not plain text: lists holding
 * things that are not characters, and terms that are not lists.
 */
export const oddStrings: readonly Spelled[] = [
  { erl: '[$1,$.,$2,$.,$3,$.,foo]', js: [...codes('1.2.3.'), 'foo'] },
  { erl: '[foo]', js: ['foo'] },
  { erl: '[]', js: [] },
  { erl: '[[]]', js: [[]] },
  { erl: '["1.2.3.4"]', js: ['1.2.3.4'] },
  { erl: '[{}]', js: [[]] },
  { erl: '[$1,$.,{1},$.,$3,$.,$4]', js: [...codes('1.'), [1], ...codes('.3.4')] },
  { erl: '"fe80::1%" ++ [foo]', js: [...codes('fe80::1%'), 'foo'] },
  { erl: '"fe80::1%" ++ [foo, 1.5, {}]', js: [...codes('fe80::1%'), 'foo', 1.5, []] },
  { erl: '"fe80::1%0" ++ [foo]', js: [...codes('fe80::1%0'), 'foo'] },
  { erl: '"fe80::1%0" ++ [49.5]', js: [...codes('fe80::1%0'), 49.5] },
  { erl: '"fe80::1%0" ++ [49.5, 50.25]', js: [...codes('fe80::1%0'), 49.5, 50.25] },
  {
    erl: '"fe80::1%0" ++ [57.9, 57.9, 57.9, 57.9, 57.9]',
    js: [...codes('fe80::1%0'), 57.9, 57.9, 57.9, 57.9, 57.9],
  },
  { erl: '"fe80::1%0" ++ [47.5]', js: [...codes('fe80::1%0'), 47.5] },
  { erl: '[49.5]', js: [49.5] },
  { erl: '"::" ++ [49.5]', js: [...codes('::'), 49.5] },
  { erl: '"1.2.3." ++ [52.5]', js: [...codes('1.2.3.'), 52.5] },
  { erl: '[-1]', js: [-1] },
  { erl: '[1000000, $.]', js: [1000000, 46] },
  { erl: '[16#10FFFF]', js: [0x10ffff] },
  { erl: '"1.2.3." ++ [16#34]', js: [...codes('1.2.3.'), 52n] },
  { erl: '"::" ++ [true]', js: [...codes('::'), true] },
  { erl: '"1.2.3.4" ++ [0]', js: [...codes('1.2.3.4'), 0] },
  { erl: 'true', js: true },
  { erl: 'false', js: false },
  { erl: '42', js: 42 },
  { erl: '0', js: 0 },
  { erl: '1.5', js: 1.5 },
  { erl: '<<"1.2.3.4">>', js: Buffer.from('1.2.3.4') },
  { erl: '<<"::1">>', js: Buffer.from('::1') },
  { erl: '<<>>', js: Buffer.alloc(0) },
  { erl: '#{}', js: {} },
  { erl: '#{a => 1}', js: { a: 1 } },
];

// ---------------------------------------------------------------------------
// Tuples

/**
 * inet_SUITE:ntoa/1's grid, with the random fields fixed: every IPv4 tuple
 * over {0, r, 255, -1, 256} and every IPv6 tuple {E,F,G,H,G,G,E,F} over
 * {0, r, 65535, -1, 65536}.
 */
function ntoaGrid(): unknown[] {
  const out: unknown[] = [];
  const v4 = [
    [0, 93, 255, -1, 256],
    [0, 7, 255, -1, 256],
    [0, 200, 255, -1, 256],
    [0, 1, 255, -1, 256],
  ];
  const v6 = [[0, 0xfe80, 65535, -1, 65536], [0, 0x1234, 65535, -1, 65536], [0, 1, 65535, -1, 65536], [0, 0xab, 65535, -1, 65536]]; // prettier-ignore
  for (const a of v4[0] ?? []) for (const b of v4[1] ?? []) for (const c of v4[2] ?? []) for (const d of v4[3] ?? []) out.push([a, b, c, d]); // prettier-ignore
  for (const e of v6[0] ?? []) for (const f of v6[1] ?? []) for (const g of v6[2] ?? []) for (const h of v6[3] ?? []) out.push([e, f, g, h, g, g, e, f]); // prettier-ignore
  return out;
}

/** Every pattern of zero and non-zero groups, for ntoa's `::` choice (values vary with the pattern). */
function zeroRuns(): unknown[] {
  const out: unknown[] = [];
  for (let mask = 0; mask < 256; mask++) {
    out.push(
      Array.from({ length: 8 }, (_, i) => ((mask >> (7 - i)) & 1 ? ((mask * (i + 3)) % 0xfffe) + 1 : 0)),
    );
  }
  return out;
}

/** Tuples at and beyond the edges, and terms that are not tuples. */
const specialTuples: unknown[] = [
  [],
  [0],
  [0, 0],
  [0, 0, 0],
  [0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 'foo'],
  [0, 0, 0, 0, 0, 0, 0, 'foo'],
  ['a', 'b', 'c', 'd'],
  [0, 0, 0, 1.5],
  [1.5, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 0.5],
  [0, 0, 0, 0, 0, 0xffff, 0.5, 0],
  [-1.5, 0, 0, 0],
  [0, 0, 0, true],
  [0, 0, 0, []],
  [0, 0, 0, [1]],
  [0, 0, 0, list(1)],
  [[1, 2, 3, 4]],
  [255, 255, 255, 255],
  [127, 0, 0, 1],
  [192, 168, 42, 2],
  [-1, 0, 0, 0],
  [0, -1, 0, 0],
  [-1, -1, -1, -1],
  [-1, 1000, 0, 0],
  [-256, 0, 0, 0],
  [255, 255, 255, -255],
  [-(2 ** 40), 3, 4, 5],
  [-(2n ** 70n), 3, 4, 5],
  [2n ** 70n, 3, 4, 5],
  [1n, 2n, 3n, 4n],
  [0n, 0n, 0n, 0n, 0n, 0n, 0n, 1n],
  [2 ** 53, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, -1, -300],
  [0, 0, 0, 0, 0, 0, -1, -1],
  [-1, -1, -1, -1, -1, -1, -1, -1],
  [-(2n ** 80n), 0, 0, 0, 0, 0, -(2n ** 70n), 5],
  [0, 0, 0, 0, 0, 0, 0, 65536],
  [0, 0, 0, 0, 0, 0, 65535, 65535],
  [0, 0, 0, 0, 0, 65535, 0, 0],
  [0, 0, 0, 0, 0, 65535, 0xc0a8, 0x2a02],
  [0, 0, 0, 0, 0, 0xfffe, 0xc0a8, 0x2a02],
  [0, 0, 0, 0, 1, 65535, 0xc0a8, 0x2a02],
  [0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 1],
  [0, 0, 0, 0, 0, 0, 0, 2],
  [0, 0, 0, 0, 0, 0, 1, 0],
  [0, 0, 0, 0, 0, 0, 0xffff, 0xffff],
  [0, 0, 0, 0, 0, 1, 0, 0],
  [1, 0, 0, 0, 0, 0, 0, 0],
  [0xfe80, 0, 0, 0, 0, 0, 0, 1],
  [0xfe80, 3, 0, 0, 0, 0, 0, 1],
  [0xfe80, 12345, 0, 0, 0, 0, 0, 0x12],
  [0xfe80, 65535, 0, 0, 0, 0, 0, 0],
  [0xfe80, 1, 1, 0, 0, 0, 0, 0],
  [0xfe80, 1, 1, 1, 1, 1, 1, 1],
  [0xfe80, 1, 0, 0, 0, 0xffff, 0x102, 0x304],
  [0xff02, 2, 0, 0, 0, 0, 0, 1],
  [0xff02, 0, 0, 0, 0, 0, 0, 1],
  [0xff01, 2, 0, 0, 0, 0, 0, 1],
  [0xfe81, 2, 0, 0, 0, 0, 0, 1],
  [0x2001, 0xdb8, 0, 0, 8, 0x800, 0x200c, 0x417a],
  [0x2001, 0xdb8, 0, 0, 1, 0, 0, 1],
  [0x2001, 0xdb8, 0, 1, 0, 0, 0, 1],
  [0, 1, 0, 1, 0, 1, 0, 1],
  [0, 0, 1, 0, 0, 1, 0, 0],
  [1, 0, 0, 1, 0, 0, 0, 1],
  list(1, 2, 3, 4),
  list(0, 0, 0, 0, 0, 0, 0, 1),
  codes('1.2.3.4'),
  'foo',
  42,
  1.5,
  true,
  Buffer.from([1, 2, 3, 4]),
  {},
];

/** Every tuple of the corpus. */
export const tuples: readonly unknown[] = [...specialTuples, ...zeroRuns(), ...ntoaGrid()];

// ---------------------------------------------------------------------------
// Spelling JS terms in Erlang
