// An error raised in a receive body kills the process with {Reason, Stack},
// which propagates through a non-trapping link to a trapping process.
// Only the head of the reason is printed: the stack differs by design.
import * as erlang from 'erlts';
import {
  self,
  send,
  spawn_link,
  process_flag,
  is_process_alive,
  is_list,
  receive,
  on,
  after,
  _,
  is,
  is_pid,
  list,
  io,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  process_flag('trap_exit', true);
  const Self = self();
  const Mid = spawn_link(async () => {
    const Worker = spawn_link(async () => receive(on(['crash', _], ([, R]) => erlang.error(R))));
    send(Self, ['worker', Worker]);
    await receive(on('never', () => 'ok'));
  });
  const Worker = await receive(on(['worker', is(is_pid)], ([, W]) => W));
  send(Worker, ['crash', 'boom']);
  await receive(
    on(
      ['EXIT', Mid, [_, _]],
      ([, , [, Stack]]) => is_list(Stack),
      ([, , [Why]]) => io.format('~p died: ~p~n', [Mid, Why]),
    ),
  );
  io.format('worker alive: ~p~n', [is_process_alive(Worker)]);
  io.format('mailbox: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
