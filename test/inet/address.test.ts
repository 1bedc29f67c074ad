/**
 * inet's address functions: differential against real erl over the corpus in
 * address-corpus.ts (one escript run for the whole file), round-trip and
 * robustness properties with fast-check, and unit tests for the inputs erl
 * cannot spell.
 */
import { inspect } from 'node:util';
import { expect } from 'chai';
import fc from 'fast-check';
import { ErlangError, list } from 'erlts';
import * as inet from 'erlts/inet';
import {
  erlangAvailable,
  erlString,
  evalInErlang,
  noErlang,
  toErlang,
  type ErlOutcome,
} from '../support/erlang.js';
import { addressStrings, codes, handStrings, oddStrings, tuples } from './address-corpus.js';

const parseFns = [
  'parse_address',
  'parse_strict_address',
  'parse_ipv4_address',
  'parse_ipv4strict_address',
  'parse_ipv6_address',
  'parse_ipv6strict_address',
] as const;
const tupleFns = [
  'ntoa',
  'is_ip_address',
  'is_ipv4_address',
  'is_ipv6_address',
  'ipv4_mapped_ipv6_address',
] as const;
type Fn = (typeof parseFns)[number] | (typeof tupleFns)[number];

/** Calls an inet function with any term (the corpus holds terms the types do not allow). */
function call(fn: Fn, arg: unknown): unknown {
  return (inet[fn] as (a: unknown) => unknown)(arg);
}

/** What erlts did, in the shape evalInErlang reports erl's outcome. */
function outcome(f: () => unknown): ErlOutcome {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (ErlangError.is(e)) return { ok: false, class: 'error', reason: e.reason };
    throw e;
  }
}

/** erl's ntoa gives a char list where erlts gives a JS string (DESIGN decision). */
function fromErl(fn: Fn, o: ErlOutcome): ErlOutcome {
  if (fn === 'ntoa' && o.ok && Array.isArray(o.value) && o.value.every((c) => typeof c === 'number')) {
    return { ok: true, value: String.fromCodePoint(...o.value) };
  }
  return o;
}

/** Exact equality of results: arrays element by element, everything else by Object.is (so -0 is not 0). */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && !Array.isArray(a)) {
    const ka = Object.keys(a);
    const rb = b as Record<string, unknown>;
    return (
      ka.length === Object.keys(b).length && ka.every((k) => same((a as Record<string, unknown>)[k], rb[k]))
    );
  }
  return Object.is(a, b);
}

const show = (x: unknown): string => inspect(x, { depth: 6, breakLength: Infinity, compact: true });

/** One differential case: an Erlang expression and the erlts call that must give the same. */
interface Case {
  readonly fn: Fn;
  readonly input: string;
  readonly expr: string;
  readonly run: () => unknown;
}

function stringCases(fn: Fn): Case[] {
  return addressStrings.map((s) => ({
    fn,
    input: JSON.stringify(s),
    expr: `inet:${fn}(${erlString(s)})`,
    run: () => call(fn, s),
  }));
}

/** The hand-picked strings again, as a List of codes and as a plain array: the same answers. */
function charListCases(fn: Fn): Case[] {
  return handStrings.flatMap((s) => [
    {
      fn,
      input: `codes(${JSON.stringify(s)})`,
      expr: `inet:${fn}(${erlString(s)})`,
      run: () => call(fn, codes(s)),
    },
    {
      fn,
      input: `[...${JSON.stringify(s)}] codes`,
      expr: `inet:${fn}(${erlString(s)})`,
      run: () => call(fn, [...codes(s)]),
    },
  ]);
}

function oddCases(fn: Fn): Case[] {
  return oddStrings.map((o) => ({
    fn,
    input: `${o.erl}  (js ${show(o.js)})`,
    expr: `inet:${fn}(${o.erl})`,
    run: () => call(fn, o.js),
  }));
}

function tupleCases(fn: Fn): Case[] {
  return tuples.map((t) => {
    const erl = toErlang(t);
    return { fn, input: `${erl}  (js ${show(t)})`, expr: `inet:${fn}(${erl})`, run: () => call(fn, t) };
  });
}

