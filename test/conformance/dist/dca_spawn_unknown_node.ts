// spawn/4, spawn_link/4 and spawn_monitor/4 on a node that does not exist: each gives a pid of
// this node (a process that only says it could not start the function, and exits `noconnection`),
// so a link brings `noconnection`, a monitor a `noconnection` DOWN; it does not live on.
import {
  _,
  after,
  io,
  is_process_alive,
  list,
  node,
  nodes,
  on,
  process_flag,
  receive,
  spawn,
  spawn_link,
  spawn_monitor,
  timer,
} from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Host = Peer.split('@')[1] ?? '';
  const Nobody = `dca_nobody@${Host}`;
  process_flag('trap_exit', true);
  const P1 = await spawn_link(Nobody, 'dist_peer', 'echo', list());
  io.format('spawn_link: a pid of this node: ~w~n', [node(P1) === node()]);
  await receive(
    on(['EXIT', P1, _], ([, , R1]) => io.format('EXIT ~w~n', [R1])),
    after(2000, () => io.format('no EXIT~n')),
  );
  const [P2, Ref] = await spawn_monitor(Nobody, 'dist_peer', 'echo', list());
  io.format('spawn_monitor: a pid of this node: ~w~n', [node(P2) === node()]);
  await receive(
    on(['DOWN', Ref, 'process', P2, _], ([, , , , R2]) => io.format('DOWN ~w~n', [R2])),
    after(2000, () => io.format('no DOWN~n')),
  );
  const P3 = await spawn(Nobody, 'dist_peer', 'echo', list());
  io.format('spawn: a pid of this node: ~w~n', [node(P3) === node()]);
  await timer.sleep(100);
  io.format('alive after a while: ~w~n', [is_process_alive(P3)]);
  process_flag('trap_exit', false);
  const [L, LRef] = spawn_monitor(async () => {
    await spawn_link(Nobody, 'dist_peer', 'echo', list());
    await receive(on('never'));
  });
  await receive(
    on(['DOWN', LRef, 'process', L, _], ([, , , , R4]) =>
      io.format('not trapping, spawn_link: DOWN ~w~n', [R4]),
    ),
    after(2000, () => io.format('no DOWN~n')),
  );
  io.format('in nodes(): ~w~n', [nodes().includes(Nobody)]);
  await receive(
    on(_, (Other) => io.format('unexpected ~w~n', [Other])),
    after(50, () => io.format('nothing else~n')),
  );
}
