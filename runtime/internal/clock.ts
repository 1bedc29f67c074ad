/**
 * The one clock every timed thing goes through: `after` clauses, `send_after`, `start_timer`,
 * the `timer` module, and in inet, gen_tcp and socket every timeout (accept, recv, connect,
 * send_timeout, a lookup's), the 5 s flush of a closing socket and MSG_MORE's hold. Tests may
 * install another clock (a simulated one) with `setClock`; no library code calls setTimeout
 * or setInterval itself (test/runtime/clock.test.ts proves it). What does not wait for time
 * is not a timer and stays on Node's event loop: the scheduler's next turn (setImmediate),
 * the poll-phase hop of shutdown(read), delay_send's end of tick.
 */

import { outsideProcesses } from './context.js';
import { simulator } from './sim-hooks.js';

/** A handle to an armed timer, as the clock gives it back. */
export type TimerHandle = unknown;

/**
 * A timer handle that cancels itself, whichever clock is asked to: a simulation's virtual
 * timer, cleared from code that runs outside the simulation (a sender waking a process whose
 * `after` was armed on virtual time).
 */
export abstract class SelfCancellingTimer {
  /** Disarms the timer; a fired one is ignored. */
  abstract cancel(): void;
}

/**
 * What the runtime needs of time: a monotonic reading and one-shot timers. Erlang's clock and
 * timer wheel are the emulator's own; erlts reads them through this interface, so a test can
 * put another clock in their place with {@link setClock}.
 * @example
 * // erlang:send_after(1000, self(), tick)   % arms a timer through setTimer(1000, ...)
 * const fast: Clock = {
 *   now: () => systemClock.now() * 10,
 *   setTimer: (ms, fn) => systemClock.setTimer(ms / 10, fn),
 *   clearTimer: (handle) => systemClock.clearTimer(handle),
 * };
 * @see https://www.erlang.org/doc/apps/erts/time_correction.html
 */
export interface Clock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  /** Calls `fn` after `ms` milliseconds; the timer keeps Node alive. */
  setTimer(ms: number, fn: () => void): TimerHandle;
  /** Disarms a timer made by {@link Clock.setTimer}; a fired one is ignored. */
  clearTimer(handle: TimerHandle): void;
  /** The system time (ms since 1970) when `now()` reads 0; Node's time origin when left out. */
  readonly epoch?: number;
}

/** Node's setTimeout holds at most 2^31 - 1 ms (and fires at once beyond). */
const maxTimeout = 0x7fff_ffff;

/** A long timer: re-armed in steps Node can hold, until its time has come. */
class LongTimer {
  timeout: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly due: number,
    readonly fn: () => void,
  ) {
    this.arm();
  }

  arm(): void {
    const left = this.due - performance.now();
    this.timeout =
      left > maxTimeout ? setTimeout(() => this.arm(), maxTimeout) : setTimeout(this.fn, Math.max(0, left));
  }
}

/**
 * A timer whose Node timer is not made yet. Most timers a process arms are disarmed within the
 * same turn of the event loop: a call's `after 5000` once the reply came, a `receive ... after`
 * once the message it waited for came. So the real clock arms a timer of a millisecond or more
 * at the end of the turn (one setImmediate for all of them), from its due time: one cleared by
 * then never costs a Node timer, one that was not fires when it would have.
 */
class PendingTimer {
  timeout: ReturnType<typeof setTimeout> | LongTimer | null = null;

  constructor(
    readonly due: number,
    /** What to call; dropped when the timer is cleared, so nothing it holds waits for the turn's end. */
    public fn: (() => void) | null,
  ) {}
}

let pending: PendingTimer[] = [];
let armScheduled = false;

function scheduleArming(): void {
  setImmediate(armPending);
}

function armPending(): void {
  armScheduled = false;
  const timers = pending;
  pending = [];
  const now = performance.now();
  for (const t of timers) {
    const fn = t.fn;
    if (fn === null) continue;
    const left = Math.max(0, Math.ceil(t.due - now));
    t.timeout = left <= maxTimeout ? setTimeout(fn, left) : new LongTimer(t.due, fn);
  }
}

/**
 * The real clock: Node's timers and `performance.now()` (milliseconds, with a fraction), as
 * Erlang's monotonic time and timers (armed at the end of the turn: see PendingTimer). The
 * runtime's clock until {@link setClock} installs another.
 * @example
 * // T0 = erlang:monotonic_time(millisecond)
 * const T0 = systemClock.now();
 * @see https://www.erlang.org/doc/man/erlang.html#monotonic_time-1
 */
export const systemClock: Clock = {
  now: () => performance.now(),
  setTimer: (ms, fn) => {
    // A Node timer calls back in the context it was made in (context.ts): made outside any
    // process, whichever process armed it, its callback runs as no process on both paths.
    if (ms < 1) return outsideProcesses(() => setTimeout(fn, ms));
    const timer = new PendingTimer(performance.now() + ms, fn);
    pending.push(timer);
    if (!armScheduled) {
      armScheduled = true;
      outsideProcesses(scheduleArming);
    }
    return timer;
  },
  clearTimer: (handle) => {
    if (handle instanceof PendingTimer) {
      handle.fn = null;
      handle = handle.timeout;
      if (handle === null) return;
    } else if (handle instanceof SelfCancellingTimer) {
      handle.cancel();
      return;
    }
    clearTimeout((handle instanceof LongTimer ? handle.timeout : handle) as ReturnType<typeof setTimeout>);
  },
};

let clock: Clock = systemClock;

/** The clock in force: a simulation's virtual clock for the simulation's code (sim-hooks.ts). */
export function getClock(): Clock {
  if (simulator !== null) return simulator.clockFor() ?? clock;
  return clock;
}

/**
 * Installs `next` as the runtime's clock and returns the previous one. Erlang fixes how its
 * time behaves when the node starts (`erl +C Mode`); erlts lets a test swap the clock instead.
 * Swap it while no timer is armed: a timer is cleared through the clock in force.
 * @param next - the clock every `after`, `send_after`, `start_timer` and `timer` call will use
 * @returns the clock that was in force
 * @example
 * // erl +C multi_time_warp
 * const previous = setClock(fast);
 * try {
 *   await run(scenario);
 * } finally {
 *   setClock(previous);
 * }
 * @see https://www.erlang.org/doc/man/erl.html
 */
export function setClock(next: Clock): Clock {
  const previous = clock;
  clock = next;
  return previous;
}
