// Monitoring a dead pid gives a DOWN with noproc; demonitor/1 right after
// such a monitor guarantees its DOWN never shows up (Erlang delivers the
// noproc DOWN as a signal, and demonitor drops it).
// Terms holding refs print with ~w: an Erlang ref's text length varies from run to
// run, so ~p would break lines at different places.
import { spawn_monitor, monitor, demonitor, receive, on, after, _, list, timer, io, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [Dead, Ref] = spawn_monitor(() => 'ok');
  await receive(on(['DOWN', Ref, 'process', Dead, 'normal'], () => 'ok'));
  const Ref2 = monitor('process', Dead);
  await receive(
    on(['DOWN', Ref2, 'process', _, _], (M) => io.format('~p~n', [M])),
    after(100, () => io.format('no DOWN~n')),
  );
  const Ref3 = monitor('process', Dead);
  io.format('demonitor a noproc monitor: ~p~n', [demonitor(Ref3)]);
  await timer.sleep(20);
  io.format('mailbox: ~w~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
