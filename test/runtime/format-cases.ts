/**
 * The differential corpus: io_lib:format cases that erl and erlts must print
 * identically (or both reject). Terms follow DESIGN §2: strings are atoms,
 * arrays tuples, `l(...)`/`s('...')` lists, Buffers binaries, objects maps.
 */

import { list, List, Pid, Port, Ref } from '../../runtime/internal/terms.js';
import type { FormatCase } from './format-erl.js';

/** An Erlang list. */
const l = list;
/** An Erlang string: the list of code points of `text`. */
const s = (text: string): List<number> => list(...Array.from(text, (c) => c.codePointAt(0) ?? 0));
const bin = (...bytes: number[]): Buffer => Buffer.from(bytes);
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const range = (n: number, f: (i: number) => unknown = (i) => i): List =>
  list(...Array.from({ length: n }, (_, i) => f(i)));

const pid = new Pid(83, null);
const ref = new Ref();
const port = new Port();

const c = (fmt: string, ...args: unknown[]): FormatCase => ({ fmt, args });

const atoms = [
  'ok',
  'EXIT',
  'hello world',
  '',
  'aBc_9@x',
  'Abc',
  '_x',
  'a.b',
  'a-b',
  'case',
  'maybe',
  'else',
  'cond',
  'let',
  'andalso',
  'é',
  'ÿß',
  'Ärger',
  '\u00d7x',
  '☃',
  'tab\there',
  "it's",
  'back\\slash',
  '\u007f',
];

const floats = [
  0.1,
  1.0e-10,
  123456789.123,
  -2.5,
  0.5,
  0.125,
  2.675,
  1.5e300,
  9.999999,
  0.05,
  0.0999,
  99999.99,
  12345.678,
  3.14159,
  -0.0001,
  1e-5,
  5e-324,
  0.95,
  1e21,
  2 ** 53,
  1.7976931348623157e308,
  2 / 3,
  1234.5,
  0.001,
  0.0001,
  0.00012,
  1e15 + 0.5,
  9999.5,
  12.5,
  999.9,
];

const longList = range(40, (i) => i * 37);
const people = l(
  ['person', s('Alice Liddell'), 7, 'wonderland', l('curious', 'small')],
  ['person', s('Humpty Dumpty'), 99, 'wall', l('egg')],
  ['person', s('The Queen of Hearts'), 50, 'castle', l('angry', 'royal', 'loud')],
);
const record = [
  'http_request',
  'GET',
  ['abs_path', s('/index.html?query=something&other=thing')],
  [1, 1],
  l(['Host', s('example.com')], ['User-Agent', s('erlts-test/1.0 (like Erlang)')]),
];
const bigMap = {
  name: s('erlts'),
  version: [0, 1, 0],
  deps: l('zod', 'xstate', 'fp-ts'),
  description: s('Erlang process model for Node.js, with a long description that wraps'),
  nested: { a: range(20), b: { deep: ['tuple', 'inside', 'map', s('and a string')] } },
};

