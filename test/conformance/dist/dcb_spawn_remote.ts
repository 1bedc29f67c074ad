// spawn, spawn_monitor and spawn_link of the peer's functions from here: the pid is the peer's,
// the exit reason comes back as DOWN or EXIT; towards a node that does not exist the pid is a
// pid of this node's and the monitor or link says noconnection at once.
import {
  _,
  after,
  io,
  is_pid,
  list,
  make_fun,
  monitor,
  node,
  on,
  process_flag,
  receive,
  self,
  send,
  spawn,
  spawn_link,
  spawn_monitor,
} from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Nobody = 'nobody_here@localhost';
  const P = await spawn(Peer, 'dist_peer', 'echo', []);
  io.format('spawn: ~w ~w~n', [is_pid(P), node(P) === Peer]);
  send(P, [self(), 'hi']);
  await receive(on([P, _], ([, M]) => io.format('echoed: ~w~n', [M])));
  const [P2, R2] = await spawn_monitor(Peer, 'dist_peer', 'exit_with', ['bye']);
  await receive(
    on(['DOWN', R2, 'process', P2, _], ([, , , , Why]) =>
      io.format('monitor: ~w ~w~n', [node(P2) === Peer, Why]),
    ),
  );
  const [P3, R3] = await spawn_monitor(Peer, 'erlang', 'apply', [
    make_fun('lists', 'sum', 1),
    list(list(1, 2)),
  ]);
  await receive(
    on(['DOWN', R3, 'process', P3, _], ([, , , , Why]) => io.format('apply export fun: ~w~n', [Why])),
  );
  process_flag('trap_exit', true);
  const P4 = await spawn_link(Peer, 'dist_peer', 'exit_with', ['linked_bye']);
  await receive(on(['EXIT', P4, _], ([, , Why]) => io.format('link: ~w~n', [Why])));
  const P5 = await spawn_link(Peer, 'dist_peer', 'sum', [list(1, 2)]);
  await receive(on(['EXIT', P5, _], ([, , Why]) => io.format('link normal: ~w~n', [Why])));
  const P6 = await spawn(Nobody, 'dist_peer', 'echo', []);
  io.format('spawn nodedown: ~w ~w~n', [is_pid(P6), node(P6)]);
  const [P7, R7] = await spawn_monitor(Nobody, 'dist_peer', 'echo', []);
  await receive(
    on(['DOWN', R7, 'process', P7, _], ([, , , , Why]) =>
      io.format('monitor nodedown: ~w ~w~n', [node(P7), Why]),
    ),
  );
  const P8 = await spawn_link(Nobody, 'dist_peer', 'echo', []);
  await receive(on(['EXIT', P8, _], ([, , Why]) => io.format('link nodedown: ~w ~w~n', [node(P8), Why])));
  const Ref = monitor('process', P);
  send(P, 'stop');
  await receive(on(['DOWN', Ref, 'process', P, _], ([, , , , Why]) => io.format('stopped: ~w~n', [Why])));
  io.format('mailbox: ~w~n', [
    await receive(
      on(_, (Any) => Any),
      after(50, () => 'empty'),
    ),
  ]);
}
