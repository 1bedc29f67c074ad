// A suspended machine answers system messages only; its events wait until it is resumed.
import * as gen_statem from 'erlts/gen_statem';
import * as sys from 'erlts/sys';
import { _, after, io, list, on, receive, self, send, spawn, timer, type Pid } from 'erlts';
import * as self_ from './gsm_sys_suspend.js';

export default async function main(): Promise<void> {
  const [, P] = (await gen_statem.start(self_, list(), [])) as [string, Pid];
  await sys.suspend(P);
  gen_statem.cast(P, 'one');
  const Self = self();
  spawn(async () => send(Self, ['call', await gen_statem.call(P, 'log')]));
  await timer.sleep(30);
  io.format('~p~n', [await sys.get_state(P)]);
  io.format('~p~n', [
    await receive(
      on(_, (M) => M),
      after(0, () => 'nothing'),
    ),
  ]);
  await sys.resume(P);
  io.format('~p~n', [
    await receive(
      on(_, (M) => M),
      after(100, () => 'nothing'),
    ),
  ]);
  const [, , [, Mod]] = await sys.get_status(P);
  io.format('~p~n', [(Mod as { MODULE: string }).MODULE]);
  await gen_statem.stop(P);
}
export const callback_mode = () => 'handle_event_function';
export const init = () => ['ok', 's', list()];
export function handle_event(T: unknown, X: unknown, _S: unknown, D: unknown[]): unknown {
  if (T === 'cast') return ['keep_state', list(X, ...D)];
  return ['keep_state_and_data', ['reply', (T as [string, gen_statem.From])[1], D]];
}
