// A normal exit signal is ignored by a process that does not trap exits,
// whether it comes from a link or from exit/2.
import {
  self,
  send,
  spawn,
  link,
  exit,
  is_process_alive,
  process_info,
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
  const Child = spawn(async () => receive(on('stop', () => 'ok')));
  link(Child);
  send(Child, 'stop');
  await timer.sleep(20);
  io.format('child alive: ~p~n', [is_process_alive(Child)]);
  io.format('links after the child ended: ~p~n', [process_info(self(), 'links')]);
  const Other = spawn(async () => receive(on('stop', () => 'ok')));
  exit(Other, 'normal');
  await timer.sleep(20);
  io.format('exit(Other, normal) ignored: ~p~n', [is_process_alive(Other)]);
  send(Other, 'stop');
  await timer.sleep(20);
  io.format('other alive after stop: ~p~n', [is_process_alive(Other)]);
  io.format('mailbox: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
