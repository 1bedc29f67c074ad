// demonitor(Ref, [flush]) also removes a DOWN already delivered;
// demonitor(Ref) leaves it in the mailbox.
// Terms holding refs print with ~w: an Erlang ref's text length varies from run to
// run, so ~p would break lines at different places.
import {
  self,
  send,
  spawn,
  spawn_monitor,
  monitor,
  demonitor,
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
  const [_Pid, Ref] = spawn_monitor(() => 'ok');
  await timer.sleep(20);
  io.format('queued before demonitor: ~p~n', [process_info(self(), 'message_queue_len')]);
  send(self(), 'after_down');
  io.format('demonitor flush: ~p~n', [demonitor(Ref, ['flush'])]);
  io.format('mailbox: ~w~n', [await drain()]);
  const [_Pid2, Ref2] = spawn_monitor(() => 'ok');
  await timer.sleep(20);
  io.format('demonitor without flush: ~p~n', [demonitor(Ref2)]);
  io.format('mailbox: ~w~n', [await drain()]);
  const P3 = spawn(async () => receive(on('stop', () => 'ok')));
  const Ref3 = monitor('process', P3);
  io.format('demonitor flush of a live monitor: ~p~n', [demonitor(Ref3, ['flush'])]);
  send(P3, 'stop');
  await timer.sleep(20);
  io.format('mailbox: ~w~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
