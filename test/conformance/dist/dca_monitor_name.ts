// monitor/2 of {Name, Node} on the peer: the DOWN's object is {Name, Node}, not the pid; a name
// registered after the monitor was made does not count.
import { _, after, demonitor, io, list, monitor, on, receive, self, send, spawn } from 'erlts';
import * as rpc from 'erlts/rpc';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const P = await spawn(Peer, 'dist_peer', 'echo', list());
  io.format('register there: ~w~n', [await rpc.call(Peer, 'erlang', 'register', list('dca_named', P))]);
  const Ref = monitor('process', ['dca_named', Peer]);
  send(['dca_named', Peer], [self(), 'hi']);
  await receive(
    on([P, 'hi'], () => io.format('echo by name: hi~n')),
    after(2000, () => io.format('no echo~n')),
  );
  send(['dca_named', Peer], ['exit', ['shutdown', 'bye']]);
  await receive(
    on(['DOWN', Ref, 'process', _, _], ([, , , Object, Info]) =>
      io.format('DOWN ~w ~w, object is the pid: ~w~n', [
        termEquals(Object, ['dca_named', Peer]),
        Info,
        termEquals(Object, P),
      ]),
    ),
    after(2000, () => io.format('no DOWN~n')),
  );
  io.format('whereis there: ~w~n', [await rpc.call(Peer, 'erlang', 'whereis', list('dca_named'))]);
  const Ref2 = monitor('process', ['dca_named', Peer]);
  await receive(
    on(['DOWN', Ref2, 'process', _, _], ([, , , O2, I2]) =>
      io.format('name gone: DOWN ~w ~w~n', [termEquals(O2, ['dca_named', Peer]), I2]),
    ),
    after(2000, () => io.format('no DOWN~n')),
  );
  const Ref3 = monitor('process', ['dist_peer_echo', Peer]);
  io.format("demonitor the peer's echo: ~w~n", [demonitor(Ref3, ['flush', 'info'])]);
  send(['dist_peer_echo', Peer], [self(), 'still']);
  await receive(
    on(['dist_peer_echo', _], ([, M]) => io.format('echo by name: ~w~n', [M])),
    after(2000, () => io.format('no echo~n')),
  );
}
