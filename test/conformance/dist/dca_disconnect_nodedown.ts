// disconnect_node/1: {nodedown, Peer} for each monitor_node/2 and for net_kernel:monitor_nodes,
// then {nodeup, Peer} to the monitor_nodes subscriber when net_adm:ping connects again.
import { _, after, disconnect_node, io, list, monitor_node, on, receive, timer, type List } from 'erlts';
import * as net_adm from 'erlts/net_adm';
import * as net_kernel from 'erlts/net_kernel';
import * as lists from 'erlts/lists';
import { termEquals } from '../../../runtime/internal/terms.js';
import * as global from 'erlts/global';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  io.format('monitor_nodes: ~w~n', [net_kernel.monitor_nodes(true)]);
  io.format('monitor_node: ~w~n', [monitor_node(Peer, true)]);
  io.format('monitor_node again: ~w~n', [monitor_node(Peer, true)]);
  await global.sync(); // global has done its sync since the last connect,
  await timer.sleep(100); // and its locker has let go of the lock it took for it
  io.format('disconnect_node: ~w~n', [disconnect_node(Peer)]);
  await timer.sleep(100);
  io.format('got: ~w~n', [lists.sort(await drain())]);
  io.format('ping: ~w~n', [await net_adm.ping(Peer)]);
  await receive(
    on(['nodeup', Peer], (Up) => io.format('~w~n', [termEquals(Up, ['nodeup', Peer])])),
    after(2000, () => io.format('no nodeup~n')),
  );
  io.format('monitor_node after the nodedown: ~w~n', [monitor_node(Peer, true)]);
  io.format('monitor_node false: ~w~n', [monitor_node(Peer, false)]);
  io.format('monitor_nodes false: ~w~n', [net_kernel.monitor_nodes(false)]);
  await global.sync(); // global has done its sync since the last connect,
  await timer.sleep(100); // and its locker has let go of the lock it took for it
  io.format('disconnect_node: ~w~n', [disconnect_node(Peer)]);
  await timer.sleep(100);
  io.format('got: ~w~n', [lists.sort(await drain())]);
  io.format('ping: ~w~n', [await net_adm.ping(Peer)]);
  await timer.sleep(50);
  io.format('got: ~w~n', [lists.sort(await drain())]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (M) => list(M, ...(await drain()))),
    after(0, () => list()),
  );
}
