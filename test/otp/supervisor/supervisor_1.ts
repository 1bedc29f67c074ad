/** supervisor_1.erl: simulates the behaviour a child process may have (supervisor_SUITE's helper). */
import { ErlangError, get, put, process_flag, timer, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as supervisor_1 from './supervisor_1.js';

export const MODULE = 'supervisor_1';

export async function start_child(...args: unknown[]): Promise<unknown> {
  if (args.length === 0) return gen_server.start_link(supervisor_1, 'normal', []);
  const [arg] = args;
  if (arg === 'ignore') {
    if (get('child_ignored') === true) return start_child();
    put('child_ignored', true);
    return 'ignore';
  }
  if (arg === 'error') {
    if (get('start_child_error') === 'undefined') {
      put('start_child_error', 'set');
      return start_child();
    }
    return gen_server.start_link(supervisor_1, 'error', []);
  }
  if (Array.isArray(arg) && arg.length === 2 && arg[0] === 'return') return arg[1];
  const [, pid] = (await gen_server.start_link(supervisor_1, 'normal', [])) as ['ok', Pid];
  return ['ok', pid, arg];
}

export function init(arg: 'normal'): ['ok', []] {
  if (arg !== 'normal') throw new ErlangError('function_clause', 'supervisor_1:init/1: no clause matches');
  process_flag('trap_exit', true);
  return ['ok', []];
}

export function handle_call(req: unknown, _from: unknown, state: unknown): unknown[] {
  return ['reply', req, state];
}

export async function handle_info(info: unknown, state: unknown): Promise<unknown[]> {
  if (info === 'die') return ['stop', 'died', state];
  if (info === 'stop') return ['stop', 'normal', state];
  if (Array.isArray(info) && info[0] === 'EXIT' && info[2] === 'shutdown') return ['stop', 'shutdown', state];
  if (Array.isArray(info) && info[0] === 'EXIT' && Array.isArray(info[2]) && info[2][0] === 'shutdown')
    return ['stop', info[2], state];
  if (Array.isArray(info) && info[0] === 'sleep') {
    await timer.sleep(info[1] as number);
    return handle_info(info, state);
  }
  return ['noreply', state];
}

export function terminate(): 'ok' {
  return 'ok';
}
