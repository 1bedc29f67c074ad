// A monitor's DOWN message carries the exit reason.
import {
  self,
  send,
  spawn,
  monitor,
  exit,
  is_reference,
  process_info,
  receive,
  on,
  _,
  list,
  io,
} from 'erlts';

export default async function main(): Promise<void> {
  for (const Reason of ['normal', ['shutdown', 'done'], 'custom', list(1, 2, 3)]) await watch(Reason);
  const P = spawn(async () => receive(on(['stop', _], ([, R]) => exit(R))));
  const Ref = monitor('process', P);
  io.format('monitor gives a reference: ~p~n', [is_reference(Ref)]);
  io.format('monitors: ~p~n', [process_info(self(), 'monitors')]);
  send(P, ['stop', 'bye']);
  await receive(on(['DOWN', Ref, 'process', P, _], (M) => io.format('~p~n', [M])));
  io.format('monitors after DOWN: ~p~n', [process_info(self(), 'monitors')]);
}

async function watch(Reason: unknown): Promise<void> {
  const P = spawn(async () => receive(on(['stop', _], ([, R]) => exit(R))));
  const Ref = monitor('process', P);
  send(P, ['stop', Reason]);
  await receive(on(['DOWN', Ref, 'process', P, _], ([, , , , Why]) => io.format('DOWN reason: ~p~n', [Why])));
}
