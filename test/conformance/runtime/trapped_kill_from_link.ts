// A linked process killed with exit(P, kill) sends killed to its links;
// a process that exits with reason kill itself sends plain kill, which a
// trapping link receives as a message and a non-trapping one dies of.
import {
  self,
  send,
  spawn_link,
  exit,
  process_flag,
  receive,
  on,
  after,
  _,
  is_pid,
  is,
  list,
  io,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  process_flag('trap_exit', true);
  const Self = self();
  const Linked = spawn_link(async () => receive(on('never', () => 'ok')));
  exit(Linked, 'kill');
  await receive(on(['EXIT', Linked, _], (M1) => io.format('~p~n', [M1])));
  const A = spawn_link(async () => {
    const B = spawn_link(async () => receive(on('never', () => 'ok')));
    send(Self, ['b', B]);
    await receive(on('never', () => 'ok'));
  });
  const B = await receive(on(['b', is(is_pid)], ([, Pb]) => Pb));
  exit(B, 'kill');
  await receive(on(['EXIT', A, _], ([, , RA]) => io.format('middle process died: ~p~n', [RA])));
  const C = spawn_link(() => exit('kill'));
  await receive(on(['EXIT', C, _], (M3) => io.format('~p~n', [M3])));
  const D = spawn_link(async () => {
    const E = spawn_link(async () => receive(on('go', () => exit('kill'))));
    send(Self, ['e', E]);
    await receive(on('never', () => 'ok'));
  });
  const E = await receive(on(['e', is(is_pid)], ([, Pe]) => Pe));
  send(E, 'go');
  await receive(
    on(['EXIT', D, _], ([, , RD]) => io.format('non-trapping link of exit(kill) died: ~p~n', [RD])),
  );
  io.format('mailbox: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
