// Actions returned by init/1: an inserted event is handled before any message, a zero event
// timeout is cancelled by it, a zero state timeout is not.
import * as gen_statem from 'erlts/gen_statem';
import { io, list, timer, type Pid } from 'erlts';
import * as self_ from './gsm_init_actions.js';

export default async function main(): Promise<void> {
  const [, P] = (await gen_statem.start(self_, list(), [])) as [string, Pid];
  gen_statem.cast(P, 'later');
  await timer.sleep(20);
  io.format('~p~n', [await gen_statem.call(P, 'log')]);
  await gen_statem.stop(P);
}
export const callback_mode = () => 'handle_event_function';
export const init = () => [
  'ok',
  's',
  list(),
  list(['next_event', 'internal', 'go'], ['timeout', 0, 'zt'], ['state_timeout', 0, 'st']),
];
export function handle_event(T: unknown, X: unknown, _S: unknown, D: unknown[]): unknown {
  if (Array.isArray(T) && T[0] === 'call')
    return ['keep_state_and_data', ['reply', T[1], list(...[...D].reverse())]];
  return ['keep_state', [[T, X], ...D]];
}
