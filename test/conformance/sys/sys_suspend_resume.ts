// sys:suspend/resume on a gen_server: a call made while it is suspended waits
// (and times out if it waits too long), system messages are still answered,
// and after resume the queued call is served.
import { after, io, on, receive, self, send, spawn, timer, _, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as sys from 'erlts/sys';
import { catch_ } from '../erlang-exceptions.js';
import * as self_ from './sys_suspend_resume.js';

export const MODULE = 'sys_suspend_resume';

export default async function main(): Promise<void> {
  const [, P] = (await gen_server.start(['local', 'ssr_name'], self_, 0, [])) as ['ok', Pid];
  p(await sys.suspend('ssr_name'));
  p(await catch_(() => gen_server.call('ssr_name', 'bump', 50)));
  const Self = self();
  spawn(async () => send(Self, ['answer', await gen_server.call('ssr_name', 'bump')]));
  await timer.sleep(30);
  p(
    await receive(
      on(['answer', _], ([, A0]) => A0),
      after(0, () => 'still_waiting'),
    ),
  );
  p(await sys.get_state('ssr_name'));
  p(await sys.replace_state('ssr_name', (N: number) => N + 10));
  const [, , [, M], [, SysState]] = (await sys.get_status('ssr_name')) as [
    string,
    Pid,
    [string, unknown],
    unknown[],
  ];
  p([M, SysState]);
  p(await sys.resume('ssr_name'));
  p(
    await receive(
      on(['answer', _], ([, A]) => A),
      after(200, () => 'none'),
    ),
  );
  p(await gen_server.call('ssr_name', 'bump'));
  const [, , , [, SysState2]] = (await sys.get_status(P)) as [string, Pid, unknown, unknown[]];
  p(SysState2);
  p(await catch_(() => sys.get_state('nobody')));
  p(await catch_(() => sys.suspend('nobody', 100)));
  await gen_server.stop(P);
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

export function init(N: number): ['ok', number] {
  return ['ok', N];
}
export function handle_call(_Req: 'bump', _From: unknown, N: number): ['reply', number, number] {
  return ['reply', N + 1, N + 1];
}
export function handle_cast(_: unknown, S: unknown): ['noreply', unknown] {
  return ['noreply', S];
}
