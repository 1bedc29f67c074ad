// A link to a process of the peer: its exit reason reaches a trapping driver process as an
// EXIT message, and kills a driver process that does not trap exits with the same reason.
import {
  _,
  after,
  float,
  io,
  link,
  list,
  make_ref,
  on,
  process_flag,
  receive,
  self,
  send,
  spawn,
  spawn_monitor,
  type Pid,
} from 'erlts';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  process_flag('trap_exit', true);
  const Reasons = [
    'foo',
    ['shutdown', 'tired'],
    list(1, 2, 3),
    Buffer.from('bin'),
    42,
    ['a', 1.5, list(...Buffer.from('str', 'latin1'))],
    [float(1), self(), make_ref()],
  ];
  for (const Reason of Reasons) {
    const P = await spawn(Peer, 'dist_peer', 'echo', list());
    const Linked = link(P);
    send(P, ['exit', Reason]);
    await receive(
      on(['EXIT', P, _], ([, , R]) => io.format('link ~w, EXIT ~w~n', [Linked, R])),
      after(2000, () => io.format('no EXIT~n')),
    );
  }
  const Q = await spawn(Peer, 'dist_peer', 'echo', list());
  link(Q);
  const Big = Buffer.from('0123456789'.repeat(20000));
  send(Q, ['exit', ['big', Big]]);
  await receive(
    on(['EXIT', Q, ['big', _]], ([, , [, B]]) =>
      io.format('a 200 kB reason: ~w ~w~n', [(B as Buffer).length, termEquals(B, Big)]),
    ),
    after(2000, () => io.format('no EXIT~n')),
  );
  const P: Pid = await spawn(Peer, 'dist_peer', 'echo', list());
  const [L, Ref] = spawn_monitor(async () => {
    link(P);
    send(P, ['exit', 'bye']);
    await receive(on('never'));
  });
  await receive(
    on(['DOWN', Ref, 'process', L, _], ([, , , , R]) => io.format('not trapping: DOWN ~w~n', [R])),
    after(2000, () => io.format('no DOWN~n')),
  );
  io.format('trap_exit was ~w~n', [process_flag('trap_exit', false)]);
}
