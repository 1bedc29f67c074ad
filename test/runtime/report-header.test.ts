import { expect } from 'chai';
import fc from 'fast-check';
import { logger, run } from 'erlts';
import { erlangAvailable, evalInErlang, noErlang } from '../support/erlang.js';

/** The header line the default handler writes for an event at `time` (and `timestamp`). */
function header(time: Date, timestamp?: number): string {
  const write = process.stderr.write.bind(process.stderr);
  let text = '';
  process.stderr.write = (chunk: string | Uint8Array) => {
    text += chunk.toString();
    return true;
  };
  try {
    const meta = timestamp === undefined ? { pid: null, time } : { pid: null, time, timestamp };
    logger.default_handler({ level: 'error', text: 'x\n', meta });
  } finally {
    process.stderr.write = write;
  }
  return text.slice(0, text.indexOf('\n'));
}

describe('crash report headers', () => {
  it('leave the day of the month unpadded and print the microseconds of the timestamp', () => {
    const timestamp = new Date(2026, 11, 2, 7, 2, 3, 5).getTime() * 1000 + 165;
    expect(header(new Date(timestamp / 1000), timestamp)).to.equal(
      '=ERROR REPORT==== 2-Dec-2026::07:02:03.005165 ===',
    );
    expect(header(new Date(2026, 11, 2, 7, 2, 3, 5))).to.equal(
      '=ERROR REPORT==== 2-Dec-2026::07:02:03.005000 ===',
    );
  });

  it("match OTP 25's logger_formatter (legacy_header) for any timestamp", function () {
    if (!erlangAvailable()) {
      console.log(`    ${noErlang}`);
      return this.skip();
    }
    // From 1970 to 2100, in microseconds; local time on both sides.
    const stamps = fc.sample(fc.integer({ min: 0, max: 4102444800 * 1e6 }), { numRuns: 100, seed: 25 });
    const otp = evalInErlang(
      stamps.map(
        (t) =>
          'begin S = logger_formatter:format(#{level => error, msg => {string, "x"}, ' +
          `meta => #{time => ${t}}}, #{legacy_header => true, single_line => false}), ` +
          'list_to_binary(hd(string:split(S, "\\n"))) end',
      ),
    );
    stamps.forEach((t, i) => {
      const r = otp[i];
      if (r?.ok !== true) throw new Error(`erl failed on ${t}: ${JSON.stringify(r)}`);
      expect(header(new Date(Math.floor(t / 1000)), t), `timestamp ${t}`).to.equal(
        (r.value as Buffer).toString(),
      );
    });
  });

  it('come with a timestamp on crash reports, the same instant as their time', async () => {
    const events: logger.LogEvent[] = [];
    logger.remove_handler('default');
    logger.add_handler('capture', (e) => events.push(e));
    try {
      await run(async () => {
        throw new Error('boom');
      }).catch(() => undefined);
    } finally {
      logger.remove_handler('capture');
      logger.add_handler('default', logger.default_handler);
    }
    const meta = events[0]?.meta;
    expect(Number.isInteger(meta?.timestamp)).to.equal(true);
    expect(Math.floor((meta?.timestamp ?? 0) / 1000)).to.equal(meta?.time.getTime());
    expect(Math.abs((meta?.timestamp ?? 0) / 1000 - Date.now())).to.be.below(5000);
  });
});
