// proc_lib:stop/1,3 on a special process and a gen_server: ok, the reason
// the process exits with, noproc, timeout, and a process that dies with
// another reason while stopping.
import { _, exit, io, monitor, on, receive, timer, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as proc_lib from 'erlts/proc_lib';
import { catch_ } from '../erlang-exceptions.js';
import * as self_ from './pl_stop.js';

export const MODULE = 'pl_stop';

export default async function main(): Promise<void> {
  const [, P1] = (await gen_server.start(self_, 'normal', [])) as ['ok', Pid];
  const M1 = monitor('process', P1);
  p(await proc_lib.stop(P1));
  p(await receive(on(['DOWN', M1, _, _, _], ([, , , , R1]) => R1)));
  const [, P2] = (await gen_server.start(self_, 'normal', [])) as ['ok', Pid];
  const M2 = monitor('process', P2);
  p(await proc_lib.stop(P2, ['shutdown', 'x'], 1000));
  p(await receive(on(['DOWN', M2, _, _, _], ([, , , , R2]) => R2)));
  p(await catch_(() => proc_lib.stop(P2)));
  const [, P3] = (await gen_server.start(self_, 'slow', [])) as ['ok', Pid];
  p(await catch_(() => proc_lib.stop(P3, 'normal', 50)));
  const [, P4] = (await gen_server.start(self_, 'other', [])) as ['ok', Pid];
  p(await catch_(() => proc_lib.stop(P4, 'normal', 1000)));
  p(await catch_(() => proc_lib.stop('nobody')));
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

export function init(Kind: string): ['ok', string] {
  return ['ok', Kind];
}
export function handle_call(_: unknown, _From: unknown, S: unknown): ['reply', 'ok', unknown] {
  return ['reply', 'ok', S];
}
export function handle_cast(_: unknown, S: unknown): ['noreply', unknown] {
  return ['noreply', S];
}
export async function terminate(_Reason: unknown, S: string): Promise<unknown> {
  if (S === 'slow') return timer.sleep(150);
  if (S === 'other') return exit('other_reason');
  return 'ok';
}
