// Output of code run on the peer for this node: a process spawned from here and the processes of
// rpc:call and erpc:call have this node's group leader, so what they print comes out here (the
// peer's io_lib formats it, or this node's group leader does for an {M, F, A} request).
import { _, io, is_list, is_pid, is_tuple, list, node, on, receive, spawn_monitor } from 'erlts';
import * as rpc from 'erlts/rpc';
import * as erpc from 'erlts/erpc';
import { peer } from './peer/peer.js';

/** An Erlang string (a list of code points). */
const str = (S: string): unknown => list(...[...S].map((c) => c.codePointAt(0)));

export default async function main(): Promise<void> {
  const Peer = peer();
  const [P, Ref] = await spawn_monitor(Peer, 'dist_peer', 'io_hello', ['from_peer']);
  await receive(on(['DOWN', Ref, 'process', P, _], ([, , , , Why]) => io.format('down: ~w~n', [Why])));
  io.format('rpc: ~w~n', [
    await rpc.call(Peer, 'io', 'format', [str('via rpc ~w ~s~n'), list(1, str('str'))]),
  ]);
  io.format('erpc: ~w~n', [
    await erpc.call(Peer, 'io', 'format', [str('via erpc ~p~n'), list(['a', str('b'), Buffer.from('c')])]),
  ]);
  io.format('put_chars: ~w~n', [await rpc.call(Peer, 'io', 'put_chars', [Buffer.from('binary chars\n')])]);
  io.format('unicode: ~w~n', [
    await rpc.call(Peer, 'io', 'format', [str('~ts ~w~n'), list(str('h\u00e9llo \u65e5'), '\u00e9t\u00e9')]),
  ]);
  io.format('nl: ~w~n', [await rpc.call(Peer, 'io', 'nl', [])]);
  io.format('to user: ~w~n', [await rpc.call(Peer, 'io', 'format', ['user', list(), list()])]);
  const GL = await rpc.call(Peer, 'erlang', 'group_leader', []);
  io.format('group leader here: ~w~n', [is_pid(GL) && node(GL) === node()]);
  const Bad = await rpc.call(Peer, 'io', 'format', [str('~w~n'), list()]);
  io.format('bad format: ~w~n', [
    is_tuple(Bad) &&
    Bad[0] === 'badrpc' &&
    is_tuple(Bad[1]) &&
    Bad[1][0] === 'EXIT' &&
    is_tuple(Bad[1][1]) &&
    is_list(Bad[1][1][1]) &&
    Bad[1][1][1].length > 0
      ? ['badrpc', Bad[1][1][0]]
      : Bad,
  ]);
  io.format('done~n');
}
