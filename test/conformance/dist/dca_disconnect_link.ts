// disconnect_node/1 while linked to and monitoring processes of the peer: the link breaks with
// `noconnection` on both sides, the monitor fires `noconnection`; ping connects again.
import {
  _,
  after,
  disconnect_node,
  io,
  link,
  list,
  monitor,
  nodes,
  on,
  process_flag,
  receive,
  self,
  send,
  spawn,
  timer,
} from 'erlts';
import * as net_adm from 'erlts/net_adm';
import * as rpc from 'erlts/rpc';
import * as global from 'erlts/global';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  process_flag('trap_exit', true);
  const P = await spawn(Peer, 'dist_peer', 'echo', list());
  link(P);
  const M = await spawn(Peer, 'dist_peer', 'echo', list());
  const Ref = monitor('process', M);
  send(P, [self(), 'a']);
  await receive(on([P, 'a']));
  send(M, [self(), 'b']);
  await receive(on([M, 'b']));
  await global.sync(); // global has done its sync since the last connect,
  await timer.sleep(100); // and its locker has let go of the lock it took for it
  io.format('disconnect_node: ~w~n', [disconnect_node(Peer)]);
  await receive(
    on(['EXIT', P, _], ([, , R1]) => io.format('EXIT ~w~n', [R1])),
    after(2000, () => io.format('no EXIT~n')),
  );
  await receive(
    on(['DOWN', Ref, 'process', M, _], ([, , , , R2]) => io.format('DOWN ~w~n', [R2])),
    after(2000, () => io.format('no DOWN~n')),
  );
  io.format('in nodes(): ~w~n', [nodes().includes(Peer)]);
  io.format('disconnect_node again: ~w~n', [disconnect_node(Peer)]);
  io.format('ping: ~w~n', [await net_adm.ping(Peer)]);
  io.format('in nodes(): ~w~n', [nodes().includes(Peer)]);
  await timer.sleep(50);
  io.format('linked one alive there: ~w~n', [await rpc.call(Peer, 'erlang', 'is_process_alive', list(P))]);
  io.format('monitored one alive there: ~w~n', [await rpc.call(Peer, 'erlang', 'is_process_alive', list(M))]);
  send(M, [self(), 'c']);
  await receive(
    on([M, 'c'], () => io.format('monitored one answers again~n')),
    after(2000, () => io.format('no echo~n')),
  );
  send(M, 'stop');
  await receive(
    on(_, (Other) => io.format('unexpected ~w~n', [Other])),
    after(50, () => io.format('nothing else~n')),
  );
}
