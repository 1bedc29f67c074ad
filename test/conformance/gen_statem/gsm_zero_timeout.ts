// Timeouts of 0: delivered after queued and inserted events, in the order they were set; an
// event timeout of 0 is cancelled by an inserted event, a state timeout of 0 is not.
import * as gen_statem from 'erlts/gen_statem';
import { io, list, timer, type Pid } from 'erlts';
import * as self_ from './gsm_zero_timeout.js';

export default async function main(): Promise<void> {
  const [, P] = (await gen_statem.start(self_, list(), [])) as [string, Pid];
  gen_statem.cast(P, 'go');
  await timer.sleep(20);
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
      list(
        ['state_timeout', 0, 'st'],
        [['timeout', 'g'], 0, 'gt'],
        ['timeout', 0, 'et'],
        ['next_event', 'internal', 'ins'],
      ),
    ];
  if (Array.isArray(T) && T[0] === 'call')
    return ['keep_state_and_data', ['reply', T[1], list(...[...D].reverse())]];
  return ['keep_state', [[T, X], ...D]];
}
