// gen_server:cast to {dist_peer_srv, Peer} and to its pid, gen_server:abcast to the peer: ok at
// once, the effect seen by a later call (a cast and a call from one process keep their order).
import { _, after, float, io, list, on, receive, self, timer, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as rpc from 'erlts/rpc';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Srv: [string, string] = ['dist_peer_srv', Peer];
  io.format('cast put: ~w~n', [gen_server.cast(Srv, ['put', 'k', 'v'])]);
  // From one sender the cast comes before the call.
  io.format('get: ~w~n', [await gen_server.call(Srv, ['get', 'k'])]);
  io.format('cast tell: ~w~n', [gen_server.cast(Srv, ['tell', self(), ['told', 1]])]);
  await receive(
    on(_, (Told) => io.format('got: ~w~n', [Told])),
    after(2000, () => io.format('nothing~n')),
  );
  io.format('cast tell with pid: ~w~n', [gen_server.cast(Srv, ['tell', self(), ['told', self()]])]);
  await receive(
    on(['told', _], ([, P]) => io.format('got our pid: ~w~n', [P === self()])),
    after(2000, () => io.format('nothing~n')),
  );
  const Pid = (await rpc.call(Peer, 'erlang', 'whereis', ['dist_peer_srv'])) as Pid;
  io.format('cast by pid: ~w~n', [gen_server.cast(Pid, ['put', 'k2', float(2)])]);
  io.format('get: ~w~n', [await gen_server.call(Srv, ['get', 'k2'])]);
  io.format('abcast: ~w~n', [gen_server.abcast([Peer], 'dist_peer_srv', ['put', 'k3', list('a', list(98))])]);
  await timer.sleep(50);
  io.format('get: ~w~n', [await gen_server.call(Srv, ['get', 'k3'])]);
  io.format('server alive: ~w~n', [await rpc.call(Peer, 'erlang', 'is_process_alive', [Pid])]);
  io.format('clear: ~w~n', [await gen_server.call(Srv, 'clear')]);
}
