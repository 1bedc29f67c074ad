// Linking a dead process without trapping exits raises error:noproc.
import { spawn_monitor, link, receive, on, after, _, list, timer, io, type List } from 'erlts';
import { catch_, classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const [Dead, Ref] = spawn_monitor(() => 'ok');
  await receive(on(['DOWN', Ref, 'process', Dead, 'normal'], () => 'ok'));
  let R: unknown;
  try {
    R = link(Dead);
    io.format('link returned ~p~n', [R]);
  } catch (e) {
    const [Class, Reason] = classOf(e);
    io.format('caught ~p:~p~n', [Class, Reason]);
  }
  const Caught = await catch_(() => link(Dead));
  if (Array.isArray(Caught) && Caught[0] === 'EXIT' && Array.isArray(Caught[1]) && Caught[1].length === 2) {
    io.format('catch gave an EXIT: ~p~n', [Caught[1][0]]);
  } else {
    io.format('catch gave ~p~n', [Caught]);
  }
  await timer.sleep(20);
  io.format('still alive, mailbox: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
