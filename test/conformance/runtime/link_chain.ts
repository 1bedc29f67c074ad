// An error at the end of a chain of linked processes kills each of them in
// turn with the same reason; a trapping head gets it as a message.
import {
  self,
  send,
  spawn,
  spawn_link,
  monitor,
  exit,
  process_flag,
  is_process_alive,
  receive,
  on,
  _,
  list,
  io,
  type Pid,
} from 'erlts';

export default async function main(): Promise<void> {
  const Self = self();
  const Head = spawn(async () => {
    process_flag('trap_exit', true);
    await chain(Self, 4);
  });
  const Pids = await receive(on(['chain', _], ([, Ps]) => Ps as Pid[]));
  io.format('chain length: ~p~n', [Pids.length]);
  const Refs = Pids.map((P) => monitor('process', P));
  const HeadRef = monitor('process', Head);
  const Last = Pids[Pids.length - 1] as Pid;
  send(Last, 'crash');
  for (const [R, P] of Refs.map((R, i) => [R, Pids[i] as Pid] as const).reverse()) {
    await receive(on(['DOWN', R, 'process', P, _], ([, , , , Why]) => io.format('~p down: ~p~n', [P, Why])));
  }
  await receive(on(['head_got', _], ([, M]) => io.format('head got: ~p~n', [M])));
  send(Head, 'stop');
  await receive(
    on(['DOWN', HeadRef, 'process', Head, _], ([, , , , HeadWhy]) => io.format('head down: ~p~n', [HeadWhy])),
  );
  io.format('all dead: ~p~n', [list(...Pids.map((P) => is_process_alive(P)))]);
}

/** Spawns N linked processes in a row below the caller and reports them. */
async function chain(Top: Pid, N: number): Promise<void> {
  const First = spawn_link(() => link_next(Top, N - 1, []));
  await receive(on(['EXIT', First, _], (M) => send(Top, ['head_got', M])));
  await receive(on('stop', () => 'ok'));
}

async function link_next(Top: Pid, N: number, Acc: Pid[]): Promise<void> {
  if (N === 0) {
    send(Top, ['chain', list(...[self(), ...Acc].reverse())]);
    await receive(on('crash', () => exit('boom')));
    return;
  }
  const Me = self();
  spawn_link(() => link_next(Top, N - 1, [Me, ...Acc]));
  await receive(on('never', () => 'ok'));
}
