// gen_server:enter_loop/3,4,5 from a process started by proc_lib: a server
// that works, a name the process does not hold, a process not started by
// proc_lib, and a timeout given to enter_loop.
import { after, io, on, process_flag, receive, register, self, spawn_link, timer, _, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as proc_lib from 'erlts/proc_lib';
import * as self_ from './gs_enter_loop.js';

export const MODULE = 'gs_enter_loop';

export default async function main(): Promise<void> {
  process_flag('trap_exit', true);
  const [, P1] = (await proc_lib.start_link(self_, 'start_it', ['named'])) as ['ok', Pid];
  p(await gen_server.call('gel_name', 'get'));
  p(await gen_server.call(P1, 'get'));
  const [, P2] = (await proc_lib.start_link(self_, 'start_it', ['unnamed'])) as ['ok', Pid];
  p(
    await receive(
      on(['EXIT', P2, _], ([, , R2]) => R2),
      after(100, () => 'none'),
    ),
  );
  const P3 = spawn_link(() => gen_server.enter_loop(self_, [], 'st'));
  p(
    await receive(
      on(['EXIT', P3, _], ([, , R3]) => R3),
      after(100, () => 'none'),
    ),
  );
  const [, P4] = (await proc_lib.start_link(self_, 'start_it', ['timeout'])) as ['ok', Pid];
  await timer.sleep(50);
  p(await gen_server.call(P4, 'get'));
  await gen_server.stop(P1);
  await gen_server.stop(P4);
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

export function start_it(How: string): Promise<never> {
  if (How === 'named') {
    register('gel_name', self());
    proc_lib.init_ack(['ok', self()]);
    return gen_server.enter_loop(self_, [], 'named_state', ['local', 'gel_name']);
  }
  proc_lib.init_ack(['ok', self()]);
  if (How === 'unnamed') return gen_server.enter_loop(self_, [], 'st', ['local', 'gel_other']);
  return gen_server.enter_loop(self_, [], 'waiting', 10);
}

export function init(_: unknown): ['ok', string] {
  return ['ok', 'unused'];
}
export function handle_call(_: 'get', _From: unknown, S: unknown): ['reply', unknown, unknown] {
  return ['reply', S, S];
}
export function handle_cast(_: unknown, S: unknown): ['noreply', unknown] {
  return ['noreply', S];
}
export function handle_info(_: 'timeout', _S: unknown): ['noreply', string] {
  return ['noreply', 'timed_out'];
}
