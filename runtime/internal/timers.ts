/**
 * Erlang timers: the machinery behind erlang:send_after/3, start_timer/3, cancel_timer/1,
 * read_timer/1 and the `timer` module. Every timer runs on the one clock (clock.ts).
 *
 * A timer aimed at a pid is owned by that process (as in Erlang, it is cancelled when the
 * process exits), so a dead process leaves nothing keeping Node alive. A timer aimed at a name
 * belongs to nobody and looks the name up when it fires.
 */
import { getClock, type TimerHandle } from './clock.js';
import { badarg, describe } from './errors.js';
import { type OwnedResource, type Process, liveSelf, processNamed, processOf } from './process.js';
import { Pid, Ref } from './terms.js';

class Timer implements OwnedResource {
  handle: TimerHandle = null;
  due = 0;

  constructor(
    readonly ref: Ref,
    /** The pid's process, the name to look up when it fires, or a pid of another node. */
    readonly target: Process | string | Pid,
    readonly msg: unknown,
    /** Re-arm period for send_interval, else 0. */
    readonly interval: number,
  ) {}

  arm(ms: number): void {
    const clock = getClock();
    this.due = clock.now() + ms;
    this.handle = clock.setTimer(ms, () => this.fire());
  }

  fire(): void {
    if (timers.get(this.ref) !== this) return;
    if (this.target instanceof Pid) {
      // A pid of another node: the distribution takes the message (or drops it, as OTP would).
      if (this.interval > 0) this.arm(this.interval);
      else this.#forget();
      try {
        this.target.send(this.msg);
      } catch {
        // A message that is no Erlang term cannot leave this node: dropped, as a timer's send
        // has nobody to raise badarg in.
      }
      return;
    }
    const target = typeof this.target === 'string' ? processNamed(this.target) : this.target;
    const live = target !== null && target.alive ? target : null;
    if (this.interval > 0 && live !== null) this.arm(this.interval);
    else this.#forget();
    live?.offer(this.msg);
  }

  /** The process it was aimed at died: the timer goes with it. */
  ownerExited(): void {
    this.cancel();
  }

  cancel(): void {
    if (timers.get(this.ref) !== this) return;
    getClock().clearTimer(this.handle);
    this.#forget();
  }

  #forget(): void {
    timers.delete(this.ref);
    if (typeof this.target !== 'string' && !(this.target instanceof Pid)) this.target.disown(this);
  }

  get remaining(): number {
    return Math.max(0, Math.round(this.due - getClock().now()));
  }
}

const timers = new Map<Ref, Timer>();

/** Erlang's largest timer time, 2^32 - 1 ms (the clock waits in steps beyond Node's limit). */
const maxTime = 0xffff_ffff;

/**
 * Arms a timer sending `msg(ref)` to `dest` after `ms`, and every `interval` ms after that when
 * `interval` is not 0.
 * @param fn - the Erlang function, for badarg messages
 * @returns the timer's reference (a timer for a dead pid is cancelled at once)
 */
export function armTimer(
  fn: string,
  ms: unknown,
  dest: unknown,
  msg: (ref: Ref) => unknown,
  interval = 0,
): Ref {
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > maxTime) {
    badarg(fn, `the time must be an integer from 0 to ${maxTime} milliseconds, got ${describe(ms)}`);
  }
  let target: Process | string | Pid;
  if (dest instanceof Pid && dest._node !== null) {
    target = dest;
  } else if (dest instanceof Pid) {
    const proc = processOf(dest);
    if (proc === null) return new Ref(); // A timer for a dead pid is at once cancelled.
    target = proc;
  } else if (typeof dest === 'string') {
    target = dest;
  } else {
    return badarg(fn, `the destination must be a pid or an atom, got ${describe(dest)}`);
  }
  liveSelf();
  const ref = new Ref();
  const timer = new Timer(ref, target, msg(ref), interval);
  timers.set(ref, timer);
  if (typeof target !== 'string' && !(target instanceof Pid)) target.own(timer);
  timer.arm(ms);
  return ref;
}

/**
 * Cancels a timer.
 * @returns the milliseconds that were left, or `false` if it had fired or never existed
 */
export function cancelTimer(ref: Ref): number | false {
  const timer = timers.get(ref);
  if (timer === undefined) return false;
  timer.cancel();
  return timer.remaining;
}

/** The milliseconds left on a timer, or `false`. */
export function readTimer(ref: Ref): number | false {
  return timers.get(ref)?.remaining ?? false;
}

/**
 * The timers aimed at `pid` that have not fired, oldest first: what a test plugin cancels when
 * a test leaves them armed at the shell.
 */
export function timersAimedAt(pid: Pid): Ref[] {
  const refs: Ref[] = [];
  for (const [ref, timer] of timers) {
    const target = timer.target;
    if (typeof target !== 'string' && !(target instanceof Pid) && target.pid === pid) refs.push(ref);
  }
  return refs;
}
