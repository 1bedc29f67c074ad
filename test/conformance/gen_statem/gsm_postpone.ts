// Postponed events are retried, oldest first, after a state change, before newer ones.
import * as gen_statem from 'erlts/gen_statem';
import { io, list, self, type Pid } from 'erlts';
import * as self_ from './gsm_postpone.js';

export default async function main(): Promise<void> {
  const [, P] = (await gen_statem.start(self_, self(), [])) as [string, Pid];
  gen_statem.cast(P, 'a');
  gen_statem.cast(P, 'b');
  io.format('~p~n', [await gen_statem.call(P, 'unlock')]);
  gen_statem.cast(P, 'c');
  io.format('~p~n', [await gen_statem.call(P, 'log')]);
  await gen_statem.stop(P);
}
export const callback_mode = () => 'state_functions';
export const init = () => ['ok', 'locked', list()];
export function locked(T: unknown, C: unknown, D: unknown): unknown {
  if (T === 'cast') return ['keep_state_and_data', 'postpone'];
  return ['next_state', 'open', D, ['reply', (T as [string, gen_statem.From])[1], 'unlocked']];
}
export function open(T: unknown, C: unknown, D: unknown[]): unknown {
  if (T === 'cast') return ['keep_state', [C, ...D]];
  return [
    'keep_state_and_data',
    list(['reply', (T as [string, gen_statem.From])[1], list(...[...D].reverse())]),
  ];
}
