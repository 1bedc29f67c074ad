// swap_handler: the old handler's terminate(Args1, State) result reaches the new one's
// init({Args2, Result}); swapping a handler that is not there gives init({Args2, error}).
import { io, type Pid } from 'erlts';
import * as gen_event from 'erlts/gen_event';
import * as self_ from './ge_swap.js';
import { names } from '../../otp/gen_event/names.js';

export const MODULE = 'ge_swap';

export function init(A: unknown) {
  if (Array.isArray(A) && A[1] === 'error') {
    io.format('init from nothing ~p~n', [A[0]]);
    return ['error', 'nope'];
  }
  if (Array.isArray(A) && Array.isArray(A[1]) && A[1][0] === 'transfer') {
    io.format('init ~p with ~p~n', [A[0], A[1][1]]);
    return ['ok', (A[1][1] as number) + 100];
  }
  return ['ok', A];
}
export function handle_event(E: unknown, N: number) {
  if (E === 'bump') return ['ok', N + 1];
  return ['swap_handler', 'by_event', N, (E as [string, unknown])[1], 'event_args'];
}
export const handle_call = (_Q: 'get', N: number) => ['ok', N, N];
export function terminate(Arg: unknown, N: unknown) {
  io.format('terminate ~p ~p~n', [Arg, N]);
  return ['transfer', N];
}

export default async function main(): Promise<void> {
  const [, M] = (await gen_event.start()) as ['ok', Pid];
  await gen_event.add_handler(M, [self_, 'a'], 1);
  await gen_event.sync_notify(M, 'bump');
  io.format('~p~n', [await gen_event.swap_handler(M, [[self_, 'a'], 'to_b'], [[self_, 'b'], 'from_a'])]);
  io.format('~p~n', [names(await gen_event.which_handlers(M))]);
  io.format('~p~n', [await gen_event.call(M, [self_, 'b'], 'get')]);
  io.format('~p~n', [await gen_event.swap_handler(M, [[self_, 'zz'], 'x'], [[self_, 'c'], 'y'])]);
  await gen_event.sync_notify(M, ['swap', [self_, 'd']]);
  io.format('~p~n', [names(await gen_event.which_handlers(M))]);
  io.format('~p~n', [await gen_event.call(M, [self_, 'd'], 'get')]);
  await gen_event.stop(M);
}
