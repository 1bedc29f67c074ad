/**
 * Erlang timers: erlang:send_after/3, start_timer/3, cancel_timer/1,
 * read_timer/1, and the `timer` module's sleep, send_after, send_interval,
 * cancel and tc. All go through the injected clock.
 *
 * A timer aimed at a pid is cancelled when that process exits (as in
 * Erlang), so a dead process leaves nothing keeping Node alive.
 */
import { getClock, type TimerHandle } from './clock.js';
import { badarg, describe } from './errors.js';
import {
  type Process,
  Status,
  deliver,
  installTimerHook,
  liveSelf,
  processNamed,
  processOf,
  self,
} from './process.js';
import { after } from './clauses.js';
import { receive } from './receive.js';
import { Pid, Ref } from './terms.js';

interface Timer {
  handle: TimerHandle;
  due: number;
  /** The pid's process, or the name to look up when it fires. */
  target: Process | string;
  msg: unknown;
  /** Re-arm period for send_interval, else 0. */
  interval: number;
}

const timers = new Map<Ref, Timer>();

/** Erlang's largest timer time, 2^32 - 1 ms (the clock waits in steps beyond Node's limit). */
const maxTime = 0xffff_ffff;

function fire(ref: Ref): void {
  const timer = timers.get(ref);
  if (timer === undefined) return;
  let target: Process | null;
  if (typeof timer.target === 'string') target = processNamed(timer.target);
  else target = timer.target.status === Status.Exited ? null : timer.target;
  if (timer.interval > 0 && target !== null) {
    timer.due += timer.interval;
    timer.handle = getClock().setTimer(timer.interval, () => fire(ref));
  } else {
    timers.delete(ref);
    if (typeof timer.target !== 'string') timer.target.timers?.delete(ref);
  }
  if (target !== null) deliver(target, timer.msg);
}

function arm(fn: string, ms: unknown, dest: unknown, msg: (ref: Ref) => unknown, interval = 0): Ref {
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > maxTime) {
    badarg(fn, `the time must be an integer from 0 to ${maxTime} milliseconds, got ${describe(ms)}`);
  }
  let target: Process | string;
  if (dest instanceof Pid) {
    const proc = processOf(dest);
    const ref = new Ref();
    if (proc === null) return ref; // A timer for a dead pid is at once cancelled.
    target = proc;
  } else if (typeof dest === 'string') {
    target = dest;
  } else {
    return badarg(fn, `the destination must be a pid or an atom, got ${describe(dest)}`);
  }
  liveSelf();
  const ref = new Ref();
  const clock = getClock();
  const timer: Timer = {
    handle: clock.setTimer(ms, () => fire(ref)),
    due: clock.now() + ms,
    target,
    msg: msg(ref),
    interval,
  };
  timers.set(ref, timer);
  if (typeof target !== 'string') (target.timers ??= new Set()).add(ref);
  return ref;
}

function remainingOf(timer: Timer): number {
  return Math.max(0, Math.round(timer.due - getClock().now()));
}

/**
 * Sends `msg` to `dest` after `ms` milliseconds, as erlang:send_after/3.
 * @param ms - 0..2^32-1
 * @param dest - a pid, or a registered name looked up when the timer fires
 * @returns the timer's reference
 * @example
 * // erlang:send_after(1000, self(), tick)
 * send_after(1000, self(), 'tick')
 * @see https://www.erlang.org/doc/man/erlang.html#send_after-3
 */
export function send_after(ms: number, dest: Pid | string, msg: unknown): Ref {
  return arm('erlang:send_after/3', ms, dest, () => msg);
}

/**
 * Sends `['timeout', Ref, msg]` to `dest` after `ms`, as erlang:start_timer/3.
 * @returns the timer's reference, the `Ref` of the message
 * @example
 * // Ref = erlang:start_timer(100, self(), poll)
 * const ref = start_timer(100, self(), 'poll')
 * @see https://www.erlang.org/doc/man/erlang.html#start_timer-3
 */
export function start_timer(ms: number, dest: Pid | string, msg: unknown): Ref {
  return arm('erlang:start_timer/3', ms, dest, (ref) => ['timeout', ref, msg]);
}

