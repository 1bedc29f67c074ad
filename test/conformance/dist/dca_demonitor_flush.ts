// demonitor/2 of a monitor of a peer process: `flush` takes away a DOWN already in the mailbox,
// `info` says whether the monitor was still on.
import { _, after, demonitor, io, list, monitor, on, receive, send, spawn, timer } from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const P = await spawn(Peer, 'dist_peer', 'echo', list());
  const Ref = monitor('process', P);
  send(P, ['exit', 'gone']);
  await timer.sleep(100);
  io.format('demonitor [flush] after the DOWN came: ~w~n', [demonitor(Ref, ['flush'])]);
  await receive(
    on(['DOWN', Ref, _, _, _], () => io.format('DOWN still there~n')),
    after(0, () => io.format('flushed~n')),
  );
  const Q = await spawn(Peer, 'dist_peer', 'echo', list());
  const Ref2 = monitor('process', Q);
  io.format('demonitor [info] while on: ~w~n', [demonitor(Ref2, ['info'])]);
  const Ref3 = monitor('process', Q);
  send(Q, ['exit', 'gone']);
  await timer.sleep(100);
  io.format('demonitor [flush, info] after the DOWN: ~w~n', [demonitor(Ref3, ['flush', 'info'])]);
  io.format('again: ~w~n', [demonitor(Ref3, ['info'])]);
  const R = await spawn(Peer, 'dist_peer', 'echo', list());
  const Ref4 = monitor('process', R);
  send(R, ['exit', 'gone']);
  await timer.sleep(100);
  io.format('demonitor [info] after the DOWN: ~w~n', [demonitor(Ref4, ['info'])]);
  await receive(
    on(['DOWN', Ref4, 'process', R, _], ([, , , , I]) => io.format('DOWN kept: ~w~n', [I])),
    after(0, () => io.format('no DOWN~n')),
  );
  await receive(
    on(_, (Other) => io.format('unexpected ~w~n', [Other])),
    after(50, () => io.format('mailbox empty~n')),
  );
}
