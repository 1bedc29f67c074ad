// gen_event:call: the handler's reply, {error, bad_module}, {remove_handler, Reply}, a swap
// from handle_call, and the exit reason of a call to a manager that is gone.
import { ExitException, io, type Pid } from 'erlts';
import * as gen_event from 'erlts/gen_event';
import * as self_ from './ge_call.js';

export const MODULE = 'ge_call';

export function init(S: unknown) {
  if (Array.isArray(S) && S[0] === 'swapped' && Array.isArray(S[1]) && S[1][0] === 'from')
    return ['ok', ['swapped', S[1][1]]];
  return ['ok', S];
}
export const handle_event = (_E: unknown, S: unknown) => ['ok', S];
export function handle_call(Q: unknown, S: unknown) {
  if (Q === 'get') return ['ok', S, S];
  if (Array.isArray(Q) && Q[0] === 'set') return ['ok', ['old', S], Q[1]];
  if (Q === 'remove') return ['remove_handler', ['bye', S]];
  return ['swap_handler', 'swapping', 'from', S, [self_, 2], 'swapped'];
}
export function terminate(Arg: unknown, S: unknown) {
  if (Arg === 'from') return ['from', S];
  io.format('terminate ~p ~p~n', [Arg, S]);
  return 'ok';
}

export default async function main(): Promise<void> {
  const [, M] = (await gen_event.start()) as ['ok', Pid];
  await gen_event.add_handler(M, [self_, 1], 'a');
  io.format('~p~n', [await gen_event.call(M, [self_, 1], 'get')]);
  io.format('~p~n', [await gen_event.call(M, [self_, 1], ['set', 'b'], 1000)]);
  io.format('~p~n', [await gen_event.call(M, [self_, 1], 'get', 'infinity')]);
  io.format('~p~n', [await gen_event.call(M, self_, 'get')]);
  io.format('~p~n', [await gen_event.call(M, [self_, 9], 'get')]);
  io.format('~p~n', [await gen_event.call(M, [self_, 1], 'swap')]);
  io.format('~p~n', [await gen_event.call(M, [self_, 2], 'get')]);
  io.format('~p~n', [await gen_event.call(M, [self_, 2], 'remove')]);
  io.format('~p~n', [(await gen_event.which_handlers(M)).length]);
  await gen_event.stop(M);
  try {
    const R = await gen_event.call(M, [self_, 1], 'get');
    io.format('returned ~p~n', [R]);
  } catch (e) {
    if (!ExitException.is(e)) throw e;
    const [Reason, [, , [M1, , Req]]] = e.reason as [unknown, [string, string, unknown[]]];
    if (M1 !== M || Req !== 'get') throw e;
    io.format('exit ~p~n', [Reason]);
  }
}