const sections: {
  readonly title: string;
  readonly cases: (fn: Fn) => Case[];
  readonly fns: readonly Fn[];
}[] = [
  { title: `the ${addressStrings.length} corpus strings`, cases: stringCases, fns: parseFns },
  {
    title: `the ${handStrings.length} hand-picked strings as char-code arrays`,
    cases: charListCases,
    fns: parseFns,
  },
  {
    title: `${oddStrings.length} lists of non-characters and non-list terms`,
    cases: oddCases,
    fns: parseFns,
  },
  { title: `the ${tuples.length} corpus tuples and terms`, cases: tupleCases, fns: tupleFns },
];

describe('inet address functions', () => {
  describe('agree with erl term for term', function () {
    this.timeout(120_000);
    const erl = new Map<string, ErlOutcome>();

    before(function () {
      if (!erlangAvailable()) {
        console.log(`    ${noErlang}`);
        this.skip();
      }
      const exprs = [
        ...new Set(sections.flatMap((s) => s.fns.flatMap((fn) => s.cases(fn).map((c) => c.expr)))),
      ];
      const results = evalInErlang(exprs);
      exprs.forEach((e, i) => erl.set(e, results[i] as ErlOutcome));
    });

    for (const section of sections) {
      for (const fn of section.fns) {
        it(`${fn} gives erl's result for ${section.title}`, () => {
          const mismatches: string[] = [];
          const cases = section.cases(fn);
          for (const c of cases) {
            const expected = fromErl(fn, erl.get(c.expr) as ErlOutcome);
            const actual = outcome(c.run);
            if (!same(actual, expected)) {
              mismatches.push(
                `${fn}(${c.input})\n      erl:   ${show(expected)}\n      erlts: ${show(actual)}`,
              );
            }
          }
          if (mismatches.length > 0) {
            expect.fail(
              `${mismatches.length} of ${cases.length} differ from erl:\n    ${mismatches.join('\n    ')}`,
            );
          }
        });
      }
    }
  });

  describe('corpus', () => {
    it('has at least 300 address strings and 100 tuples', () => {
      expect(addressStrings.length).to.be.at.least(300);
      expect(handStrings.length).to.be.at.least(300);
      expect(tuples.length).to.be.at.least(100);
    });
  });

  describe('properties', function () {
    // Thousands of runs each: well under a second on a quiet machine, but bounded generously for a busy CI.
    this.timeout(60_000);
    const byte = fc.oneof(fc.constant(0), fc.constant(255), fc.integer({ min: 0, max: 255 }));
    const ip4 = fc.tuple(byte, byte, byte, byte);
    const group = fc.oneof(
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.constantFrom(1, 0xffff, 0xfe80, 0xff02) },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }) },
    );
    const anyIp6 = fc.tuple(group, group, group, group, group, group, group, group);
    // The shapes ntoa writes specially: ::a.b.c.d, ::ffff:a.b.c.d, and fe80::/ff02:: with a scope.
    const ip6 = fc.oneof(
      anyIp6,
      fc.tuple(group, group).map(([g, h]) => [0, 0, 0, 0, 0, 0, g, h] as const),
      fc.tuple(group, group).map(([g, h]) => [0, 0, 0, 0, 0, 0xffff, g, h] as const),
      fc
        .tuple(fc.constantFrom(0xfe80, 0xff02), anyIp6)
        .map(([p, [, b, c, d, e, f, g, h]]) => [p, b, c, d, e, f, g, h] as const),
    );

    it('parse_address(ntoa(T)) gives {ok, T} for every IPv4 tuple T', () => {
      fc.assert(
        fc.property(ip4, (t) => {
          const text = inet.ntoa(t);
          expect(text).to.be.a('string');
          expect(inet.parse_address(text as string)).to.deep.equal(['ok', t]);
          expect(inet.parse_strict_address(text as string)).to.deep.equal(['ok', t]);
          expect(inet.parse_ipv4strict_address(text as string)).to.deep.equal(['ok', t]);
        }),
        { numRuns: 5000 },
      );
    });

    it('parse_address(ntoa(T)) gives {ok, T} for every IPv6 tuple T, in lowercase text', () => {
      fc.assert(
        fc.property(ip6, (t) => {
          const text = inet.ntoa(t);
          expect(text).to.be.a('string');
          expect(text).to.equal((text as string).toLowerCase());
          expect(inet.parse_address(text as string)).to.deep.equal(['ok', t]);
          expect(inet.parse_ipv6strict_address(text as string)).to.deep.equal(['ok', t]);
          expect(inet.parse_ipv6_address(codes(text as string))).to.deep.equal(['ok', t]);
        }),
        { numRuns: 10000 },
      );
    });

    it('ipv4_mapped_ipv6_address maps every IPv4 tuple there and back', () => {
      fc.assert(
        fc.property(ip4, (t) => {
          const mapped = inet.ipv4_mapped_ipv6_address(t);
          expect(inet.is_ipv6_address(mapped)).to.equal(true);
          expect(inet.ipv4_mapped_ipv6_address(mapped)).to.deep.equal(t);
          expect(inet.parse_ipv6_address(inet.ntoa(t) as string)).to.deep.equal(['ok', mapped]);
        }),
        { numRuns: 2000 },
      );
    });

    const addressChars = fc.constantFrom(...'0123456789abcdefABCDEFxXg.:%+- \u00e9');
    const results = (r: unknown): boolean =>
      same(r, ['error', 'einval']) || (Array.isArray(r) && r[0] === 'ok' && inet.is_ip_address(r[1]));
    const texts = fc.oneof(
      fc.string({ unit: addressChars, maxLength: 48 }),
      fc.string({ unit: 'binary', maxLength: 48 }),
      fc.array(fc.oneof(fc.integer(), fc.double(), fc.constantFrom(46, 48, 49, 58, 37, 120), fc.anything()), {
        maxLength: 24,
      }),
    );

    it('no parse function throws on any string or array: each gives {ok, IP} or {error, einval}', () => {
      fc.assert(
        fc.property(texts, (s) => {
          for (const fn of parseFns) expect(results(call(fn, s)), `${fn}(${show(s)})`).to.equal(true);
        }),
        { numRuns: 10000 },
      );
    });

    it('on any term, parse functions either answer or raise function_clause exactly where OTP does', () => {
      fc.assert(
        fc.property(fc.anything(), (term) => {
          const isList = typeof term === 'string' || Array.isArray(term);
          for (const fn of parseFns) {
            const o = outcome(() => call(fn, term));
            const raises =
              !isList &&
              ['parse_ipv4_address', 'parse_ipv4strict_address', 'parse_ipv6_address'].includes(fn);
            if (raises)
              expect(o, `${fn}(${show(term)})`).to.deep.equal({
                ok: false,
                class: 'error',
                reason: 'function_clause',
              });
            else expect(o.ok && results(o.value), `${fn}(${show(term)})`).to.equal(true);
          }
        }),
        { numRuns: 3000 },
      );
    });

    it('ntoa and the is_* predicates never throw on any term', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.anything(), fc.array(fc.oneof(fc.integer(), fc.double(), fc.bigInt())), ip4, ip6),
          (t) => {
            const text = inet.ntoa(t);
            expect(typeof text === 'string' || same(text, ['error', 'einval'])).to.equal(true);
            expect(inet.is_ip_address(t)).to.equal(inet.is_ipv4_address(t) || inet.is_ipv6_address(t));
            expect(typeof text === 'string').to.equal(inet.is_ip_address(t));
          },
        ),
        { numRuns: 5000 },
      );
    });

    it('a strictly valid IPv4 string parses the same in the loose syntax', () => {
      fc.assert(
        fc.property(fc.string({ unit: addressChars, maxLength: 20 }), (s) => {
          const strict = inet.parse_ipv4strict_address(s);
          if (strict[0] === 'ok') expect(inet.parse_ipv4_address(s)).to.deep.equal(strict);
        }),
        { numRuns: 5000 },
      );
    });
  });

  describe('inputs erl cannot spell', () => {
    const nonTerms: unknown[] = [
      undefined,
      null,
      NaN,
      Infinity,
      Symbol('x'),
      () => 1,
      new Map(),
      new Date(0),
      10n,
    ];

    it('parse_address, parse_strict_address and parse_ipv6strict_address give {error, einval} for a non-list', () => {
      for (const x of nonTerms) {
        expect(inet.parse_address(x as never), show(x)).to.deep.equal(['error', 'einval']);
        expect(inet.parse_strict_address(x as never), show(x)).to.deep.equal(['error', 'einval']);
        expect(inet.parse_ipv6strict_address(x as never), show(x)).to.deep.equal(['error', 'einval']);
      }
    });

    it('parse_ipv4_address, parse_ipv4strict_address and parse_ipv6_address raise function_clause for a non-list, naming it', () => {
      for (const fn of ['parse_ipv4_address', 'parse_ipv4strict_address', 'parse_ipv6_address'] as const) {
        for (const x of nonTerms) {
          let caught: unknown;
          try {
            call(fn, x);
          } catch (e) {
            caught = e;
          }
          expect(ErlangError.is(caught), `${fn}(${show(x)})`).to.equal(true);
          expect((caught as ErlangError).reason).to.equal('function_clause');
          expect((caught as ErlangError).message)
            .to.contain(`inet:${fn}(`)
            .and.to.contain('must be a string');
        }
      }
    });

    it('treats holes and non-number elements of an array as non-characters', () => {
      expect(inet.parse_address(new Array<number>(7))).to.deep.equal(['error', 'einval']);
      expect(inet.parse_address([...codes('1.2.3.'), undefined, 52] as never)).to.deep.equal([
        'error',
        'einval',
      ]);
      expect(inet.parse_address([...codes('fe80::1%'), undefined] as never)).to.deep.equal([
        'ok',
        [0xfe80, 0, 0, 0, 0, 0, 0, 1],
      ]);
      expect(inet.parse_address([...codes('fe80::1%0'), null] as never)).to.deep.equal(['error', 'einval']);
    });

    it('ntoa gives {error, einval} and the predicates false for non-terms, NaN and infinite fields', () => {
      for (const x of [
        ...nonTerms,
        [NaN, 0, 0, 0],
        [Infinity, 0, 0, 0],
        [0, 0, 0, undefined],
        new Array(4),
        new Array(8),
      ]) {
        expect(inet.ntoa(x), show(x)).to.deep.equal(['error', 'einval']);
        expect(inet.is_ip_address(x), show(x)).to.equal(false);
        expect(inet.is_ipv4_address(x), show(x)).to.equal(false);
        expect(inet.is_ipv6_address(x), show(x)).to.equal(false);
      }
    });

    it('ipv4_mapped_ipv6_address raises function_clause for anything but a 4- or 8-tuple of integers in its guards', () => {
      for (const x of [
        ...nonTerms,
        [NaN, 0, 0, 0],
        [0, 0, 0, 256],
        [0, 0, 0, 0, 0, 0, 0, 65536],
        list(1, 2, 3, 4),
        [],
      ]) {
        expect(() => inet.ipv4_mapped_ipv6_address(x as never), show(x))
          .to.throw(ErlangError)
          .with.property('reason', 'function_clause');
      }
    });

    it('a list is not a tuple: List(127,0,0,1) is no address', () => {
      expect(inet.is_ipv4_address(list(127, 0, 0, 1))).to.equal(false);
      expect(inet.ntoa(list(127, 0, 0, 1))).to.deep.equal(['error', 'einval']);
    });

    it('accepts bigint fields and gives numbers back', () => {
      expect(inet.ntoa([127n, 0n, 0n, 1n] as never)).to.equal('127.0.0.1');
      expect(inet.is_ipv6_address([0n, 0n, 0n, 0n, 0n, 0n, 0n, 1n])).to.equal(true);
      expect(inet.ipv4_mapped_ipv6_address([1n, 2n, 3n, 4n] as never)).to.deep.equal([
        0, 0, 0, 0, 0, 65535, 258, 772,
      ]);
    });

    it('reads an integral JS number as an integer (JS has no 1.0 distinct from 1)', () => {
      // Erlang's {1.0,2,3,4} is no address; in JS 1.0 is 1, so the tuple below is {1,2,3,4}.
      expect(inet.is_ipv4_address([1.0, 2, 3, 4])).to.equal(true);
    });

    it('returns a fresh tuple each call, so a caller mutating one cannot change the next', () => {
      const first = inet.parse_address('1.2.3.4');
      (first[1] as unknown as number[])[0] = 99;
      expect(inet.parse_address('1.2.3.4')).to.deep.equal(['ok', [1, 2, 3, 4]]);
    });
  });

  describe('cost', () => {
    it('parses megabyte inputs in linear time', function () {
      this.timeout(30_000);
      const inputs = (n: number): string[] => [
        '1'.repeat(n),
        '1.'.repeat(n / 2),
        ':'.repeat(n),
        '0'.repeat(n),
        '0x' + '0'.repeat(n) + '1',
        'fe80::1%0' + '0'.repeat(n),
        'fe80::1%' + 'x'.repeat(n),
        '1:'.repeat(n / 2),
      ];
      // The best of three runs at 1 MB against the best of three at 1/8 of it: linear work takes
      // about 8 times as long, quadratic 64 times. A ratio, so a loaded machine does not fail it.
      const time = (n: number): number => {
        const strings = inputs(n);
        let best = Infinity;
        for (let run = 0; run < 3; run++) {
          const started = performance.now();
          for (const s of strings) for (const fn of parseFns) call(fn, s);
          best = Math.min(best, performance.now() - started);
        }
        return best;
      };
      const big = 1_000_000;
      const ratio = time(big) / time(big / 8);
      expect(ratio).to.be.below(24);
      expect(inet.parse_address('0'.repeat(big))).to.deep.equal(['ok', [0, 0, 0, 0]]);
      expect(inet.parse_address('fe80::1%0' + '0'.repeat(big))).to.deep.equal([
        'ok',
        [0xfe80, 0, 0, 0, 0, 0, 0, 1],
      ]);
    });
  });

  describe('the documented examples', () => {
    it('hold as the TSDoc shows them', () => {
      expect(inet.parse_address('::1')).to.deep.equal(['ok', [0, 0, 0, 0, 0, 0, 0, 1]]);
      expect(inet.parse_address('127.1')).to.deep.equal(['ok', [127, 0, 0, 1]]);
      expect(inet.parse_strict_address('127.0.0.1')).to.deep.equal(['ok', [127, 0, 0, 1]]);
      expect(inet.parse_strict_address('127.1')).to.deep.equal(['error', 'einval']);
      expect(inet.parse_ipv4_address('0x7f.1')).to.deep.equal(['ok', [127, 0, 0, 1]]);
      expect(inet.parse_ipv4strict_address('192.168.42.2')).to.deep.equal(['ok', [192, 168, 42, 2]]);
      expect(inet.parse_ipv6_address('192.168.42.2')).to.deep.equal([
        'ok',
        [0, 0, 0, 0, 0, 65535, 49320, 10754],
      ]);
      expect(inet.parse_ipv6strict_address('::FFFF:192.168.42.2')).to.deep.equal([
        'ok',
        [0, 0, 0, 0, 0, 65535, 49320, 10754],
      ]);
      expect(inet.parse_ipv6strict_address('fe80::1%eth0')).to.deep.equal([
        'ok',
        [65152, 0, 0, 0, 0, 0, 0, 1],
      ]);
      expect(inet.ipv4_mapped_ipv6_address([192, 168, 42, 2])).to.deep.equal([
        0, 0, 0, 0, 0, 65535, 49320, 10754,
      ]);
      expect(inet.ipv4_mapped_ipv6_address([0, 0, 0, 0, 0, 65535, 49320, 10754])).to.deep.equal([
        192, 168, 42, 2,
      ]);
      expect(inet.ntoa([127, 0, 0, 1])).to.equal('127.0.0.1');
      expect(inet.ntoa([0xfe80, 0, 0, 0, 0x204, 0xacff, 0xfe17, 0xbf38])).to.equal(
        'fe80::204:acff:fe17:bf38',
      );
      expect(inet.is_ipv4_address([127, 0, 0, 1])).to.equal(true);
      expect(inet.is_ipv4_address([0, 0, 0, 256])).to.equal(false);
      expect(inet.is_ipv6_address([0, 0, 0, 0, 0, 0, 0, 1])).to.equal(true);
      expect(inet.is_ip_address('0.0.0.0')).to.equal(false);
    });
  });
});
