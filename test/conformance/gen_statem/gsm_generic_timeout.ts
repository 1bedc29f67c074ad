// Generic timeouts survive events and state changes; cancel and update act on them by name.
import * as gen_statem from 'erlts/gen_statem';
import { io, list, timer, type Pid } from 'erlts';
import * as self_ from './gsm_generic_timeout.js';

export default async function main(): Promise<void> {
  const [, P] = (await gen_statem.start(self_, list(), [])) as [string, Pid];
  gen_statem.cast(P, ['arm', 'a', 20]);
  gen_statem.cast(P, ['arm', 'b', 30]);
  gen_statem.cast(P, ['arm', 'c', 40]);
  gen_statem.cast(P, ['goto', 'other']);
  gen_statem.cast(P, ['cancel', 'b']);
  gen_statem.cast(P, ['update', 'c']);
  await timer.sleep(80);
  gen_statem.cast(P, ['update', 'd']);
  await timer.sleep(20);
  io.format('~p~n', [await gen_statem.call(P, 'log')]);
  await gen_statem.stop(P);
}
export const callback_mode = () => 'handle_event_function';
export const init = () => ['ok', 's', list()];
export function handle_event(T: unknown, X: unknown, S: unknown, D: unknown[]): unknown {
  if (T === 'cast' && Array.isArray(X)) {
    const [tag, N, Time] = X as [string, unknown, number];
    if (tag === 'arm') return ['keep_state', D, [['timeout', N], Time, ['msg', N]]];
    if (tag === 'cancel') return ['keep_state', D, [['timeout', N], 'cancel']];
    if (tag === 'update') return ['keep_state', D, [['timeout', N], 'update', ['updated', N]]];
    if (tag === 'goto') return ['next_state', N, D];
  }
  if (Array.isArray(T) && T[0] === 'call' && X === 'log')
    return ['keep_state_and_data', ['reply', T[1], [S, list(...[...D].reverse())]]];
  return ['keep_state', [[T, X], ...D]];
}
