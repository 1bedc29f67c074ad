/**
 * OTP's lib/stdlib/test/dummy_via.erl, ported: a registry for `{via, dummy_via, Name}`. The
 * original is a process that monitors the pids it holds; gen's via calls are synchronous in
 * erlts, so here it is a table whose entries for dead processes are dropped when looked at.
 */
import { exit, is_process_alive, send as erlangSend, type Pid } from 'erlts';

export const MODULE = 'dummy_via';

const names = new Map<unknown, Pid>();

function live(Name: unknown): Pid | undefined {
  const Pid = names.get(Name);
  if (Pid !== undefined && !is_process_alive(Pid)) {
    names.delete(Name);
    return undefined;
  }
  return Pid;
}

export function reset() {
  names.clear();
  return 'ok';
}

export function register_name(Name: unknown, Pid: Pid) {
  if (live(Name) !== undefined) return 'no';
  names.set(Name, Pid);
  return 'yes';
}

export function unregister_name(Name: unknown) {
  names.delete(Name);
  return 'ok';
}

export function whereis_name(Name: unknown) {
  return live(Name) ?? 'undefined';
}

export function send(Name: unknown, Msg: unknown) {
  const Pid = live(Name);
  if (Pid === undefined) return exit(['badarg', [Name, Msg]]);
  erlangSend(Pid, Msg);
  return Pid;
}
