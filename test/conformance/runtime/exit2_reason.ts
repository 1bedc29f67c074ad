// exit/2 with any other reason: a trapping target gets it as a message, a
// non-trapping target dies with that reason.
import {
  self,
  send,
  spawn,
  spawn_monitor,
  monitor,
  exit,
  process_flag,
  receive,
  on,
  after,
  _,
  list,
  io,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  const Self = self();
  const Trapper = spawn(async () => {
    process_flag('trap_exit', true);
    send(Self, 'ready');
    await receive(on(_, (M) => send(Self, ['trapper_got', M])));
  });
  await receive(on('ready', () => 'ok'));
  exit(Trapper, ['custom', 'reason', list(1, 2)]);
  await receive(on(['trapper_got', _], ([, M]) => io.format('trapping target got: ~p~n', [M])));
  const NonTrapper = spawn(async () => receive(on('never', () => 'ok')));
  const Ref = monitor('process', NonTrapper);
  if (exit(NonTrapper, ['custom', 'reason']) !== true) throw new Error('badmatch');
  await receive(
    on(['DOWN', Ref, 'process', NonTrapper, _], ([, , , , R]) =>
      io.format('non-trapping target died: ~p~n', [R]),
    ),
  );
  const [Dead, Ref2] = spawn_monitor(() => 'ok');
  await receive(on(['DOWN', Ref2, 'process', Dead, _], () => 'ok'));
  io.format('exit/2 to a dead pid: ~p~n', [exit(Dead, 'whatever')]);
  io.format('mailbox: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