function takeTimer(fn: string, ref: unknown): Timer | undefined {
  if (!(ref instanceof Ref)) badarg(fn, `expected a timer reference, got ${describe(ref)}`);
  return timers.get(ref);
}

/**
 * Cancels a timer, as erlang:cancel_timer/1.
 * @returns the milliseconds that were left, or `false` if it had fired or never existed
 * @see https://www.erlang.org/doc/man/erlang.html#cancel_timer-1
 */
export function cancel_timer(ref: Ref): number | false {
  const timer = takeTimer('erlang:cancel_timer/1', ref);
  if (timer === undefined) return false;
  cancelTimer(ref);
  return remainingOf(timer);
}

/**
 * The milliseconds left on a timer, as erlang:read_timer/1.
 * @returns milliseconds, or `false`
 */
export function read_timer(ref: Ref): number | false {
  const timer = takeTimer('erlang:read_timer/1', ref);
  return timer === undefined ? false : remainingOf(timer);
}

function cancelTimer(ref: Ref): void {
  const timer = timers.get(ref);
  if (timer === undefined) return;
  timers.delete(ref);
  getClock().clearTimer(timer.handle);
  if (typeof timer.target !== 'string') timer.target.timers?.delete(ref);
}

installTimerHook(cancelTimer);

/**
 * Suspends the caller for `ms` milliseconds, as timer:sleep/1; messages stay queued.
 * @returns `'ok'`
 * @example
 * // timer:sleep(100)
 * await timer.sleep(100)
 */
export async function sleep(ms: number): Promise<'ok'> {
  return receive(after(ms, () => 'ok' as const));
}

/** A timer-module reference: `['interval' | 'once', Ref]`. */
export type TRef = ['once' | 'interval', Ref];

function timerDest(fn: string, dest: unknown): Pid | string {
  if (dest instanceof Pid || typeof dest === 'string') return dest;
  return badarg(fn, `the destination must be a pid or an atom, got ${describe(dest)}`);
}

/**
 * timer:send_after/2,3: sends `msg` to `dest` (default self) after `ms`.
 * @returns `['ok', TRef]`
 */
export function timer_send_after(
  ms: number,
  ...rest: [msg: unknown] | [dest: Pid | string, msg: unknown]
): ['ok', TRef] {
  const [dest, message] = rest.length === 1 ? [self().pid, rest[0]] : rest;
  const ref = arm('timer:send_after/3', ms, timerDest('timer:send_after/3', dest), () => message);
  return ['ok', ['once', ref]];
}

/**
 * timer:send_interval/2,3: sends `msg` to `dest` (default self) every `ms`
 * until cancelled or `dest`'s process exits.
 * @returns `['ok', TRef]`
 */
export function send_interval(
  ms: number,
  ...rest: [msg: unknown] | [dest: Pid | string, msg: unknown]
): ['ok', TRef] {
  const [dest, message] = rest.length === 1 ? [self().pid, rest[0]] : rest;
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms <= 0) {
    badarg('timer:send_interval/3', `the interval must be a positive integer, got ${describe(ms)}`);
  }
  const ref = arm('timer:send_interval/3', ms, timerDest('timer:send_interval/3', dest), () => message, ms);
  return ['ok', ['interval', ref]];
}

/**
 * timer:cancel/1.
 * @returns `['ok', 'cancel']`, or `['error', 'badarg']` for something that is not a TRef
 */
export function cancel(tref: unknown): ['ok', 'cancel'] | ['error', 'badarg'] {
  if (!Array.isArray(tref) || tref.length !== 2 || !(tref[1] instanceof Ref)) return ['error', 'badarg'];
  cancelTimer(tref[1]);
  return ['ok', 'cancel'];
}

/**
 * timer:tc/1,2: runs `fn(...args)` and measures it.
 * @returns `[Microseconds, Value]`
 */
export async function tc<R>(fn: (...args: never[]) => R, ...args: unknown[]): Promise<[number, Awaited<R>]> {
  const start = performance.now();
  const value = await (fn as (...a: unknown[]) => R)(...args);
  return [Math.round((performance.now() - start) * 1000), value];
}
