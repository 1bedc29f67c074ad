// Events reach every handler in the order of which_handlers (newest first), notify and
// sync_notify alike; stop calls every handler's terminate(stop, State).
import { io, is_process_alive, type Pid } from 'erlts';
import * as gen_event from 'erlts/gen_event';
import * as self_ from './ge_notify_order.js';
import { names } from '../../otp/gen_event/names.js';

export const MODULE = 'ge_notify_order';

export const init = (Tag: unknown) => ['ok', Tag];
export function handle_event(E: unknown, Tag: unknown) {
  io.format('~p got ~p~n', [Tag, E]);
  return ['ok', Tag];
}
export const handle_call = (Q: unknown, Tag: unknown) => ['ok', [Tag, Q], Tag];
export function terminate(Arg: unknown, Tag: unknown) {
  io.format('~p terminate ~p~n', [Tag, Arg]);
  return 'ok';
}

export default async function main(): Promise<void> {
  const [, M] = (await gen_event.start()) as ['ok', Pid];
  await gen_event.add_handler(M, [self_, 1], 'one');
  await gen_event.add_handler(M, [self_, 2], 'two');
  await gen_event.add_handler(M, [self_, 3], 'three');
  io.format('~p~n', [names(await gen_event.which_handlers(M))]);
  gen_event.notify(M, 'first');
  gen_event.notify(M, 'second');
  await gen_event.sync_notify(M, 'third');
  io.format('sync done~n');
  await gen_event.stop(M);
  io.format('alive: ~p~n', [is_process_alive(M)]);
}
