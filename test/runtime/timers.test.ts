/**
 * The runtime's timers: send_after, start_timer, cancel_timer, read_timer and the timer module.
 * Most cases run on virtual time (erlts/sim), where each time is exact; send_after's first case
 * and the 2^31 ms case stay on the real clock, whose path they cover.
 */
import { expect } from 'chai';
import {
  ErlangError,
  _,
  after,
  cancel_timer,
  exit,
  is_integer,
  monotonic_time,
  on,
  read_timer,
  receive,
  register,
  run,
  self,
  send,
  send_after,
  spawn,
  start_timer,
  timer,
  type Ref,
} from 'erlts';
import { simulate } from 'erlts/sim';

/** The virtual clock's reading inside a simulation, in ms. */
const nowMs = () => Number(monotonic_time('millisecond'));

describe('timers', () => {
  it('send_after delivers the message after the time', async () => {
    const started = performance.now();
    const got = await run(async () => {
      send_after(30, self(), 'tick');
      return receive(
        on('tick'),
        after(1000, () => 'timeout'),
      );
    });
    expect(got).to.equal('tick');
    expect(performance.now() - started).to.be.at.least(25);
  });

  it('start_timer delivers [timeout, Ref, Msg] with its own ref', async () => {
    const r = await simulate({ seed: 1 }, async () => {
      const ref = start_timer(5, self(), 'poll');
      const msg = await receive(on(['timeout', ref, _]), after(1000));
      return (msg as unknown[])[1] === ref && (msg as unknown[])[2] === 'poll';
    });
    expect(r.result).to.equal(true);
    expect(r.virtualMs).to.equal(5);
  });

  it('cancel_timer gives the time left before firing and false after', async () => {
    const r = await simulate({ seed: 1 }, async () => {
      const ref = send_after(1000, self(), 'never');
      const left = cancel_timer(ref);
      const again = cancel_timer(ref);
      const fired = send_after(1, self(), 'fired');
      await receive(on('fired'), after(500));
      const late = cancel_timer(fired);
      const quiet = await receive(
        on('never'),
        after(20, () => 'not delivered'),
      );
      return [is_integer(left) && left, again, late, quiet];
    });
    // No time passed between arming and cancelling: all of it is left.
    expect(r.result).to.deep.equal([1000, false, false, 'not delivered']);
    expect(r.virtualMs).to.equal(1 + 20);
  });

  it('read_timer reads what is left without cancelling', async () => {
    const r = await simulate({ seed: 1 }, async () => {
      const ref = send_after(40, self(), 'later');
      const left = read_timer(ref);
      await receive(after(15));
      const leftLater = read_timer(ref);
      const msg = await receive(on('later'), after(500));
      return [left, leftLater, msg, nowMs(), read_timer(ref)];
    });
    expect(r.result).to.deep.equal([40, 25, 'later', 40, false]);
  });

  it('a timer to a registered name looks the name up when it fires', async () => {
    const r = await simulate({ seed: 1 }, async () => {
      send_after(10, 'late_registered', 'hello');
      register('late_registered', self());
      return receive(on('hello'), after(500));
    });
    expect(r.result).to.equal('hello');
    expect(r.virtualMs).to.equal(10);
  });

  it('a timer aimed at a process is cancelled when that process exits', async () => {
    const target = spawn(async () => {
      await receive(after(2000));
    });
    const ref = send_after(10_000, target, 'x');
    expect(read_timer(ref)).to.be.a('number');
    exit(target, 'kill');
    expect(read_timer(ref)).to.equal(false);
  });

  it('raises badarg for a negative or fractional time and a bad destination', () => {
    expect(() => send_after(-1, self(), 'x')).to.throw(ErlangError, /time must be an integer/);
    expect(() => send_after(1.5, self(), 'x')).to.throw(ErlangError, /time must be an integer/);
    expect(() => send_after(1, 12 as never, 'x')).to.throw(
      ErlangError,
      /destination must be a pid or an atom/,
    );
    expect(() => cancel_timer('r' as unknown as Ref)).to.throw(ErlangError, /expected a timer reference/);
  });

  it('timer.sleep waits and leaves messages queued', async () => {
    const r = await simulate({ seed: 1 }, async () => {
      send(self(), 'kept');
      const started = nowMs();
      const ok = await timer.sleep(20);
      return [ok, nowMs() - started, await receive(on(_), after(0))];
    });
    expect(r.result).to.deep.equal(['ok', 20, 'kept']);
  });

  it('timer.send_interval repeats until timer.cancel', async () => {
    const r = await simulate({ seed: 1 }, async () => {
      const [ok, tref] = timer.send_interval(5, 'beat');
      const beats: unknown[] = [];
      const at: number[] = [];
      for (let i = 0; i < 3; i++) {
        beats.push(await receive(on('beat'), after(500)));
        at.push(nowMs());
      }
      const cancelled = timer.cancel(tref);
      await receive(after(20));
      let extra = 0;
      while (
        (await receive(
          on('beat'),
          after(0, () => null),
        )) !== null
      )
        extra++;
      return [ok, beats, at, cancelled, extra];
    });
    // A beat every 5 ms; cancelled at the third, none comes after it.
    expect(r.result).to.deep.equal(['ok', ['beat', 'beat', 'beat'], [5, 10, 15], ['ok', 'cancel'], 0]);
    expect(r.virtualMs).to.equal(15 + 20);
  });

  it('timer.send_after defaults the destination to the caller', async () => {
    const r = await simulate({ seed: 1 }, async () => {
      const [ok] = timer.send_after(5, 'ding');
      return [ok, await receive(on('ding'), after(500))];
    });
    expect(r.result).to.deep.equal(['ok', 'ding']);
    expect(r.virtualMs).to.equal(5);
  });

  it('timer.tc measures microseconds and gives the value', async () => {
    const r = await simulate({ seed: 1 }, () =>
      timer.tc(async () => {
        await timer.sleep(10);
        return 7;
      }),
    );
    const [micros, value] = r.result;
    expect(value).to.equal(7);
    expect(micros).to.equal(10_000);
  });

  it('holds times beyond the 2^31 ms that setTimeout can, instead of firing at once', async () => {
    const got = await run(async () => {
      const ref = send_after(3_000_000_000, self(), 'far');
      const early = await receive(
        on('far'),
        after(20, () => 'not yet'),
      );
      const left = read_timer(ref);
      cancel_timer(ref);
      send_after(20, self(), 'near');
      const longAfter = await receive(
        on('near'),
        after(3_000_000_000, () => 'fired at once'),
      );
      return [early, typeof left === 'number' && left > 2_999_000_000, longAfter];
    });
    expect(got).to.deep.equal(['not yet', true, 'near']);
  });
});
