// Calls of what the peer does not have: a function, an arity, a module, a BIF, a function its
// module does not export; by rpc (badrpc), by erpc (error) and by a remote spawn (DOWN undef).
import { _, io, is_list, is_tuple, list, on, receive, spawn_monitor } from 'erlts';
import * as rpc from 'erlts/rpc';
import * as erpc from 'erlts/erpc';
import { classOf } from '../erlang-exceptions.js';
import { peer } from './peer/peer.js';

function show(What: string, R: unknown): void {
  if (
    is_tuple(R) &&
    R[0] === 'badrpc' &&
    is_tuple(R[1]) &&
    R[1][0] === 'EXIT' &&
    is_tuple(R[1][1]) &&
    R[1][1].length === 2 &&
    is_list(R[1][1][1]) &&
    R[1][1][1].length > 0
  ) {
    io.format('~w: badrpc EXIT ~w at ~w~n', [What, R[1][1][0], R[1][1][1][0]]);
  } else {
    io.format('~w: ~w~n', [What, R]);
  }
}

export default async function main(): Promise<void> {
  const Peer = peer();
  show('no_function', await rpc.call(Peer, 'dist_peer', 'no_such_fun', [1]));
  show('wrong_arity', await rpc.call(Peer, 'dist_peer', 'sum', []));
  show('no_module', await rpc.call(Peer, 'no_such_module_here', 'f', ['a', list(98)]));
  show('no_bif', await rpc.call(Peer, 'erlang', 'no_such_bif', []));
  show('not_exported', await rpc.call(Peer, 'dist_peer', 'named_echo', []));
  let R: unknown;
  try {
    R = await erpc.call(Peer, 'dist_peer', 'no_such_fun', [1]);
  } catch (e) {
    const [C, Reason] = classOf(e);
    if (!is_tuple(Reason) || Reason[0] !== 'exception' || !is_list(Reason[2]) || Reason[2].length === 0)
      throw e;
    R = [C, 'exception', Reason[1], Reason[2][0]];
  }
  show('erpc_no_function', R);
  const [P, Ref] = await spawn_monitor(Peer, 'dist_peer', 'no_such_fun', ['x']);
  show(
    'spawn_undef',
    await receive(
      on(['DOWN', Ref, 'process', P, _], (D) => {
        const W = (D as unknown[])[4];
        if (is_tuple(W) && W.length === 2 && is_list(W[1]) && W[1].length > 0) return ['down', W[0], W[1][0]];
        return ['down', W];
      }),
    ),
  );
}
