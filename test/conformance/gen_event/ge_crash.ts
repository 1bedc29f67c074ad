// A handler that crashes or returns junk is removed (terminate gets {error, Why}); the other
// handlers go on receiving events.
import { error, io, list, throw as throw_, type Pid } from 'erlts';
import * as gen_event from 'erlts/gen_event';
import * as self_ from './ge_crash.js';

export const MODULE = 'ge_crash';

export const init = (Tag: unknown) => ['ok', Tag];
export function handle_event(E: unknown, Tag: unknown) {
  if (E === 'crash' && Tag === 'crasher') return error('boom');
  if (E === 'crash') {
    io.format('~p saw crash~n', [Tag]);
    return ['ok', Tag];
  }
  if (E === 'junk' && Tag === 'junker') return ['what', 'is', 'this'];
  if (E === 'junk') {
    io.format('~p saw junk~n', [Tag]);
    return ['ok', Tag];
  }
  if (E === 'throw' && Tag === 'thrower') return throw_(['ok', 'thrown_state']);
  io.format('~p got ~p~n', [Tag, E]);
  return ['ok', Tag];
}
export const handle_call = (_Q: unknown, Tag: unknown) => ['ok', Tag, Tag];
export function terminate(Arg: unknown, Tag: unknown) {
  if (Array.isArray(Arg) && Arg[0] === 'error' && Array.isArray(Arg[1]) && Arg[1][0] === 'EXIT') {
    const [Reason, Stack] = Arg[1][1] as [unknown, unknown];
    if (Array.isArray(Stack)) return io.format('~p terminate error EXIT ~p~n', [Tag, Reason]);
  }
  return io.format('~p terminate ~p~n', [Tag, Arg]);
}

const ids = (Hs: unknown[]) => list(...Hs.map((H) => (H as [unknown, unknown])[1]));

export default async function main(): Promise<void> {
  const [, M] = (await gen_event.start()) as ['ok', Pid];
  await gen_event.add_handler(M, [self_, 1], 'steady');
  await gen_event.add_handler(M, [self_, 2], 'crasher');
  await gen_event.add_handler(M, [self_, 3], 'junker');
  await gen_event.add_handler(M, [self_, 4], 'thrower');
  await gen_event.sync_notify(M, 'crash');
  io.format('~p~n', [ids(await gen_event.which_handlers(M))]);
  await gen_event.sync_notify(M, 'junk');
  io.format('~p~n', [ids(await gen_event.which_handlers(M))]);
  await gen_event.sync_notify(M, 'throw');
  io.format('~p~n', [await gen_event.call(M, [self_, 4], 'state')]);
  gen_event.notify(M, 'hello');
  io.format('~p~n', [ids(await gen_event.which_handlers(M))]);
  await gen_event.stop(M);
}
