// sys:trace/2 on a gen_server: the *DBG* lines for a call, a cast, a plain
// message and the new states; sys:statistics/2 counts; {debug, [trace]} as a
// start option; sys:no_debug/1 turns it all off.
import { io, list, send, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as proplists from 'erlts/proplists';
import * as sys from 'erlts/sys';
import * as self_ from './sys_trace_output.js';

export const MODULE = 'sys_trace_output';

export default async function main(): Promise<void> {
  const [, P] = (await gen_server.start(['local', 'sto_name'], self_, 0, [])) as ['ok', Pid];
  await sys.trace('sto_name', true);
  await gen_server.call('sto_name', 'add');
  gen_server.cast('sto_name', 'add');
  send('sto_name', 'add');
  await sys.get_state('sto_name');
  await sys.trace('sto_name', false);
  await sys.statistics(P, true);
  await gen_server.call(P, 'add');
  gen_server.cast(P, 'add');
  await sys.get_state(P);
  const [, Stats] = (await sys.statistics(P, 'get')) as ['ok', unknown[]];
  p(list(...['messages_in', 'messages_out'].map((K) => [K, proplists.get_value(K, Stats)])));
  p(await sys.statistics(P, false));
  p(await sys.statistics(P, 'get'));
  const [, P2] = (await gen_server.start(self_, 10, [['debug', ['trace']]])) as ['ok', Pid];
  gen_server.cast(P2, 'add');
  await sys.get_state(P2);
  await sys.no_debug(P2);
  gen_server.cast(P2, 'add');
  p(await sys.get_state(P2));
  await gen_server.stop(P);
  await gen_server.stop(P2);
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

export function init(N: number): ['ok', number] {
  return ['ok', N];
}
export function handle_call(_: 'add', _From: unknown, N: number): ['reply', number, number] {
  return ['reply', N + 1, N + 1];
}
export function handle_cast(_: 'add', N: number): ['noreply', number] {
  return ['noreply', N + 1];
}
export function handle_info(_: 'add', N: number): ['noreply', number] {
  return ['noreply', N + 1];
}
