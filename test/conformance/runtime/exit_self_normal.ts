// exit(self(), normal) ends a process that does not trap exits; one that
// traps exits gets {'EXIT', Self, normal} and goes on.
import {
  self,
  send,
  spawn_monitor,
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
  const [P1, R1] = spawn_monitor(() => {
    exit(self(), 'normal');
    send(Self, 'not_reached');
  });
  await receive(
    on(['DOWN', R1, 'process', P1, _], ([, , , , Why1]) => io.format('not trapping: ~p~n', [Why1])),
  );
  const [P2, R2] = spawn_monitor(async () => {
    process_flag('trap_exit', true);
    exit(self(), 'normal');
    await receive(on(_, (M) => send(Self, ['trapped', M])));
    send(Self, 'still_alive');
  });
  await receive(
    on(['trapped', _], ([, M2]) =>
      io.format('trapping: ~p, from itself: ~p~n', [M2, (M2 as unknown[])[1] === P2]),
    ),
  );
  await receive(on('still_alive', () => io.format('still alive~n')));
  await receive(
    on(['DOWN', R2, 'process', P2, _], ([, , , , Why2]) => io.format('then exited: ~p~n', [Why2])),
  );
  io.format('mailbox: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
