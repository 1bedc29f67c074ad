import { io, is_alive, list, node, nodes } from 'erlts';
import * as net_adm from 'erlts/net_adm';
import * as rpc from 'erlts/rpc';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  io.format('ping peer: ~w~n', [await net_adm.ping(Peer)]);
  io.format('peer in nodes(): ~w~n', [nodes().includes(Peer)]);
  io.format('peer in nodes(connected): ~w~n', [nodes('connected').includes(Peer)]);
  io.format('alive: ~w~n', [is_alive()]);
  io.format('ping nobody: ~w~n', [await net_adm.ping('nobody_here@localhost')]);
  const theirs = (await rpc.call(Peer, 'erlang', 'nodes', list())) as string[];
  io.format('peer sees us: ~w~n', [theirs.includes(node())]);
  io.format('peer pings us: ~w~n', [await rpc.call(Peer, 'net_adm', 'ping', list(node()))]);
}
