// A state timeout is cancelled by a state change, not by events; one left alone fires.
import * as gen_statem from 'erlts/gen_statem';
import { io, list, self, timer, type Pid } from 'erlts';
import * as self_ from './gsm_state_timeout.js';

export default async function main(): Promise<void> {
  const [, P] = (await gen_statem.start(self_, self(), [])) as [string, Pid];
  gen_statem.cast(P, ['arm', 30]);
  gen_statem.cast(P, 'ping');
  gen_statem.cast(P, ['goto', 'b']);
  await timer.sleep(60);
  gen_statem.cast(P, ['arm', 20]);
  gen_statem.cast(P, 'ping');
  await timer.sleep(60);
  io.format('~p~n', [await gen_statem.call(P, 'log')]);
  await gen_statem.stop(P);
}
export const callback_mode = () => 'handle_event_function';
export const init = () => ['ok', 'a', list()];
export function handle_event(T: unknown, X: unknown, S: unknown, D: unknown[]): unknown {
  if (T === 'cast' && Array.isArray(X) && X[0] === 'arm')
    return ['keep_state', ['arm', ...D], ['state_timeout', X[1], 'fired']];
  if (T === 'cast' && Array.isArray(X) && X[0] === 'goto') return ['next_state', X[1], [X, ...D]];
  if (Array.isArray(T) && X === 'log')
    return ['keep_state_and_data', ['reply', T[1], [S, list(...[...D].reverse())]]];
  return ['keep_state', [[T, X], ...D]];
}
