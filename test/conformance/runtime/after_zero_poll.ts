// `after 0` polls: it takes a matching message already queued, else times
// out at once and leaves non-matching messages where they were.
import { self, send, spawn, receive, on, after, _, list, process_info, timer, io, type List } from 'erlts';

export default async function main(): Promise<void> {
  const R1 = await receive(
    on(_, (M1) => ['got', M1]),
    after(0, () => 'empty'),
  );
  io.format('empty mailbox: ~p~n', [R1]);
  send(self(), 'hello');
  const R2 = await receive(
    on('hello', () => 'got_hello'),
    after(0, () => 'empty'),
  );
  io.format('matching message: ~p~n', [R2]);
  send(self(), 'other1');
  send(self(), 'other2');
  const R3 = await receive(
    on('hello', () => 'got_hello'),
    after(0, () => 'no_match'),
  );
  io.format('non-matching messages: ~p~n', [R3]);
  io.format('still queued: ~p~n', [process_info(self(), 'message_queue_len')]);
  const Self = self();
  spawn(() => send(Self, 'from_child'));
  await timer.sleep(20);
  const R4 = await receive(
    on('from_child', () => 'got_from_child'),
    after(0, () => 'empty'),
  );
  io.format('arrived earlier: ~p~n', [R4]);
  io.format('left: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
