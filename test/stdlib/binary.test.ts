/**
 * erlts/binary against OTP 25's binary module: every function on binaries, patterns and
 * options that fast-check generates (over a small alphabet, so that patterns match, overlap and
 * share prefixes), each case run by erlts and, in one escript run per section, by erl.
 */
import { inspect } from 'node:util';
import { expect } from 'chai';
import fc from 'fast-check';
import { ErlangError, List, list } from 'erlts';
import * as binary from 'erlts/binary';
import { erlangAvailable, evalInErlang, noErlang, toErlang, type ErlOutcome } from '../support/erlang.js';

const show = (x: unknown): string => inspect(x, { depth: 8, breakLength: Infinity, compact: true });
const E = toErlang;

/** Exact equality of terms: a List is not a tuple, Buffers by bytes, 1 and 1n equal. */
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
  return Object.is(a, b);
}

function outcome(f: () => unknown): ErlOutcome {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (ErlangError.is(e)) return { ok: false, class: 'error', reason: e.reason };
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
  const results = evalInErlang(cases.map((c) => c.erl));
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

const runs = 150;
function sample<T>(arb: fc.Arbitrary<T>, seed: number): T[] {
  return fc.sample(arb, { numRuns: runs, seed });
}

// A small alphabet, so that patterns match often; random bytes elsewhere.
const letter = fc.constantFrom(0x61, 0x62, 0x63, 0x00, 0xff);
const bin = (maxLength = 16): fc.Arbitrary<Buffer> =>
  fc.array(letter, { maxLength }).map((b) => Buffer.from(b));
const randomBytes = fc.uint8Array({ maxLength: 20 }).map((b) => Buffer.from(b));
const pat = fc.array(letter, { minLength: 1, maxLength: 3 }).map((b) => Buffer.from(b));
/** A pattern as a binary or a list of binaries, and whether to compile it first. */
const patternArg = fc.tuple(fc.oneof(pat, fc.array(pat, { minLength: 1, maxLength: 3 })), fc.boolean());

function patternOf([p, compiled]: [Buffer | Buffer[], boolean]): { js: unknown; erl: string } {
  const js = Array.isArray(p) ? list(...p) : p;
  return compiled
    ? { js: binary.compile_pattern(js), erl: `binary:compile_pattern(${E(js)})` }
    : { js, erl: E(js) };
}

/** A `{Start, Length}` near a subject of `size` bytes (sometimes past it). */
const scopeArg = fc.tuple(fc.integer({ min: -1, max: 18 }), fc.integer({ min: -18, max: 18 }));

type Opt =
  'global' | 'trim' | 'trim_all' | ['scope', [number, number]] | ['insert_replaced', number | List<number>];
const option: fc.Arbitrary<Opt> = fc.oneof(
  fc.constantFrom<Opt>('global', 'trim', 'trim_all'),
  scopeArg.map((s): Opt => ['scope', s]),
  fc
    .oneof(
      fc.integer({ min: -1, max: 4 }),
      fc.array(fc.nat(4), { maxLength: 3 }).map((xs) => list(...xs)),
    )
    .map((n): Opt => ['insert_replaced', n]),
);
const optionsArg = fc.array(option, { maxLength: 3 });

describe('erlts/binary', function () {
  this.timeout(120_000);

  describe('agrees with OTP 25 on generated binaries', () => {
    before(function () {
      if (!erlangAvailable()) {
        console.log(`    ${noErlang}`);
        this.skip();
      }
    });

    it('at/2, first/1, last/1, bin_to_list/1,2,3, part/2,3 and copy/1,2', () => {
      const args = fc.tuple(
        bin(),
        fc.integer({ min: -2, max: 18 }),
        fc.integer({ min: -18, max: 18 }),
        fc.integer({ min: -1, max: 3 }),
      );
      agree(
        sample(args, 1).flatMap(([b, p, l, n]): Case[] => [
          { label: `at ${show(b)} ${p}`, erl: `binary:at(${E(b)}, ${p})`, run: () => binary.at(b, p) },
          { label: `first ${show(b)}`, erl: `binary:first(${E(b)})`, run: () => binary.first(b) },
          { label: `last ${show(b)}`, erl: `binary:last(${E(b)})`, run: () => binary.last(b) },
          {
            label: `bin_to_list ${show(b)}`,
            erl: `binary:bin_to_list(${E(b)})`,
            run: () => binary.bin_to_list(b),
          },
          {
            label: `bin_to_list/2 ${show(b)} ${p} ${l}`,
            erl: `binary:bin_to_list(${E(b)}, {${p}, ${l}})`,
            run: () => binary.bin_to_list(b, [p, l]),
          },
          {
            label: `bin_to_list/3 ${show(b)} ${p} ${l}`,
            erl: `binary:bin_to_list(${E(b)}, ${p}, ${l})`,
            run: () => binary.bin_to_list(b, p, l),
          },
          {
            label: `part/2 ${show(b)} ${p} ${l}`,
            erl: `binary:part(${E(b)}, {${p}, ${l}})`,
            run: () => binary.part(b, [p, l]),
          },
          {
            label: `part/3 ${show(b)} ${p} ${l}`,
            erl: `binary:part(${E(b)}, ${p}, ${l})`,
            run: () => binary.part(b, p, l),
          },
          { label: `copy ${show(b)}`, erl: `binary:copy(${E(b)})`, run: () => binary.copy(b) },
          {
            label: `copy/2 ${show(b)} ${n}`,
            erl: `binary:copy(${E(b)}, ${n})`,
            run: () => binary.copy(b, n),
          },
        ]),
      );
    });

    it('decode_unsigned/1,2, encode_unsigned/1,2, encode_hex/1 and decode_hex/1', () => {
      const unsigned = fc.oneof(
        fc.integer({ min: -2, max: 70000 }),
        fc.bigInt({ min: -1n, max: 2n ** 100n }),
      );
      const endian = fc.constantFrom('big', 'little', 'middle');
      const hexText = fc.oneof(
        randomBytes.map((b) => Buffer.from(b.toString('hex'))),
        fc
          .string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFg'), maxLength: 9 })
          .map((s) => Buffer.from(s)),
      );
      agree(
        sample(fc.tuple(randomBytes, unsigned, endian, hexText), 2).flatMap(([b, u, e, h]): Case[] => [
          {
            label: `decode_unsigned ${show(b)}`,
            erl: `binary:decode_unsigned(${E(b)})`,
            run: () => binary.decode_unsigned(b),
          },
          {
            label: `decode_unsigned/2 ${show(b)} ${e}`,
            erl: `binary:decode_unsigned(${E(b)}, ${e})`,
            run: () => binary.decode_unsigned(b, e as 'big'),
          },
          {
            label: `encode_unsigned ${u}`,
            erl: `binary:encode_unsigned(${u})`,
            run: () => binary.encode_unsigned(u),
          },
          {
            label: `encode_unsigned/2 ${u} ${e}`,
            erl: `binary:encode_unsigned(${u}, ${e})`,
            run: () => binary.encode_unsigned(u, e as 'big'),
          },
          {
            label: `encode_hex ${show(b)}`,
            erl: `binary:encode_hex(${E(b)})`,
            run: () => binary.encode_hex(b),
          },
          {
            label: `decode_hex ${show(h)}`,
            erl: `binary:decode_hex(${E(h)})`,
            run: () => binary.decode_hex(h),
          },
        ]),
      );
    });

    it('list_to_bin/1, longest_common_prefix/1 and longest_common_suffix/1', () => {
      const { iolist } = fc.letrec((tie) => ({
        iolist: fc
          .array(
            fc.oneof({ depthSize: 'small' }, fc.integer({ min: -1, max: 256 }), randomBytes, tie('iolist')),
            { maxLength: 4 },
          )
          .map((xs) => list(...xs)),
      }));
      const bins = fc.array(bin(6), { maxLength: 4 });
      agree(
        sample(fc.tuple(iolist, bins), 3).flatMap(([io, bs]): Case[] => [
          {
            label: `list_to_bin ${show(io)}`,
            erl: `binary:list_to_bin(${E(io)})`,
            run: () => binary.list_to_bin(io),
          },
          {
            label: `longest_common_prefix ${show(bs)}`,
            erl: `binary:longest_common_prefix(${E(list(...bs))})`,
            run: () => binary.longest_common_prefix(list(...bs)),
          },
          {
            label: `longest_common_suffix ${show(bs)}`,
            erl: `binary:longest_common_suffix(${E(list(...bs))})`,
            run: () => binary.longest_common_suffix(list(...bs)),
          },
        ]),
      );
    });

    it('match/2,3 and matches/2,3, with patterns plain and compiled', () => {
      agree(
        sample(fc.tuple(bin(), patternArg, scopeArg), 4).flatMap(([b, pa, s]): Case[] => {
          const p = patternOf(pa);
          const opts = list(['scope', s]);
          return [
            {
              label: `match ${show(b)} ${show(p.js)}`,
              erl: `binary:match(${E(b)}, ${p.erl})`,
              run: () => binary.match(b, p.js as Buffer),
            },
            {
              label: `match/3 ${show(b)} ${show(p.js)} ${show(opts)}`,
              erl: `binary:match(${E(b)}, ${p.erl}, ${E(opts)})`,
              run: () => binary.match(b, p.js as Buffer, opts),
            },
            {
              label: `matches ${show(b)} ${show(p.js)}`,
              erl: `binary:matches(${E(b)}, ${p.erl})`,
              run: () => binary.matches(b, p.js as Buffer),
            },
            {
              label: `matches/3 ${show(b)} ${show(p.js)} ${show(opts)}`,
              erl: `binary:matches(${E(b)}, ${p.erl}, ${E(opts)})`,
              run: () => binary.matches(b, p.js as Buffer, opts),
            },
          ];
        }),
      );
    });

    it('split/2,3 and replace/3,4, with every option', () => {
      agree(
        sample(fc.tuple(bin(), patternArg, optionsArg, bin(3)), 5).flatMap(([b, pa, o, r]): Case[] => {
          const p = patternOf(pa);
          const opts = list(...o);
          return [
            {
              label: `split ${show(b)} ${show(p.js)}`,
              erl: `binary:split(${E(b)}, ${p.erl})`,
              run: () => binary.split(b, p.js as Buffer),
            },
            {
              label: `split/3 ${show(b)} ${show(p.js)} ${show(opts)}`,
              erl: `binary:split(${E(b)}, ${p.erl}, ${E(opts)})`,
              run: () => binary.split(b, p.js as Buffer, opts),
            },
            {
              label: `replace ${show(b)} ${show(p.js)} ${show(r)}`,
              erl: `binary:replace(${E(b)}, ${p.erl}, ${E(r)})`,
              run: () => binary.replace(b, p.js as Buffer, r),
            },
            {
              label: `replace/4 ${show(b)} ${show(p.js)} ${show(r)} ${show(opts)}`,
              erl: `binary:replace(${E(b)}, ${p.erl}, ${E(r)}, ${E(opts)})`,
              run: () => binary.replace(b, p.js as Buffer, r, opts),
            },
          ];
        }),
      );
    });

    it('raises badarg for what is no binary, pattern or option', () => {
      const b = Buffer.from('abc');
      const cases: [string, () => unknown, string][] = [
        ['at of a list', () => binary.at(list(1) as never, 0), 'binary:at([1], 0)'],
        ['at of a float position', () => binary.at(b, 1.5), 'binary:at(<<"abc">>, 1.5)'],
        ['part of a 3-tuple', () => binary.part(b, [1, 2, 3] as never), 'binary:part(<<"abc">>, {1,2,3})'],
        [
          'match of an empty pattern',
          () => binary.match(b, Buffer.alloc(0)),
          'binary:match(<<"abc">>, <<>>)',
        ],
        ['match of an empty list', () => binary.match(b, list()), 'binary:match(<<"abc">>, [])'],
        [
          'match of a string pattern',
          () => binary.match(b, list(98) as never),
          'binary:match(<<"abc">>, [98])',
        ],
        ['match of a subject no binary', () => binary.match(5 as never, b), 'binary:match(5, <<"abc">>)'],
        [
          'match with global',
          () => binary.match(b, b, list('global')),
          'binary:match(<<"abc">>, <<"abc">>, [global])',
        ],
        [
          'match with options no list',
          () => binary.match(b, b, 'x' as never),
          'binary:match(<<"abc">>, <<"abc">>, x)',
        ],
        [
          'split with insert_replaced',
          () => binary.split(b, b, list(['insert_replaced', 1])),
          'binary:split(<<"abc">>, <<"abc">>, [{insert_replaced, 1}])',
        ],
        [
          'replace with trim',
          () => binary.replace(b, b, b, list('trim')),
          'binary:replace(<<"abc">>, <<"abc">>, <<"abc">>, [trim])',
        ],
        [
          'replace with a list replacement',
          () => binary.replace(b, b, list(120) as never),
          'binary:replace(<<"abc">>, <<"abc">>, [120])',
        ],
        [
          'compile_pattern of an empty binary',
          () => binary.compile_pattern(Buffer.alloc(0)),
          'binary:compile_pattern(<<>>)',
        ],
        ['list_to_bin of a binary', () => binary.list_to_bin(b as never), 'binary:list_to_bin(<<"abc">>)'],
        [
          'longest_common_prefix of []',
          () => binary.longest_common_prefix(list()),
          'binary:longest_common_prefix([])',
        ],
        ['encode_unsigned of a float', () => binary.encode_unsigned(1.5), 'binary:encode_unsigned(1.5)'],
        ['encode_hex of a list', () => binary.encode_hex(list(1) as never), 'binary:encode_hex([1])'],
        ['first of an empty binary', () => binary.first(Buffer.alloc(0)), 'binary:first(<<>>)'],
      ];
      agree(cases.map(([label, run, erl]) => ({ label, run, erl })));
    });
  });

  describe('without erl', () => {
    it('returns parts that share the subject’s memory, as sub-binaries do', () => {
      const big = binary.copy(Buffer.from([1]), 1000);
      const p = binary.part(big, 0, 10);
      expect(binary.referenced_byte_size(p)).to.equal(1000);
      expect(p.buffer).to.equal(big.buffer);
    });

    it('accepts any Uint8Array and answers with Buffers', () => {
      const u = new Uint8Array([97, 44, 98]);
      const parts = binary.split(u, new Uint8Array([44]));
      expect(parts).to.deep.equal(list(Buffer.from('a'), Buffer.from('b')));
      expect(Buffer.isBuffer(parts[0])).to.equal(true);
    });

    it('names the bad argument in its errors', () => {
      expect(() => binary.at(Buffer.from('abc'), 3)).to.throw(
        /binary:at\/2: Pos is not a position in 3 bytes: 3/,
      );
      expect(() => binary.match(Buffer.from('abc'), Buffer.alloc(0))).to.throw(
        /binary:match\/2: a pattern is not a non-empty binary/,
      );
    });
  });
});
