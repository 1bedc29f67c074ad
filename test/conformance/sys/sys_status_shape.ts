// sys:get_status/1 of a gen_server, whole: {status, Pid, {module, gen_server},
// [PDict, SysState, Parent, Dbg, Misc]} with Misc the formatted status
// (header, data, state), with a name, without one, with format_status/1
// shaping the state, and with the log on (a cast: a call's From holds an alias,
// [alias|Ref] in OTP, which erlts writes as the ref alone).
import { io, list, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as lists from 'erlts/lists';
import * as sys from 'erlts/sys';
import * as self_ from './sys_status_shape.js';

export const MODULE = 'sys_status_shape';

export default async function main(): Promise<void> {
  const [, P1] = (await gen_server.start(['local', 'sss_name'], self_, ['plain', list(1, 2)], [])) as [
    'ok',
    Pid,
  ];
  show(await sys.get_status('sss_name'));
  const [, P2] = (await gen_server.start(self_, ['secret', 'pw'], [])) as ['ok', Pid];
  show(await sys.get_status(P2));
  await sys.log(P2, true);
  gen_server.cast(P2, 'hello');
  await sys.get_state(P2);
  show(await sys.get_status(P2));
  p(await sys.log(P2, 'get'));
  await gen_server.stop(P1);
  await gen_server.stop(P2);
}

function show([, Pid, Mod, [PDict, SysState, Parent, Dbg, Misc]]: [string, Pid, unknown, unknown[]]): void {
  p(['status', Pid, Mod]);
  p(
    list(
      lists.keymember('$ancestors', 1, PDict as unknown[]),
      lists.keymember('$initial_call', 1, PDict as unknown[]),
      SysState,
      Parent === Pid,
      (Dbg as unknown[]).length,
    ),
  );
  p(Misc);
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

export function init(S: unknown): ['ok', unknown] {
  return ['ok', S];
}
export function handle_call(_: 'hello', _From: unknown, S: unknown): ['reply', 'hi', unknown] {
  return ['reply', 'hi', S];
}
export function handle_cast(_: unknown, S: unknown): ['noreply', unknown] {
  return ['noreply', S];
}
export function format_status(Status: { state: unknown }): unknown {
  const S = Status.state as [string, unknown];
  return S[0] === 'secret' ? { ...Status, state: ['secret', '***'] } : Status;
}
