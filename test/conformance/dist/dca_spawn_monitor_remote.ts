// spawn_monitor/4 on the peer: the reference is the monitor's, the DOWN carries how the process
// ended; demonitor/2 of it with flush leaves nothing.
import {
  _,
  after,
  demonitor,
  exit,
  io,
  is_reference,
  list,
  node,
  on,
  receive,
  self,
  send,
  spawn_monitor,
} from 'erlts';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const [P1, R1] = await spawn_monitor(Peer, 'dist_peer', 'exit_with', list('bye'));
  io.format('pid of the peer: ~w, ref: ~w~n', [node(P1) === Peer, is_reference(R1)]);
  await receive(
    on(['DOWN', R1, 'process', _, _], ([, , , O1, I1]) =>
      io.format('DOWN ~w ~w~n', [termEquals(O1, P1), I1]),
    ),
    after(2000, () => io.format('no DOWN~n')),
  );
  const [P2, R2] = await spawn_monitor(Peer, 'dist_peer', 'sum', list(list(1, 2, 3)));
  await receive(
    on(['DOWN', R2, 'process', P2, _], ([, , , , I2]) => io.format('returned: DOWN ~w~n', [I2])),
    after(2000, () => io.format('no DOWN~n')),
  );
  const [P3, R3] = await spawn_monitor(Peer, 'dist_peer', 'exit_after', list(50, ['shutdown', 'late']));
  await receive(
    on(['DOWN', R3, 'process', P3, _], ([, , , , I3]) => io.format('later: DOWN ~w~n', [I3])),
    after(2000, () => io.format('no DOWN~n')),
  );
  const [P4, R4] = await spawn_monitor(Peer, 'dist_peer', 'echo', list());
  send(P4, [self(), 'hi']);
  await receive(
    on([P4, 'hi'], () => io.format('it runs: hi~n')),
    after(2000, () => io.format('no echo~n')),
  );
  io.format('demonitor: ~w~n', [demonitor(R4, ['flush'])]);
  exit(P4, 'kill');
  const [P5, R5] = await spawn_monitor(Peer, 'dist_peer', 'echo', list());
  exit(P5, 'kill');
  await receive(
    on(['DOWN', R5, 'process', P5, _], ([, , , , I5]) => io.format('killed: DOWN ~w~n', [I5])),
    after(2000, () => io.format('no DOWN~n')),
  );
  await receive(
    on(_, (Other) => io.format('unexpected ~w~n', [Other])),
    after(100, () => io.format('nothing else~n')),
  );
}
