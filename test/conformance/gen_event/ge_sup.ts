// add_sup_handler: the installing process gets {gen_event_EXIT, Handler, Reason} when the
// handler goes: normal on delete, {'EXIT', ...} on a crash, {swapped, New, Pid} on a swap,
// shutdown when the manager stops.
import { _, after, error, io, on, receive, type Pid } from 'erlts';
import * as gen_event from 'erlts/gen_event';
import * as self_ from './ge_sup.js';
import { names } from '../../otp/gen_event/names.js';

export const MODULE = 'ge_sup';

export function init(S: unknown) {
  if (Array.isArray(S) && Array.isArray(S[1]) && S[1][0] === 'old') return ['ok', S[1][1]];
  return ['ok', S];
}
export const handle_event = (E: unknown, S: unknown) => (E === 'crash' ? error('boom') : ['ok', S]);
export const handle_call = (_Q: unknown, S: unknown) => ['ok', S, S];
export const terminate = (Arg: unknown, S: unknown) => (Arg === 'swap' ? ['old', S] : 'ok');

function next() {
  return receive(
    on(
      ['gen_event_EXIT', _, ['EXIT', [_, _]]],
      ([, , [, [, Stack]]]) => Array.isArray(Stack),
      ([, H, [, [Why]]]) => io.format('gen_event_EXIT ~w EXIT ~w~n', [names(H), Why]),
    ),
    on(['gen_event_EXIT', _, _], ([, H, Reason]) =>
      io.format('gen_event_EXIT ~w ~w~n', [names(H), names(Reason)]),
    ),
    after(1000, () => io.format('nothing~n')),
  );
}

export default async function main(): Promise<void> {
  const [, M] = (await gen_event.start()) as ['ok', Pid];
  await gen_event.add_sup_handler(M, [self_, 1], 's1');
  io.format('~p~n', [await gen_event.delete_handler(M, [self_, 1], 'bye')]);
  await next();
  await gen_event.add_sup_handler(M, [self_, 2], 's2');
  gen_event.notify(M, 'crash');
  await next();
  await gen_event.add_sup_handler(M, [self_, 3], 's3');
  io.format('~p~n', [await gen_event.swap_handler(M, [[self_, 3], 'swap'], [[self_, 4], 'x'])]);
  await next();
  io.format('~p~n', [await gen_event.call(M, [self_, 4], 'state')]);
  await gen_event.stop(M);
  await next();
  await next();
}
