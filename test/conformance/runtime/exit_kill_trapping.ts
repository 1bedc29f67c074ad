// kill cannot be trapped: the target dies with reason killed.
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
  const Victim = spawn(async () => {
    process_flag('trap_exit', true);
    send(Self, 'ready');
    await receive(on('never', () => 'ok'));
  });
  await receive(on('ready', () => 'ok'));
  const Ref = monitor('process', Victim);
  exit(Victim, 'kill');
  await receive(on(['DOWN', Ref, 'process', Victim, _], (M1) => io.format('~p~n', [M1])));
  const [P2, Ref2] = spawn_monitor(() => {
    process_flag('trap_exit', true);
    exit(self(), 'kill');
    send(Self, 'not_reached');
  });
  await receive(
    on(['DOWN', Ref2, 'process', P2, _], ([, , , , R2]) =>
      io.format('exit(self(), kill) while trapping: ~p~n', [R2]),
    ),
  );
  const Plain = spawn(async () => receive(on('never', () => 'ok')));
  const Ref3 = monitor('process', Plain);
  exit(Plain, 'kill');
  await receive(
    on(['DOWN', Ref3, 'process', Plain, _], ([, , , , R3]) => io.format('not trapping: ~p~n', [R3])),
  );
  io.format('mailbox: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