export const cases: FormatCase[] = [
  // ~w of atoms, needing quotes or not
  ...atoms.map((a) => c('~w', a)),
  ...atoms.map((a) => c('~tw', a)),
  c('~w ~w ~w ~w', true, false, undefined, null),
  // integers and floats under ~w and ~p
  c('~w ~w ~w', 0, -1, 123456789012345678901234567890n),
  ...floats.map((f) => c('~w', f)),
  c('~p', l(0.1, -0.3, 1e100, 6.02214076e23, 1.602e-19)),
  // nested structures under ~w
  c('~w', ['ok', l(1, 2), [], l(), { a: 1 }, {}, bin(), bin(1, 2, 3)]),
  c('~w', l(s('abc'), utf8('abc'), pid, ref, port)),
  c('~w', { b: 2, a: 1, 'Z z': [1], ok: l(s('x')) }),
  c('~w', [pid, [ref, [port]]]),
  // widths, precision, pads on ~w
  c('[~10w]', 'ok'),
  c('[~-10w]', 'ok'),
  c('[~3w]', 'toolong'),
  c('[~10.5w]', 'abcdefgh'),
  c('[~.3w]', 'abcdefgh'),
  c('[~8.._w]', 42),
  c('[~*w]', 10, 'ok'),
  c('[~-*w]', 10, 'ok'),
  c('[~*w]', -10, 'ok'),
  c('[~10..*w]', 0x2d, 'ok'),
  // ~W depth
  c(
    '~W',
    range(5, (i) => i + 1),
    3,
  ),
  c('~W', ['a', ['b', ['c', ['d']]]], 3),
  c('~W', { a: 1, b: 2, c: 3 }, 2),
  c('~W', { a: 1 }, 2),
  c('~W', { a: 1 }, 1),
  c(
    '~W',
    range(10, (i) => i + 1),
    1,
  ),
  c('~W', bin(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 4),
  c('~W', 'atom', 0),
  c('~W', s('hello'), 3),
  // ~p of short terms, strings, binaries
  c('~p', s('hello world')),
  c('~p', s('tab\there\nnewline "quoted" \\ back')),
  c('~p', s('latin1: é ß ÿ')),
  c('~p', l(9731, 97)),
  c('~tp', l(9731, 97)),
  c('~p', l(0x7f)),
  c('~p', l(1, 2, 3)),
  c('~lp', s('abc')),
  c('~p', utf8('hello')),
  c('~p', utf8('héllo')),
  c('~tp', utf8('héllo')),
  c('~tp', utf8('snow ☃')),
  c('~p', bin(1, 2, 3)),
  c('~p', bin(104, 105, 0)),
  c('~p', bin(255, 254, 253)),
  c('~tp', bin(255, 254, 253)),
  c('~p', ['text', utf8('line one\nline two')]),
  c('~tp', 'ünïcödé'),
  c('~p', '☃'),
  c('~tp', '☃'),
  c('~p', pid),
  c('~p', 1.5),
  c('~p', {}),
  c('~p', []),
  c('~p', l()),
  // ~p line breaking
  c('~p', longList),
  c('~p', people),
  c('~p', record),
  c('~p', bigMap),
  c(
    '~p',
    range(30, (i) => ['key', i, s('value')]),
  ),
  c(
    '~p',
    range(12, (i) => ({ id: i, tags: l('a', 'b') })),
  ),
  c('~p', [range(25), range(25), range(25)]),
  c('~p', ['a_rather_long_tag_name_for_a_tuple', range(30)]),
  c('~p', ['t', ['u', ['v', ['w', ['x', range(60)]]]]]),
  c('~p', bin(...Array.from({ length: 100 }, (_, i) => (i * 7) % 256))),
  c('~p', ['data', bin(...Array.from({ length: 60 }, (_, i) => i))]),
  c('~p', { key: bin(...Array.from({ length: 60 }, (_, i) => 200 + (i % 50))) }),
  c('~p', l(s('a string that is fairly long to fill the line'), s('another string to force a break'))),
  c('~p', { longkey_number_one: range(15), longkey_number_two: s('a string value that is long enough') }),
  c('~p', { a: { b: { c: { d: { e: range(40) } } } } }),
  c('~p', [{ x: 1 }, { y: range(30) }, l({ z: s('zzz') })]),
  c(
    '~p',
    range(26, (i) => String.fromCharCode(97 + i).repeat((i % 7) + 1)),
  ),
  c(
    '~p',
    range(40, (i) => [i]),
  ),
  c(
    '~p',
    range(8, () => range(12)),
  ),
  c('~p', [
    'error',
    ['badmatch', range(20)],
    l(['mod', 'fun', 2, l(['file', s('src/mod.erl')], ['line', 42])]),
  ]),
  // ~p at a column
  c('Result: ~p~n', people),
  c('a longer prefix before the term here: ~p', record),
  c('\tTabbed: ~p', range(30)),
  c('~s ~p', s('prefix text'), bigMap),
  c('~p~n~p', range(30), range(30)),
  c('first ~w then ~p and ~p', 'x', range(25), people),
  c('~40p', range(30)),
  c('~30p', people),
  c('~.20p', range(30)),
  c('~0p', range(30)),
  c('~tp', ['ünïcödé', range(30), s('strings')]),
  // ~P depth
  c('~P', range(30), 5),
  c('~P', people, 4),
  c('~P', bigMap, 3),
  c('~P', s('hello world'), 2),
  c('~P', utf8('hello world and more text here'), 3),
  c('~P', utf8('hello world'), 5),
  c('~P', bin(1, 2, 3, 4, 5), 3),
  c('~P', ['a', 'b', 'c'], 2),
  c('~P', { a: 1, b: 2 }, 2),
  c('~P', 'atom', 0),
  c('~P', ['x', s('abc')], 1),
  // ~s
  c('~s', s('hello')),
  c('~s', 'an_atom'),
  c('~s', 'Atom With Spaces'),
  c('~s', utf8('binary')),
  c('~s', l(s('deep'), l(32, utf8('io'), l(s('list'))))),
  c('[~10s]', s('abc')),
  c('[~-10s]', s('abc')),
  c('[~.2s]', s('abc')),
  c('[~.5s]', s('abc')),
  c('[~10.2s]', s('abcdef')),
  c('[~10.5s]', s('abc')),
  c('[~-10.5.*s]', 0x2e, s('abc')),
  c('[~3s]', s('abcdef')),
  c('[~5.5s]', s('abc')),
  c('[~10.3.xs]', s('abcdef')),
  c('~s', utf8('héllo')),
  c('~ts', utf8('héllo ☃')),
  c('~ts', l(9731, 32, 0x1f600)),
  c('[~5ts]', l(0x65, 0x301, 0x65, 0x301)),
  c('[~.1ts]', l(0x65, 0x301, 0x65)),
  c('~ts', bin(0xff, 0x41)),
  c('~s', s('é')),
  // ~c
  c('~c', 97),
  c('[~5c]', 97),
  c('[~5.2c]', 97),
  c('[~-5.2c]', 97),
  c('[~5.2.xc]', 97),
  c('[~.3c]', 97),
  c('~c', 256 + 97),
  c('~c', -1),
  c('~tc', 9731),
  // ~e ~f ~g over many floats
  ...floats.map((f) => c('~e ~f ~g', f, f, f)),
  ...floats.slice(0, 12).map((f) => c('~.3e|~.2f|~.3g|~.1g|~.1f', f, f, f, f, f)),
  c('[~12.3e]', 3.14159),
  c('[~-12.3f]', 3.14159),
  c('[~12.3.0f]', -3.14159),
  c('[~4.2f]', 123.456),
  c('[~.10f]', 0.1),
  c('[~.20e]', 0.1),
  c('[~.17g]', 0.1),
  c('[~15g]', 12345.678),
  { fmt: '~f ~e ~g', args: [1, 1, 1], erlArgs: '[1.0, 1.0, 1.0]' },
  { fmt: '~w ~p', args: [-0, -0], erlArgs: '[0, 0]' },
  { fmt: '~f ~e', args: [-0.0, -0.0], erlArgs: '[-0.0, -0.0]' },
  // integers in bases
  c('~b ~b ~b', 0, 255, -255),
  c('~.2b ~.8b ~.16b ~.36b', 255, 255, 255, 123456789),
  c('~.16B ~.36B', 48879, 123456789),
  c('[~8.2.0b]', 5),
  c('[~-8.16b]', 255),
  c('[~3b]', 123456),
  c('~b', 2n ** 100n),
  c('~.16b', -(2n ** 70n)),
  c('~x ~X', 255, '0x', 255, '0x'),
  c('~.16x ~.16X', 255, '0x', -255, s('#')),
  c('[~10.16.0x]', 3054, '$'),
  c('~.16x', 255, l(s('pre'), s('fix'))),
  c('~+ ~#', 255, 255),
  c('~.16+ ~.16# ~.2# ~.36+', 255, 255, -5, 1295),
  c('[~10.16#]', 255),
  // ~i ~~ ~n
  c('a~ib', 'ignored'),
  c('~~ [~5~] [~-3.1~]'),
  c('one~ntwo~3nthree'),
  c('no controls at all'),
  c(''),
  c('ünïcödé format ~w', 'ok'),
  // errors: erl raises badarg, erlts must throw
  c('~b', 'x'),
  c('~b', 1.5),
  c('~q', 1),
  c('~w'),
  c('~w', 1, 2),
  c('~-5p', 'ok'),
  c('~.1e', 1.5),
  c('~.0f', 1.5),
  c('~.0g', 1.5),
  c('~.37b', 10),
  c('~.1b', 10),
  c('[~5.6c]', 97),
  c('[~2.3s]', s('abcd')),
  c('~s', l(256)),
  c('~s', 123),
  c('~s', l(-1)),
  c('~s', { a: 1 }),
  // erlts reads plain arrays and nested JS strings as lists in ~s (DESIGN §2)
  { fmt: '~s', args: [['ab', l(99)]], erlArgs: '[["ab",[99]]]' },
  c('~e', 'x'),
  c('~c', 'a'),
  c('~x', 1, 2),
  c('~W', 'a', 'b'),
  c('~-3n'),
  c('~-w', 'a'),
  c('abc~'),
  c('~s', 'é'),
  c('~s', '☃'),
];

/** A small seeded PRNG (mulberry32), so the generated corpus is the same every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(20240611);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const words = [
  'ok',
  'error',
  'state',
  'EXIT',
  'a',
  'long_atom_name_here',
  'x y',
  'undefined',
  'tcp',
  'données',
];

function randomFloat(): number {
  const x = (rand() - 0.5) * 10 ** int(-12, 12);
  return Number.isSafeInteger(x) ? x + 0.5 : x;
}

function randomTerm(depth: number): unknown {
  const k = depth <= 0 ? int(0, 4) : int(0, 10);
  switch (k) {
    case 0:
      return pick(words);
    case 1:
      return int(-1000, 100000);
    case 2:
      return randomFloat();
    case 3:
      return s(pick(['hello', 'a somewhat longer string value', '', 'tab\tand\nnewline', 'quote"s', 'ünï']));
    case 4:
      return bin(...Array.from({ length: int(0, 30) }, () => (rand() < 0.7 ? int(97, 122) : int(0, 255))));
    case 5:
    case 6:
      return Array.from({ length: int(1, 6) }, (_, i) =>
        i === 0 && rand() < 0.6 ? pick(words) : randomTerm(depth - 1),
      );
    case 7:
    case 8:
      return list(...Array.from({ length: int(0, 12) }, () => randomTerm(depth - 1)));
    case 9: {
      const m: Record<string, unknown> = {};
      for (let i = int(1, 6); i > 0; i--) m[pick(words) + String(int(0, 20))] = randomTerm(depth - 1);
      return m;
    }
    default:
      return list(...Array.from({ length: int(5, 30) }, () => ['item', int(0, 999), randomTerm(depth - 2)]));
  }
}

/** Generated cases: random terms pretty-printed at random columns, widths and depths. */
export const generated: FormatCase[] = [];
for (let i = 0; i < 160; i++) {
  const t = randomTerm(4);
  switch (i % 8) {
    case 0:
      generated.push(c('~p', t));
      break;
    case 1:
      generated.push(c(`${'.'.repeat(int(1, 50))}~p`, t));
      break;
    case 2:
      generated.push(c(`~${int(20, 120)}p`, t));
      break;
    case 3:
      generated.push(c('~P', t, int(1, 12)));
      break;
    case 4:
      generated.push(c('~w', t));
      break;
    case 5:
      generated.push(c('~W', t, int(1, 12)));
      break;
    case 6:
      generated.push(c(`~t${pick(['', '40', '.30'])}p`, t));
      break;
    default: {
      const f = randomFloat();
      generated.push(c(`~.${int(2, 18)}e ~.${int(1, 18)}f ~.${int(1, 18)}g ~w`, f, f, f, f));
    }
  }
}

cases.push(...generated);
cases.push(
  c('~w ~p', '\u0080\u009f\u00a0', '\u0080\u009f\u00a0'),
  c('~p', s('\u0080')),
  c('~p', l(0x9f, 0xa0)),
  c('~p', [s('\u001b\u0000\u0007\u007f')]),
);
