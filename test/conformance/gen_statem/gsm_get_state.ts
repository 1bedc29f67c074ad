// sys:get_state gives {State, Data}; replace_state changes both, and the machine goes on in the
// new state.
import * as gen_statem from 'erlts/gen_statem';
import * as sys from 'erlts/sys';
import { io, type Pid } from 'erlts';
import * as self_ from './gsm_get_state.js';

export default async function main(): Promise<void> {
  const [, P] = (await gen_statem.start(['local', 'gsm_lock'], self_, 3, [])) as [string, Pid];
  io.format('~p~n', [await sys.get_state('gsm_lock')]);
  io.format('~p~n', [
    await sys.replace_state('gsm_lock', ([, N]: [string, number]): [string, number] => ['open', N + 1]),
  ]);
  io.format('~p~n', [await gen_statem.call('gsm_lock', 'which')]);
  io.format('~p~n', [await sys.get_state(P)]);
  await gen_statem.stop('gsm_lock');
}
export const callback_mode = () => 'state_functions';
export const init = (N: number) => ['ok', 'locked', N];
export function locked(T: [string, gen_statem.From], _C: unknown, N: number): unknown {
  return ['keep_state_and_data', ['reply', T[1], ['locked', N]]];
}
export function open(T: [string, gen_statem.From], _C: unknown, N: number): unknown {
  return ['next_state', 'locked', N * 10, ['reply', T[1], ['open', N]]];
}
