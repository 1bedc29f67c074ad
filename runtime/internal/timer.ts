/**
 * The `timer` module: sleep, send_after, send_interval, cancel and tc, on the runtime's timers
 * (timers.ts) and its one clock.
 */
import { getClock } from './clock.js';
import { badarg, describe } from './errors.js';
import { self } from './process.js';
import { after } from './clauses.js';
import { receive } from './receive.js';
import { armTimer, cancelTimer } from './timers.js';
import { Pid, Ref } from './terms.js';

/**
 * Suspends the caller for `ms` milliseconds, as timer:sleep/1; messages stay queued.
 * @param ms - milliseconds
 * @returns `'ok'`
 * @example
 * // timer:sleep(100)
 * await timer.sleep(100)
 * @see https://www.erlang.org/doc/man/timer.html#sleep-1
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
 * @example
 * // {ok, TRef} = timer:send_after(1000, self(), tick)
 * const [, TRef] = timer.send_after(1000, self(), 'tick')
 * @see https://www.erlang.org/doc/man/timer.html#send_after-3
 */
export function send_after(
  ms: number,
  ...rest: [msg: unknown] | [dest: Pid | string, msg: unknown]
): ['ok', TRef] {
  const [dest, message] = rest.length === 1 ? [self().pid, rest[0]] : rest;
  const ref = armTimer('timer:send_after/3', ms, timerDest('timer:send_after/3', dest), () => message);
  return ['ok', ['once', ref]];
}

/**
 * timer:send_interval/2,3: sends `msg` to `dest` (default self) every `ms` until cancelled or
 * `dest`'s process exits.
 * @returns `['ok', TRef]`
 * @example
 * // {ok, TRef} = timer:send_interval(1000, tick)
 * const [, TRef] = timer.send_interval(1000, 'tick')
 * @see https://www.erlang.org/doc/man/timer.html#send_interval-3
 */
export function send_interval(
  ms: number,
  ...rest: [msg: unknown] | [dest: Pid | string, msg: unknown]
): ['ok', TRef] {
  const [dest, message] = rest.length === 1 ? [self().pid, rest[0]] : rest;
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms <= 0) {
    badarg('timer:send_interval/3', `the interval must be a positive integer, got ${describe(ms)}`);
  }
  const to = timerDest('timer:send_interval/3', dest);
  const ref = armTimer('timer:send_interval/3', ms, to, () => message, ms);
  return ['ok', ['interval', ref]];
}

/**
 * timer:cancel/1.
 * @returns `['ok', 'cancel']`, or `['error', 'badarg']` for something that is not a TRef
 * @example
 * // {ok, cancel} = timer:cancel(TRef)
 * timer.cancel(TRef)
 * @see https://www.erlang.org/doc/man/timer.html#cancel-1
 */
export function cancel(tref: unknown): ['ok', 'cancel'] | ['error', 'badarg'] {
  if (!Array.isArray(tref) || tref.length !== 2 || !(tref[1] instanceof Ref)) return ['error', 'badarg'];
  cancelTimer(tref[1]);
  return ['ok', 'cancel'];
}

/**
 * timer:tc/1,2: runs `fn(...args)` and measures it on the runtime's clock.
 * @returns `[Microseconds, Value]`
 * @example
 * // {Time, Value} = timer:tc(fun() -> lists:seq(1, 1000) end)
 * const [Time, Value] = await timer.tc(() => seq(1, 1000))
 * @see https://www.erlang.org/doc/man/timer.html#tc-1
 */
export async function tc<R>(fn: (...args: never[]) => R, ...args: unknown[]): Promise<[number, Awaited<R>]> {
  const clock = getClock();
  const start = clock.now();
  const value = await (fn as (...a: unknown[]) => R)(...args);
  return [Math.round((clock.now() - start) * 1000), value];
}
