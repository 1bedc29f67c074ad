// monitor/2 of a dead pid of the peer, and of a name nobody has there: a `noproc` DOWN at once.
// A monitor taken back before the death sends nothing.
import { _, after, demonitor, io, list, monitor, on, receive, send, spawn, spawn_monitor } from 'erlts';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const [P, Ref] = await spawn_monitor(Peer, 'dist_peer', 'exit_with', list('done'));
  await receive(on(['DOWN', Ref, 'process', P, _], ([, , , , R]) => io.format('DOWN ~w~n', [R])));
  const Ref2 = monitor('process', P);
  await receive(
    on(['DOWN', Ref2, 'process', _, _], ([, , , O2, I2]) =>
      io.format('dead pid: DOWN ~w ~w~n', [termEquals(O2, P), I2]),
    ),
    after(2000, () => io.format('no DOWN~n')),
  );
  const Ref3 = monitor('process', ['dca_nobody', Peer]);
  await receive(
    on(['DOWN', Ref3, 'process', _, _], ([, , , O3, I3]) =>
      io.format('unregistered name: DOWN ~w ~w~n', [O3, I3]),
    ),
    after(2000, () => io.format('no DOWN~n')),
  );
  const Q = await spawn(Peer, 'dist_peer', 'echo', list());
  const Ref4 = monitor('process', Q);
  const Ref5 = monitor('process', Q);
  io.format('demonitor: ~w~n', [demonitor(Ref4)]);
  send(Q, ['exit', 'foo']);
  await receive(
    on(['DOWN', Ref5, 'process', Q, _], ([, , , , I5]) => io.format('second monitor: DOWN ~w~n', [I5])),
    after(2000, () => io.format('no DOWN~n')),
  );
  await receive(
    on(['DOWN', Ref4, _, _, _], (D) => io.format('unexpected ~w~n', [D])),
    after(50, () => io.format('no DOWN for the demonitored one~n')),
  );
}
