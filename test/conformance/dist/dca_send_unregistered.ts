// Sends that go nowhere raise nothing: to {Name, Peer} of a name nobody has there, to a dead pid of
// the peer, to {Name, Node} of a node that does not exist; the connection is unharmed.
import { _, after, io, list, nodes, on, receive, self, send, spawn_monitor, timer } from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Host = Peer.split('@')[1] ?? '';
  const Nobody = `dca_nobody@${Host}`;
  io.format('to an unregistered name: ~w~n', [send(['dca_nobody', Peer], 'hello')]);
  io.format('erlang:send: ~w~n', [send(['dca_nobody', Peer], 'hello')]);
  const [P, Ref] = await spawn_monitor(Peer, 'dist_peer', 'exit_with', list('done'));
  await receive(on(['DOWN', Ref, 'process', P, _]));
  io.format('to a dead pid: ~w~n', [send(P, 'hello')]);
  io.format('to a node that is not there: ~w~n', [send(['dca_nobody', Nobody], 'hello')]);
  send(['dist_peer_echo', Peer], [self(), 'still']);
  await receive(
    on(['dist_peer_echo', _], ([, M]) => io.format('the peer answers: ~w~n', [M])),
    after(2000, () => io.format('no answer~n')),
  );
  io.format('peer in nodes(): ~w~n', [nodes().includes(Peer)]);
  await timer.sleep(100);
  io.format('nobody in nodes(): ~w~n', [nodes().includes(Nobody)]);
  await receive(
    on(_, (Other) => io.format('unexpected ~w~n', [Other])),
    after(50, () => io.format('nothing else~n')),
  );
}
