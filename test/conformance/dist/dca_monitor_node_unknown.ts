// monitor_node/2 of a node that does not exist: {nodedown, Node} comes at once, and the node is in
// no nodes() list; net_kernel:monitor_nodes says nothing of a connection that never came up.
import { _, after, io, list, monitor_node, nodes, on, receive, timer, type List } from 'erlts';
import * as net_kernel from 'erlts/net_kernel';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Host = Peer.split('@')[1] ?? '';
  const Nobody = `dca_nobody@${Host}`;
  net_kernel.monitor_nodes(true);
  io.format('monitor_node: ~w~n', [monitor_node(Nobody, true)]);
  await receive(
    on(['nodedown', Nobody], () => io.format('nodedown for the node that is not there~n')),
    after(2000, () => io.format('no nodedown~n')),
  );
  io.format('in nodes(): ~w~n', [nodes().includes(Nobody)]);
  io.format('monitor_node twice: ~w ~w~n', [monitor_node(Nobody, true), monitor_node(Nobody, true)]);
  await timer.sleep(100);
  io.format('got: ~w~n', [list(...(await drain()).map((M) => termEquals(M, ['nodedown', Nobody])))]);
  io.format('monitor_node of the peer, then false: ~w ~w~n', [
    monitor_node(Peer, true),
    monitor_node(Peer, false),
  ]);
  io.format('monitor_node false of no monitor: ~w~n', [monitor_node(Nobody, false)]);
  await timer.sleep(50);
  io.format('got: ~w~n', [await drain()]);
  net_kernel.monitor_nodes(false);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (M) => list(M, ...(await drain()))),
    after(0, () => list()),
  );
}
