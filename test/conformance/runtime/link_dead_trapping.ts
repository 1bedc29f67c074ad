// Linking a dead process while trapping exits gives true and an
// {'EXIT', Dead, noproc} message.
import {
  self,
  spawn_monitor,
  link,
  process_flag,
  process_info,
  receive,
  on,
  after,
  _,
  list,
  io,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  const [Dead, Ref] = spawn_monitor(() => 'ok');
  await receive(on(['DOWN', Ref, 'process', Dead, 'normal'], () => 'ok'));
  process_flag('trap_exit', true);
  io.format('link: ~p~n', [link(Dead)]);
  await receive(
    on(_, (M) => io.format('~p~n', [M])),
    after(100, () => io.format('no message~n')),
  );
  io.format('~p~n', [process_info(self(), 'links')]);
  io.format('mailbox: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
