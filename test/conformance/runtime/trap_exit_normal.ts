// A process trapping exits gets {'EXIT', Pid, Reason} messages instead of
// exit signals, normal included.
import {
  self,
  spawn,
  spawn_link,
  exit,
  process_flag,
  receive,
  on,
  after,
  _,
  list,
  io,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  const Old = process_flag('trap_exit', true);
  io.format('old trap_exit: ~p~n', [Old]);
  const Child = spawn_link(() => 'ok');
  await receive(on(['EXIT', Child, _], (M1) => io.format('~p~n', [M1])));
  const Child2 = spawn_link(() => exit('done'));
  await receive(on(['EXIT', Child2, _], (M2) => io.format('~p~n', [M2])));
  const Self = self();
  const Child3 = spawn(() => {
    exit(Self, 'normal');
    exit(Self, ['custom', 1]);
  });
  await receive(on(['EXIT', Child3, _], (M3) => io.format('~p~n', [M3])));
  await receive(on(['EXIT', Child3, _], (M4) => io.format('~p~n', [M4])));
  io.format('set back: ~p~n', [process_flag('trap_exit', false)]);
  io.format('mailbox: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
