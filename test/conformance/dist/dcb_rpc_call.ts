// rpc:call of BIFs, of lists functions (some given export funs) and of the peer's own module.
import { io, is_pid, list, make_fun, node, self, type Pid } from 'erlts';
import * as rpc from 'erlts/rpc';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  io.format('node: ~w~n', [await rpc.call(Peer, 'erlang', 'node', [])]);
  io.format('length: ~w~n', [await rpc.call(Peer, 'erlang', 'length', [list('a', 'b', 'c')])]);
  io.format('element: ~w~n', [await rpc.call(Peer, 'erlang', 'element', [2, ['x', 'y', 'z']])]);
  io.format('atom_to_list: ~w~n', [await rpc.call(Peer, 'erlang', 'atom_to_list', ['hello'])]);
  io.format('list_to_atom: ~w~n', [
    await rpc.call(Peer, 'erlang', 'list_to_atom', [list(...Buffer.from('w\u00f6rld', 'latin1'))]),
  ]);
  io.format('abs: ~w~n', [await rpc.call(Peer, 'erlang', 'abs', [-7])]);
  io.format('+: ~w~n', [await rpc.call(Peer, 'erlang', '+', [1n << 62n, 1n << 62n])]);
  io.format('tuple_size: ~w~n', [await rpc.call(Peer, 'erlang', 'tuple_size', [[]])]);
  io.format('node of our pid: ~w~n', [await rpc.call(Peer, 'erlang', 'node', [self()])]);
  const Echo = (await rpc.call(Peer, 'erlang', 'whereis', ['dist_peer_echo'])) as Pid;
  io.format('whereis: ~w ~w~n', [is_pid(Echo), node(Echo) === Peer]);
  io.format('is_process_alive: ~w~n', [await rpc.call(Peer, 'erlang', 'is_process_alive', [Echo])]);
  io.format('reverse: ~w~n', [await rpc.call(Peer, 'lists', 'reverse', [list(1, 2, 3)])]);
  io.format('seq: ~w~n', [await rpc.call(Peer, 'lists', 'seq', [1, 5])]);
  io.format('sort: ~w~n', [await rpc.call(Peer, 'lists', 'sort', [list('c', 'a', 'b')])]);
  io.format('keyfind: ~w~n', [await rpc.call(Peer, 'lists', 'keyfind', ['b', 1, list(['a', 1], ['b', 2])])]);
  io.format('map: ~w~n', [
    await rpc.call(Peer, 'lists', 'map', [make_fun('erlang', 'abs', 1), list(-1, 2, -3)]),
  ]);
  io.format('foldl: ~w~n', [
    await rpc.call(Peer, 'lists', 'foldl', [make_fun('erlang', '+', 2), 0, list(1, 2, 3)]),
  ]);
  io.format('flatten: ~w~n', [await rpc.call(Peer, 'lists', 'flatten', [list(list(1), list(list(2)), 3)])]);
  io.format('sum: ~w~n', [await rpc.call(Peer, 'dist_peer', 'sum', [list(1, 2, 3, 4)])]);
  io.format('slow: ~w~n', [await rpc.call(Peer, 'dist_peer', 'slow', [10, 'done'], 2000)]);
  io.format('self differs: ~w~n', [(await rpc.call(Peer, 'erlang', 'self', [])) !== self()]);
}
