// Monitoring by registered name, or by {Name, Node}, reports the item as
// {Name, Node}; an unregistered name gives noproc.
import {
  send,
  spawn,
  monitor,
  exit,
  register,
  node,
  receive,
  on,
  after,
  _,
  list,
  io,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  const Pid = spawn(async () => receive(on('stop', () => exit('stopped'))));
  register('conf_target', Pid);
  const Ref = monitor('process', 'conf_target');
  const Ref2 = monitor('process', ['conf_target', node()]);
  send('conf_target', 'stop');
  await receive(
    on(['DOWN', Ref, 'process', _, _], ([, , , Item, R]) => io.format('by name: ~p ~p~n', [Item, R])),
  );
  await receive(
    on(['DOWN', Ref2, 'process', _, _], ([, , , Item2, R2]) =>
      io.format('by {name, node}: ~p ~p~n', [Item2, R2]),
    ),
  );
  const Ref3 = monitor('process', 'conf_nobody');
  await receive(
    on(['DOWN', Ref3, 'process', _, _], ([, , , Item3, R3]) =>
      io.format('unregistered name: ~p ~p~n', [Item3, R3]),
    ),
  );
  const Ref4 = monitor('process', ['conf_nobody', node()]);
  await receive(
    on(['DOWN', Ref4, 'process', _, _], ([, , , Item4, R4]) =>
      io.format('unregistered {name, node}: ~p ~p~n', [Item4, R4]),
    ),
  );
  io.format('mailbox: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
