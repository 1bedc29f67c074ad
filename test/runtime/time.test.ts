// erlang:monotonic_time/0,1 and system_time/0,1 on the real clock (test/sim has them on virtual
// time), and rand:uniform/0,1 outside a simulation.
import { expect } from 'chai';
import { ErlangError, monotonic_time, rand, system_time, timer } from 'erlts';

describe('erlang:monotonic_time and system_time', () => {
  it('count in the unit asked for, native being the nanosecond', async () => {
    const ms0 = monotonic_time('millisecond') as number;
    const ns0 = monotonic_time() as number;
    await timer.sleep(20);
    const ms1 = monotonic_time('millisecond') as number;
    const us1 = monotonic_time('microsecond') as number;
    const ms2 = monotonic_time('millisecond') as number;
    expect(ms1 - ms0).to.be.within(19, 1000);
    expect(Number.isInteger(us1)).to.equal(true);
    // Read between ms1 and ms2: a millisecond may turn between the calls.
    expect(us1 / 1000).to.be.within(ms1, ms2 + 1);
    expect(monotonic_time(1000)).to.be.a('number');
    expect(ns0).to.be.a('number');
  });

  it('gives system time since 1970, as a bigint where it passes 2^53', () => {
    const s = system_time('second') as number;
    expect(Math.abs(s - Date.now() / 1000)).to.be.below(2);
    const ns = system_time();
    expect(typeof ns).to.equal('bigint');
    expect(Number((ns as bigint) / 1_000_000_000n)).to.be.within(s - 1, s + 1);
  });

  it('refuses what is no time unit with badarg, naming it', () => {
    for (const bad of ['minute', 0, -1, 1.5, null]) {
      expect(() => monotonic_time(bad as never)).to.throw(
        ErlangError,
        /monotonic_time\/1: expected a time unit/,
      );
      expect(() => system_time(bad as never)).to.throw(ErlangError, /system_time\/1: expected a time unit/);
    }
  });
});

describe('rand:uniform', () => {
  it('draws a float in [0, 1) and an integer from 1 to N', () => {
    for (let i = 0; i < 200; i++) {
      const x = rand.uniform();
      expect(x).to.be.at.least(0).and.below(1);
      expect(rand.uniform(3)).to.be.oneOf([1, 2, 3]);
    }
  });

  it('refuses N that is no positive integer with badarg', () => {
    for (const bad of [0, -2, 1.5, 'six']) {
      expect(() => rand.uniform(bad as never)).to.throw(
        ErlangError,
        /rand:uniform\/1: expected a positive integer/,
      );
    }
  });
});
