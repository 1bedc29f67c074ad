// delete_handler returns what terminate(Args, State) returns, {error, module_not_found} for a
// handler that is not installed, and {'EXIT', ...} when terminate crashes.
import { error, io, throw as throw_, type Pid } from 'erlts';
import * as gen_event from 'erlts/gen_event';
import * as self_ from './ge_delete.js';

export const MODULE = 'ge_delete';

export const init = (S: unknown) => ['ok', S];
export const handle_event = (_E: unknown, S: unknown) => ['ok', S];
export const handle_call = (_Q: unknown, S: unknown) => ['ok', S, S];
export function terminate(Args: unknown, S: unknown) {
  if (Args === 'crash') return error('terminate_failed');
  if (Args === 'throw') return throw_('thrown');
  return ['terminated', Args, S];
}

export default async function main(): Promise<void> {
  const [, M] = (await gen_event.start()) as ['ok', Pid];
  await gen_event.add_handler(M, self_, 'plain');
  await gen_event.add_handler(M, [self_, 1], 'one');
  await gen_event.add_handler(M, [self_, 2], 'two');
  await gen_event.add_handler(M, [self_, 3], 'three');
  io.format('~p~n', [await gen_event.delete_handler(M, [self_, 9], 'x')]);
  io.format('~p~n', [await gen_event.delete_handler(M, 'nosuchmodule', 'x')]);
  io.format('~p~n', [await gen_event.delete_handler(M, [self_, 1], 'args')]);
  io.format('~p~n', [await gen_event.delete_handler(M, self_, 'args')]);
  const [, [Why]] = (await gen_event.delete_handler(M, [self_, 2], 'crash')) as ['EXIT', [unknown, unknown]];
  io.format('EXIT ~p~n', [Why]);
  io.format('~p~n', [await gen_event.delete_handler(M, [self_, 3], 'throw')]);
  io.format('~p~n', [await gen_event.which_handlers(M)]);
  await gen_event.stop(M);
}
