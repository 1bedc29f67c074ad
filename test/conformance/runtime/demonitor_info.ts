// demonitor(Ref, [info]) tells whether the monitor was still active.
import {
  send,
  spawn,
  spawn_monitor,
  monitor,
  demonitor,
  receive,
  on,
  after,
  _,
  list,
  timer,
  io,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  const P = spawn(async () => receive(on('stop', () => 'ok')));
  const Ref = monitor('process', P);
  io.format('active monitor: ~p~n', [demonitor(Ref, ['info'])]);
  io.format('again: ~p~n', [demonitor(Ref, ['info'])]);
  const Ref2 = monitor('process', P);
  send(P, 'stop');
  await timer.sleep(20);
  io.format('after its DOWN: ~p~n', [demonitor(Ref2, ['info'])]);
  io.format('mailbox: ~p~n', [(await drain()).length]);
  const [, Ref3] = spawn_monitor(() => 'ok');
  await timer.sleep(20);
  io.format('flush and info: ~p~n', [demonitor(Ref3, ['flush', 'info'])]);
  io.format('mailbox: ~p~n', [await drain()]);
  const P4 = spawn(async () => receive(on('stop', () => 'ok')));
  const Ref4 = monitor('process', P4);
  io.format('flush and info, active: ~p~n', [demonitor(Ref4, ['flush', 'info'])]);
  send(P4, 'stop');
  await timer.sleep(20);
  io.format('mailbox: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
