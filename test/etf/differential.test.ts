/**
 * erlts's external term format against OTP 25's, byte for byte, on terms fast-check makes: erl
 * builds each term from the Erlang text erlts prints (never from erlts's bytes) and says what
 * its term_to_binary writes; erlts must write the same bytes, read erl's bytes back to the same
 * term and write them again unchanged, and erl must read erlts's bytes to its own term.
 *
 * The seed is printed; ETF_SEED=<n> replays a run, ETF_TERMS=<n> changes how many terms.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { binary_to_term, io_lib, term_to_binary, type TermToBinaryOption } from 'erlts';
import { termEquals } from '../../runtime/internal/terms.js';
import { noErlang } from '../support/erlang.js';
import { hasLargeMap, termArbitrary } from './arbitraries.js';
import { Oracle, erlAvailable, type EvalAnswer } from './oracle.js';

const terms = Number(process.env.ETF_TERMS ?? 5000);
const seed = Number(process.env.ETF_SEED ?? Date.now() % 2 ** 31);
const batchSize = 500;

/** Fails naming the first byte where `mine` and `otp` differ, and the bytes around it. */
function sameBytes(mine: Buffer, otp: Buffer, where: () => string, what: string): void {
  if (mine.equals(otp)) return;
  let i = 0;
  while (i < mine.length && mine[i] === otp[i]) i++;
  const around = (b: Buffer): string =>
    `${[...b.subarray(Math.max(0, i - 24), i)].join(',')} | ${[...b.subarray(i, i + 24)].join(',')}`;
  expect.fail(
    `${what} ${where()}: byte ${i} of ${mine.length} (OTP's ${otp.length}) differs\n  erlts: ${around(mine)}\n  OTP:   ${around(otp)}`,
  );
}

/** The options each term is written with, by erl and by erlts. */
const optionSets: readonly (readonly TermToBinaryOption[])[] = [
  [],
  [['minor_version', 0]],
  [['minor_version', 2]],
  ['deterministic'],
  ['compressed'],
  [
    ['compressed', 9],
    ['minor_version', 2],
  ],
];

describe('term_to_binary and binary_to_term against erl (differential)', function () {
  let sample: unknown[] = [];
  /** erlts's bytes of each term, per option set. */
  let ours: Buffer[][] = [];
  /** erl's answers for each term, per option set. */
  const answers: EvalAnswer[][] = [];

  before(async function () {
    this.timeout(180_000); // 5,000 terms through erl, on a loaded 2-core machine
    if (!erlAvailable()) {
      console.log(`      ${noErlang}`);
      this.skip();
    }
    const oracle = await Oracle.start();
    try {
      sample = fc.sample(termArbitrary(oracle.pool), { numRuns: terms, seed });
      console.log(`      ${terms} terms, seed ${seed} (ETF_SEED=${seed} replays them)`);
      ours = sample.map((t) => optionSets.map((opts) => term_to_binary(t, opts)));
      for (let at = 0; at < sample.length; at += batchSize) {
        const batch = sample.slice(at, at + batchSize);
        const replies = await oracle.eval(
          batch.map((t, i) => [oracle.text(t), ours[at + i] as Buffer[]]),
          optionSets,
        );
        replies.forEach((r, i) => {
          if (typeof r === 'string')
            throw new Error(`erl could not build ${describeTerm(at + i, batch[i])}: ${r}`);
          answers.push(r);
        });
      }
    } finally {
      await oracle.stop();
    }
  });

  function describeTerm(i: number, t: unknown): string {
    return `term ${i} (seed ${seed}): ${io_lib.format('~w', [t]).slice(0, 300)}`;
  }

  /** Checks every term of the sample with the options of optionSets[set]. */
  function compare(set: number, exact: boolean): number {
    const opts = optionSets[set] as readonly TermToBinaryOption[];
    let identical = 0;
    sample.forEach((t, i) => {
      const where = (): string => describeTerm(i, t);
      const a = (answers[i] as EvalAnswer[])[set] as EvalAnswer;
      const mine = (ours[i] as Buffer[])[set] as Buffer;
      if (!a.same) expect.fail(`erl reads erlts's bytes of ${where()} as another term`);
      const otp = hasLargeMap(t) ? a.deterministic : a.bytes;
      if (exact) sameBytes(mine, otp, where, 'erlts writes');
      else if (mine.equals(otp)) identical++;
      // erl's bytes, read by erlts: the same term, written back unchanged.
      const back = binary_to_term(a.bytes);
      if (!termEquals(back, t))
        expect.fail(`erlts reads erl's bytes of ${where()} as ${io_lib.format('~w', [back])}`);
      if (exact) sameBytes(term_to_binary(back, opts), otp, where, 'erlts writes back');
    });
    return identical;
  }

  it("writes every term as erl does, and reads erl's bytes back to it (minor_version 1, the default)", function () {
    compare(0, true);
  });

  it('does the same with minor_version 0 (floats as text)', function () {
    compare(1, true);
  });

  it('does the same with minor_version 2 (UTF-8 atom tags)', function () {
    compare(2, true);
  });

  it('does the same with deterministic, in exact term order for maps of any size', function () {
    compare(3, true);
  });

  it("reads compressed terms both ways (zlib may pick other bytes than OTP's)", function () {
    const identical = compare(4, false) + compare(5, false);
    console.log(`      ${identical} of ${2 * sample.length} compressed terms were byte-identical to OTP's`);
  });
});
