// erlang:send_after/3 delivers in time order, to a pid or a name.
import {
  self,
  send_after,
  register,
  unregister,
  is_reference,
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
  const T1 = send_after(60, self(), 'late');
  const T2 = send_after(20, self(), 'early');
  io.format('refs: ~p ~p~n', [is_reference(T1), is_reference(T2)]);
  await receive(on(_, (M1) => io.format('first: ~p~n', [M1])));
  await receive(on(_, (M2) => io.format('second: ~p~n', [M2])));
  register('conf_timer_target', self());
  send_after(10, 'conf_timer_target', 'by_name');
  await receive(on(_, (M3) => io.format('by name: ~p~n', [M3])));
  unregister('conf_timer_target');
  send_after(10, 'conf_timer_nobody', 'lost');
  send_after(0, self(), 'zero');
  await receive(on(_, (M4) => io.format('after 0 ms: ~p~n', [M4])));
  await timer.sleep(30);
  io.format('mailbox: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
