/**
 * The suite's dummy_via (OTP's lib/stdlib/test/dummy_via.erl): a process registry for
 * `{via, dummy_via, Name}` names, a table of names to pids.
 */
import { exit, send, type Pid } from 'erlts';

export const MODULE = 'dummy_via';

let names = new Map<unknown, Pid>();

export function reset(): 'ok' {
  names = new Map();
  return 'ok';
}

export function register_name(name: unknown, pid: Pid): 'yes' | 'no' {
  if (names.has(name)) return 'no';
  names.set(name, pid);
  return 'yes';
}

export function unregister_name(name: unknown): 'ok' {
  names.delete(name);
  return 'ok';
}

export function whereis_name(name: unknown): Pid | 'undefined' {
  return names.get(name) ?? 'undefined';
}

export function send_(name: unknown, msg: unknown): Pid {
  const pid = names.get(name);
  if (pid === undefined) return exit(['badarg', [name, msg]]);
  send(pid, msg);
  return pid;
}
export { send_ as send };
