// cancel_timer gives false once the timer fired, and the time left (an
// integer) before; a cancelled timer sends nothing.
import {
  self,
  send_after,
  start_timer,
  cancel_timer,
  is_integer,
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
  const T1 = send_after(10, self(), 'fired');
  await receive(on('fired', () => io.format('fired~n')));
  io.format('cancel after firing: ~p~n', [cancel_timer(T1)]);
  const T2 = send_after(1000, self(), 'never');
  const Left = cancel_timer(T2);
  io.format('cancel before firing gives an integer: ~p~n', [is_integer(Left)]);
  io.format('cancel again: ~p~n', [cancel_timer(T2)]);
  const T3 = start_timer(20, self(), 'never_either');
  io.format('start_timer cancelled: ~p~n', [is_integer(cancel_timer(T3))]);
  await timer.sleep(40);
  io.format('mailbox: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
