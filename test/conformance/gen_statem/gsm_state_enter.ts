// state_enter: enter calls with the previous state, on start, on change and on repeat_state;
// an enter call may not change the state.
import * as gen_statem from 'erlts/gen_statem';
import { _, io, list, monitor, on, receive, self, type Pid } from 'erlts';
import * as self_ from './gsm_state_enter.js';

export default async function main(): Promise<void> {
  const [, P] = (await gen_statem.start(self_, self(), [])) as [string, Pid];
  gen_statem.cast(P, 'go');
  gen_statem.cast(P, 'again');
  io.format('~p~n', [await gen_statem.call(P, 'log')]);
  const M = monitor('process', P);
  gen_statem.cast(P, 'bad');
  await receive(on(['DOWN', M, 'process', P, [_, _]], ([, , , , [Reason]]) => io.format('~p~n', [Reason])));
}
export const callback_mode = () => list('state_functions', 'state_enter');
export const init = () => ['ok', 'a', list()];
const rev = (D: unknown[]) => list(...[...D].reverse());
export function a(T: unknown, C: unknown, D: unknown[]): unknown {
  if (T === 'enter') return ['keep_state', list(['enter_a', C], ...D)];
  if (T === 'cast' && C === 'go') return ['next_state', 'b', list('go', ...D)];
  if (T === 'cast' && C === 'bad') return ['next_state', 'c', D];
  return ['keep_state_and_data', ['reply', (T as [string, gen_statem.From])[1], rev(D)]];
}
export function b(T: unknown, C: unknown, D: unknown[]): unknown {
  if (T === 'enter' && C === 'a') return ['keep_state', list(['enter_b', 'a'], ...D)];
  if (T === 'enter') return ['keep_state', list(['enter_b', 'b'], ...D), ['state_timeout', 0, 'back']];
  if (T === 'cast' && C === 'again') return ['repeat_state', list('again', ...D)];
  if (T === 'state_timeout') return ['next_state', 'a', list('back', ...D)];
  return ['keep_state_and_data', ['reply', (T as [string, gen_statem.From])[1], rev(D)]];
}
export function c(_T: unknown, _C: unknown, D: unknown[]): unknown {
  return ['next_state', 'a', D];
}
