/**
 * supervisor_deadlock.erl: a child whose init fails slowly once `fail_start` is set (supervisor_SUITE's
 * helper). The ets table `supervisor_deadlock` is a module-level object here, and the 2000 ms
 * sleep is scaled to `failDelay` so the cases stay fast.
 */
import { timer } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as supervisor_deadlock from './supervisor_deadlock.js';

export const MODULE = 'supervisor_deadlock';

/** ets:insert(supervisor_deadlock, {fail_start, Bool}) */
export const table = { fail_start: false };
/** The init's delay before it fails (2000 ms in OTP's module). */
export const failDelay = 200;

export async function init(_: unknown): Promise<unknown[]> {
  if (!table.fail_start) return ['ok', []];
  await timer.sleep(failDelay);
  return ['stop', 'error'];
}
export function handle_call(_Req: unknown, _From: unknown, State: unknown): unknown[] {
  return ['reply', 'ok', State];
}
export function handle_cast(_restart: unknown, State: unknown): unknown[] {
  return ['stop', 'error', State];
}
export function handle_info(_Msg: unknown, State: unknown): unknown[] {
  return ['noreply', State];
}
export function terminate(): 'ok' {
  return 'ok';
}
export function start_child(): Promise<unknown> {
  return gen_server.start_link(['local', 'supervisor_deadlock'], supervisor_deadlock, ['child'], []);
}
export function start_child_noreg(): Promise<unknown> {
  return gen_server.start_link(supervisor_deadlock, ['child'], []);
}
export function restart_child(...pid: unknown[]): 'ok' {
  return gen_server.cast((pid[0] ?? 'supervisor_deadlock') as never, 'restart');
}
