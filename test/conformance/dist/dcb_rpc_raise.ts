// rpc:call of functions that raise on the peer: {badrpc, {'EXIT', ...}} for errors and exits,
// the thrown term itself for a throw (rpc's catch), an error's stack shown by its top frame.
import { io, is_list, is_tuple, list } from 'erlts';
import * as rpc from 'erlts/rpc';
import { peer } from './peer/peer.js';

/** `{badrpc, {'EXIT', {Reason, [{M, F, A, _} | _]}}}`: `[Reason, {M, F, A}]`, else undefined. */
function errorAt(R: unknown): [unknown, unknown[]] | undefined {
  if (!is_tuple(R) || R.length !== 2 || R[0] !== 'badrpc') return undefined;
  const X = R[1];
  if (!is_tuple(X) || X.length !== 2 || X[0] !== 'EXIT') return undefined;
  const E = X[1];
  if (!is_tuple(E) || E.length !== 2 || !is_list(E[1]) || E[1].length === 0) return undefined;
  const Top = E[1][0];
  if (!is_tuple(Top) || Top.length !== 4) return undefined;
  return [E[0], [Top[0], Top[1], Top[2]]];
}

function show(What: string, R: unknown): void {
  const At = errorAt(R);
  if (At !== undefined) io.format('~w: badrpc EXIT ~w at ~w~n', [What, At[0], At[1]]);
  else io.format('~w: ~w~n', [What, R]);
}

export default async function main(): Promise<void> {
  const Peer = peer();
  show('error', await rpc.call(Peer, 'dist_peer', 'crash', ['error']));
  show('throw', await rpc.call(Peer, 'dist_peer', 'crash', ['throw']));
  show('exit', await rpc.call(Peer, 'dist_peer', 'crash', ['exit']));
  show('exit_with', await rpc.call(Peer, 'dist_peer', 'exit_with', [['shutdown', 'why']]));
  show('exit_normal', await rpc.call(Peer, 'erlang', 'exit', ['normal']));
  show('badarith', await rpc.call(Peer, 'erlang', '/', [1, 0]));
  show('badarg', await rpc.call(Peer, 'erlang', 'atom_to_list', [42]));
  show('function_clause', await rpc.call(Peer, 'dist_peer', 'crash', ['other']));
  show('throw_exit_tuple', await rpc.call(Peer, 'erlang', 'throw', [['EXIT', 'fake']]));
  show('throw_badrpc', await rpc.call(Peer, 'erlang', 'throw', [['badrpc', 'fake']]));
  show('error_tuple', await rpc.call(Peer, 'erlang', 'error', [['my', 'reason']]));
  show('killed', await rpc.call(Peer, 'dist_peer_b', 'kill_self', []));
  show('with_timeout', await rpc.call(Peer, 'dist_peer', 'crash', ['error'], 2000));
  show('after_all', await rpc.call(Peer, 'erlang', 'node', list()));
}
