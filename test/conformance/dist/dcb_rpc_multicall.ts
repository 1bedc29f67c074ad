// rpc:multicall and erpc:multicall over the peer (once or more), a node that does not exist, and
// none; results of each class, a timeout making the peer a bad node, nothing left behind.
import { _, after, io, is_list, is_tuple, list, on, receive, timer, type List } from 'erlts';
import * as rpc from 'erlts/rpc';
import * as erpc from 'erlts/erpc';
import { peer } from './peer/peer.js';

async function flush(): Promise<List> {
  return receive(
    on(_, async (M) => list(M, ...(await flush()))),
    after(0, () => list()),
  );
}

const nonEmpty = (S: unknown): boolean => is_list(S) && S.length > 0;

/** An error's stack as the atom `stack`, in rpc's and erpc's forms. */
function head(R: unknown): unknown {
  if (is_tuple(R) && R[0] === 'badrpc' && is_tuple(R[1]) && R[1][0] === 'EXIT') {
    const E = R[1][1];
    if (is_tuple(E) && E.length === 2 && nonEmpty(E[1])) return ['badrpc', ['EXIT', [E[0], 'stack']]];
  }
  if (is_tuple(R) && R[0] === 'error' && is_tuple(R[1]) && R[1].length === 3 && R[1][0] === 'exception') {
    if (nonEmpty(R[1][2])) return ['error', ['exception', R[1][1], 'stack']];
  }
  return R;
}

export default async function main(): Promise<void> {
  const Peer = peer();
  const Nobody = 'nobody_here@localhost';
  io.format('one: ~w~n', [await rpc.multicall([Peer], 'erlang', 'node', [])]);
  io.format('twice: ~w~n', [await rpc.multicall([Peer, Peer], 'dist_peer', 'sum', [list(1, 2, 3)])]);
  io.format('bad node: ~w~n', [await rpc.multicall([Nobody, Peer], 'lists', 'reverse', [list(1, 2)])]);
  io.format('none: ~w~n', [await rpc.multicall([], 'erlang', 'node', [])]);
  const [Crashed, Bad] = await rpc.multicall([Peer, Peer], 'dist_peer', 'crash', ['error']);
  if (Bad.length !== 0) throw new Error(`bad nodes: ${String(Bad)}`);
  io.format('crash: ~w~n', [list(...Crashed.map(head))]);
  io.format('throw: ~w~n', [await rpc.multicall([Peer], 'dist_peer', 'crash', ['throw'])]);
  io.format('exit: ~w~n', [await rpc.multicall([Peer], 'dist_peer', 'crash', ['exit'])]);
  io.format('timeout: ~w~n', [await rpc.multicall([Peer], 'dist_peer', 'slow', [300, 'late'], 50)]);
  io.format('erpc: ~w~n', [await erpc.multicall([Peer, Nobody], 'erlang', 'node', [])]);
  io.format('erpc classes: ~w~n', [
    list(
      ...(await erpc.multicall([Peer, Peer, Peer], 'dist_peer', 'crash', ['error'])).map(head),
      ...(await erpc.multicall([Peer, Peer], 'dist_peer', 'crash', ['throw'])),
      ...(await erpc.multicall([Peer], 'dist_peer', 'crash', ['exit'])),
    ),
  ]);
  io.format('erpc timeout: ~w~n', [await erpc.multicall([Peer], 'dist_peer', 'slow', [300, 'late'], 50)]);
  await timer.sleep(350);
  io.format('mailbox: ~w~n', [await flush()]);
}
