// gen_server:stop/1,3: ok after terminate ran, the reason terminate sees,
// noproc, timeout when terminate takes too long, and the reason of a
// terminate that crashes.
import { _, after, exit, io, on, receive, self, send, timer, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import { catch_ } from '../erlang-exceptions.js';
import * as self_ from './gs_stop_results.js';

export const MODULE = 'gs_stop_results';

export default async function main(): Promise<void> {
  const [, P1] = (await gen_server.start(self_, self(), [])) as ['ok', Pid];
  p(await gen_server.stop(P1));
  p(
    await receive(
      on(['terminate', _], ([, R1]) => R1),
      after(100, () => 'none'),
    ),
  );
  await gen_server.start(['local', 'gss_name'], self_, self(), []);
  p(await gen_server.stop('gss_name', ['shutdown', 'bye'], 1000));
  p(
    await receive(
      on(['terminate', _], ([, R2]) => R2),
      after(100, () => 'none'),
    ),
  );
  p(await catch_(() => gen_server.stop('gss_name')));
  p(await catch_(() => gen_server.stop(P1)));
  const [, P3] = (await gen_server.start(self_, self(), [])) as ['ok', Pid];
  p(await catch_(() => gen_server.stop(P3, 'slow', 50)));
  p(
    await receive(
      on(['terminate', _], ([, R3]) => R3),
      after(300, () => 'none'),
    ),
  );
  const [, P4] = (await gen_server.start(self_, self(), [])) as ['ok', Pid];
  p(await catch_(() => gen_server.stop(P4, 'crash', 'infinity')));
  p(
    await receive(
      on(['terminate', _], ([, R4]) => R4),
      after(100, () => 'none'),
    ),
  );
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

export function init(Parent: Pid): ['ok', Pid] {
  return ['ok', Parent];
}
export function handle_call(_: unknown, _From: unknown, S: unknown): ['reply', 'ok', unknown] {
  return ['reply', 'ok', S];
}
export function handle_cast(_: unknown, S: unknown): ['noreply', unknown] {
  return ['noreply', S];
}

export async function terminate(Reason: unknown, Parent: Pid): Promise<unknown> {
  if (Reason === 'slow') {
    await timer.sleep(150);
    return send(Parent, ['terminate', 'slow']);
  }
  if (Reason === 'crash') {
    send(Parent, ['terminate', 'crash']);
    return exit('terminate_crashed');
  }
  return send(Parent, ['terminate', Reason]);
}
