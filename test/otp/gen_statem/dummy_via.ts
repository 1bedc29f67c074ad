/**
 * The suite's dummy_via: a registry a `{via, dummy_via, Name}` name goes through (a port of
 * OTP's lib/stdlib/test/dummy_via.erl, a table instead of a process).
 */
import { send as bifSend, type Pid, is_process_alive, exit } from 'erlts';

export const MODULE = 'dummy_via';

let names: [unknown, Pid][] = [];

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function reset(): 'ok' {
  names = [];
  return 'ok';
}

export function register_name(name: unknown, pid: Pid): 'yes' | 'no' {
  names = names.filter(([, p]) => is_process_alive(p));
  if (names.some(([n]) => same(n, name))) return 'no';
  names.push([name, pid]);
  return 'yes';
}

export function unregister_name(name: unknown): 'ok' {
  names = names.filter(([n]) => !same(n, name));
  return 'ok';
}

export function whereis_name(name: unknown): Pid | 'undefined' {
  const e = names.find(([n, p]) => same(n, name) && is_process_alive(p));
  return e === undefined ? 'undefined' : e[1];
}

export function send(name: unknown, msg: unknown): Pid {
  const pid = whereis_name(name);
  if (pid === 'undefined') return exit(['badarg', [name, msg]]);
  bifSend(pid, msg);
  return pid;
}
