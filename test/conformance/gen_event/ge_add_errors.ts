// add_handler returns what init returns when it is not {ok, State}: {error, R}, a thrown
// value, junk, {'EXIT', R} for a crash, {'EXIT', {undef, ...}} for a module that is not there.
import { ExitException, error, exit, io, throw as throw_, type Pid } from 'erlts';
import * as gen_event from 'erlts/gen_event';
import * as self_ from './ge_add_errors.js';

export const MODULE = 'ge_add_errors';

export function init(S: unknown) {
  if (S === 'error') return ['error', 'refused'];
  if (S === 'throw') return throw_('thrown');
  if (S === 'junk') return ['some', 'junk'];
  if (S === 'crash') return error('init_crashed');
  if (S === 'exit') return exit('init_exited');
  return ['ok', S];
}
export const handle_event = (_E: unknown, S: unknown) => ['ok', S];
export const handle_call = (_Q: unknown, S: unknown) => ['ok', S, S];

export default async function main(): Promise<void> {
  const [, M] = (await gen_event.start()) as ['ok', Pid];
  io.format('~p~n', [await gen_event.add_handler(M, self_, 'error')]);
  io.format('~p~n', [await gen_event.add_handler(M, self_, 'throw')]);
  io.format('~p~n', [await gen_event.add_handler(M, self_, 'junk')]);
  const [, [Why]] = (await gen_event.add_handler(M, self_, 'crash')) as ['EXIT', [unknown, unknown]];
  io.format('EXIT ~p~n', [Why]);
  io.format('~p~n', [await gen_event.add_handler(M, self_, 'exit')]);
  const [, [, [Top]]] = (await gen_event.add_handler(M, 'ge_no_such_module', 'args')) as [
    'EXIT',
    ['undef', unknown[]],
  ];
  io.format('undef ~p~n', [Top]);
  io.format('~p~n', [await gen_event.which_handlers(M)]);
  io.format('~p~n', [await gen_event.add_handler(M, [self_, 1], 'fine')]);
  io.format('~p~n', [(await gen_event.which_handlers(M)).length]);
  try {
    await gen_event.add_handler('ge_no_such_manager', self_, 'x');
  } catch (e) {
    if (!ExitException.is(e)) throw e;
    io.format('exit ~p~n', [e.reason]);
  }
  await gen_event.stop(M);
}
