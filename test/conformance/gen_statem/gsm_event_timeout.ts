// An event timeout is cancelled by any event; one with no event after it fires.
import * as gen_statem from 'erlts/gen_statem';
import { io, list, timer, type Pid } from 'erlts';
import * as self_ from './gsm_event_timeout.js';

export default async function main(): Promise<void> {
  const [, P] = (await gen_statem.start(self_, list(), [])) as [string, Pid];
  gen_statem.cast(P, ['arm', 30]);
  gen_statem.cast(P, 'ping');
  await timer.sleep(60);
  gen_statem.cast(P, ['arm', 20]);
  await timer.sleep(60);
  io.format('~p~n', [await gen_statem.call(P, 'log')]);
  await gen_statem.stop(P);
}
export const callback_mode = () => 'handle_event_function';
export const init = () => ['ok', 's', list()];
export function handle_event(T: unknown, X: unknown, _S: unknown, D: unknown[]): unknown {
  if (T === 'cast' && Array.isArray(X) && X[0] === 'arm') return ['keep_state', ['arm', ...D], X[1]];
  if (Array.isArray(T) && X === 'log')
    return ['keep_state_and_data', ['reply', T[1], list(...[...D].reverse())]];
  return ['keep_state', [[T, X], ...D]];
}
