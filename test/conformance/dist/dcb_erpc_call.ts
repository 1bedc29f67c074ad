// erpc:call: a value, and each way it raises what the call raised on the peer: error
// {exception, Reason, Stack} (shown by its top frame), throw, exit {exception, Reason}, exit
// {signal, Reason} for a process killed there, error {erpc, badarg} for bad arguments.
import { io, is_list, is_tuple, list } from 'erlts';
import * as erpc from 'erlts/erpc';
import { classOf } from '../erlang-exceptions.js';
import { peer } from './peer/peer.js';

async function tryCall(What: string, F: () => Promise<unknown>): Promise<void> {
  let R: unknown;
  try {
    R = ['value', await F()];
  } catch (e) {
    const [C, Reason] = classOf(e);
    const Top = is_tuple(Reason) && is_list(Reason[2]) ? Reason[2][0] : undefined;
    if (
      C === 'error' &&
      is_tuple(Reason) &&
      Reason.length === 3 &&
      Reason[0] === 'exception' &&
      is_tuple(Top) &&
      Top.length === 4
    )
      R = ['error', 'exception', Reason[1], [Top[0], Top[1], Top[2]]];
    else R = [C, Reason];
  }
  io.format('~w: ~w~n', [What, R]);
}

export default async function main(): Promise<void> {
  const Peer = peer();
  await tryCall('ok', () => erpc.call(Peer, 'lists', 'sum', [list(1, 2, 3)]));
  await tryCall('ok_timeout', () => erpc.call(Peer, 'erlang', 'node', [], 2000));
  await tryCall('gen_server', () => erpc.call(Peer, 'gen_server', 'call', ['dist_peer_srv', ['echo', 'e']]));
  await tryCall('error', () => erpc.call(Peer, 'dist_peer', 'crash', ['error']));
  await tryCall('throw', () => erpc.call(Peer, 'dist_peer', 'crash', ['throw']));
  await tryCall('exit', () => erpc.call(Peer, 'dist_peer', 'crash', ['exit']));
  await tryCall('exit_normal', () => erpc.call(Peer, 'dist_peer', 'exit_with', ['normal']));
  await tryCall('exit_tuple', () => erpc.call(Peer, 'dist_peer', 'exit_with', [['a', list('b')]]));
  await tryCall('badarith', () => erpc.call(Peer, 'erlang', '/', [1, 0]));
  await tryCall('badarg', () => erpc.call(Peer, 'erlang', 'binary_to_atom', [42]));
  await tryCall('undef', () => erpc.call(Peer, 'dist_peer', 'nope', []));
  await tryCall('signal', () => erpc.call(Peer, 'dist_peer_b', 'kill_self', []));
  await tryCall('bad_module', () =>
    erpc.call(Peer, list(108, 105, 115, 116, 115) as unknown as string, 'sum', [list()]),
  );
  await tryCall('bad_args', () => erpc.call(Peer, 'lists', 'sum', 'not_a_list' as unknown as unknown[]));
  await tryCall('error_timeout', () => erpc.call(Peer, 'dist_peer', 'crash', ['error'], 2000));
  await tryCall('throw_timeout', () => erpc.call(Peer, 'dist_peer', 'crash', ['throw'], 2000));
}
