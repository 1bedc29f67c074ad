// Inserted events run before queued ones, in the order of the actions.
import * as gen_statem from 'erlts/gen_statem';
import { io, list, type Pid } from 'erlts';
import * as self_ from './gsm_next_event.js';

export default async function main(): Promise<void> {
  const [, P] = (await gen_statem.start(self_, list(), [])) as [string, Pid];
  gen_statem.cast(P, 'go');
  gen_statem.cast(P, 'later');
  io.format('~p~n', [await gen_statem.call(P, 'log')]);
  await gen_statem.stop(P);
}
export const callback_mode = () => 'handle_event_function';
export const init = () => ['ok', 's', list()];
export function handle_event(T: unknown, X: unknown, _S: unknown, D: unknown[]): unknown {
  if (T === 'cast' && X === 'go')
    return [
      'keep_state',
      ['go', ...D],
      list(['next_event', 'internal', 'one'], ['next_event', 'info', 'two']),
    ];
  if (Array.isArray(T) && X === 'log')
    return ['keep_state_and_data', ['reply', T[1], list(...[...D].reverse())]];
  return ['keep_state', [[T, X], ...D]];
}
