// net_kernel:monitor_nodes/2 with options: given as a list, the messages carry an info list
// ({nodedown, Node, [{nodedown_reason, disconnect}]} after disconnect_node/1, node_type only when
// asked for); given as a map, an info map. monitor_nodes(false, Opts) ends every subscription made
// with the same options. Bad options are errors that say what is wrong.
import {
  _,
  after,
  disconnect_node,
  io,
  is_integer,
  is_list,
  list,
  on,
  receive,
  timer,
  type List,
} from 'erlts';
import * as lists from 'erlts/lists';
import * as net_adm from 'erlts/net_adm';
import * as net_kernel from 'erlts/net_kernel';
import * as global from 'erlts/global';
import { peer } from './peer/peer.js';

type Options = Parameters<typeof net_kernel.monitor_nodes>[1];

export default async function main(): Promise<void> {
  const Peer = peer();
  const Lists: unknown[] = [
    list('nodedown_reason'),
    list(['node_type', 'all']),
    list(['node_type', 'visible'], 'nodedown_reason'),
    list('connection_id', 'nodedown_reason'),
  ];
  const Maps: unknown[] = [{}, { nodedown_reason: true, node_type: 'visible' }, { connection_id: true }];
  io.format('ping: ~w~n', [await net_adm.ping(Peer)]);
  for (const O of [...Lists, ...Maps]) {
    io.format('monitor_nodes(true, ~w): ~w~n', [O, net_kernel.monitor_nodes(true, O as Options)]);
  }
  await global.sync(); // global has done its sync since the last connect,
  await timer.sleep(100); // and its locker has let go of the lock it took for it
  io.format('disconnect_node: ~w~n', [disconnect_node(Peer)]);
  await timer.sleep(100);
  show(await drain());
  io.format('ping: ~w~n', [await net_adm.ping(Peer)]);
  await timer.sleep(50);
  show(await drain());
  io.format('off: ~w~n', [
    list(...[...Lists, ...Maps].map((O) => net_kernel.monitor_nodes(false, O as Options))),
  ]);
  // Subscribed twice with the same options: each message comes twice; unsubscribed once: none.
  net_kernel.monitor_nodes(true);
  net_kernel.monitor_nodes(true);
  net_kernel.monitor_nodes(true, ['nodedown_reason']);
  net_kernel.monitor_nodes(true, ['nodedown_reason', 'nodedown_reason']);
  await global.sync(); // global has done its sync since the last connect,
  await timer.sleep(100); // and its locker has let go of the lock it took for it
  io.format('disconnect_node: ~w~n', [disconnect_node(Peer)]);
  await timer.sleep(100);
  io.format('ping: ~w~n', [await net_adm.ping(Peer)]);
  await timer.sleep(50);
  show(await drain());
  io.format('false once each: ~w ~w~n', [
    net_kernel.monitor_nodes(false),
    net_kernel.monitor_nodes(false, ['nodedown_reason']),
  ]);
  await global.sync(); // global has done its sync since the last connect,
  await timer.sleep(100); // and its locker has let go of the lock it took for it
  io.format('disconnect_node: ~w~n', [disconnect_node(Peer)]);
  await timer.sleep(100);
  io.format('ping: ~w~n', [await net_adm.ping(Peer)]);
  await timer.sleep(50);
  show(await drain());
  const Bad: unknown[] = [
    list('bad'),
    list(['node_type', 'x']),
    list(['node_type', 'all'], ['node_type', 'visible']),
    list('bad', 'nodedown_reason', 'bad2'),
    list('bad', ['node_type', 'all'], 'bad2'),
    list('bad', ['node_type', 'all'], 'nodedown_reason', 'bad2'),
    'foo',
    { bad: 1 },
    { node_type: 'foo' },
    { nodedown_reason: 1 },
  ];
  for (const O of Bad) {
    io.format('monitor_nodes(true, ~w): ~w~n', [O, net_kernel.monitor_nodes(true, O as Options)]);
  }
  io.format('monitor_nodes(foo): ~w~n', [net_kernel.monitor_nodes('foo' as unknown as boolean)]);
  io.format('monitor_nodes(foo, []): ~w~n', [net_kernel.monitor_nodes('foo' as unknown as boolean, [])]);
}

/** The messages in term order, each connection id replaced by whether it is an integer. */
function show(Msgs: List): void {
  for (const M of lists.sort(list(...Msgs.map(id)))) io.format('  ~w~n', [M]);
}

function id(M: unknown): unknown {
  if (!Array.isArray(M) || is_list(M) || M.length !== 3) return M;
  const [What, Node, Info] = M as [unknown, unknown, unknown];
  if (is_list(Info)) {
    return [
      What,
      Node,
      list(
        ...Info.map((I) =>
          Array.isArray(I) && I[0] === 'connection_id' ? ['connection_id', is_integer(I[1])] : I,
        ),
      ),
    ];
  }
  const map = Info as Record<string, unknown>;
  if ('connection_id' in map)
    return [What, Node, { ...map, connection_id: is_integer(map['connection_id']) }];
  return M;
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (M) => list(M, ...(await drain()))),
    after(0, () => list()),
  );
}
