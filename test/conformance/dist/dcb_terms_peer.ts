// Terms the peer computes on, or computes, through rpc: a float with an integral value stays a
// float both ways (1.0 is not 1 there), big integers, UTF-8 atoms and binaries, bitstrings,
// maps with keys of any kind, export funs it applies and makes, our pids and refs.
import { BitString, float, io, list, make_fun, make_ref, node, self, type Ref } from 'erlts';
import * as rpc from 'erlts/rpc';
import { termEquals } from '../../../runtime/internal/terms.js';
import { term_to_binary } from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Ask = (F: string, A: unknown[]): Promise<unknown> => rpc.call(Peer, 'erlang', F, A);
  io.format('is_float(1.0): ~w~n', [await Ask('is_float', [float(1)])]);
  io.format('is_float(1): ~w~n', [await Ask('is_float', [1])]);
  io.format('float(3): ~w~n', [await Ask('float', [3])]);
  io.format('1.0 =:= 1: ~w~n', [await Ask('=:=', [float(1), 1])]);
  io.format('1.0 == 1: ~w~n', [await Ask('==', [float(1), 1])]);
  io.format('trunc(2.0): ~w~n', [await Ask('trunc', [float(2)])]);
  io.format("'/'(4, 2): ~w~n", [await Ask('/', [4, 2])]);
  io.format('big *: ~w~n', [await Ask('*', [1n << 40n, 1n << 40n])]);
  io.format('is_integer(big): ~w~n', [await Ask('is_integer', [1n << 70n])]);
  io.format('small from big: ~w~n', [await Ask('-', [1n << 70n, (1n << 70n) - 5n])]);
  io.format('atom_to_binary: ~w~n', [await Ask('atom_to_binary', ['\u65e5\u672c'])]);
  io.format('binary_to_atom: ~w~n', [
    await Ask('binary_to_atom', [Buffer.from('\u00e9t\u00e9', 'utf8'), 'utf8']),
  ]);
  io.format('list_to_atom: ~w~n', [await Ask('list_to_atom', [list(0x65e5)])]);
  io.format('bit_size: ~w~n', [await Ask('bit_size', [new BitString(Buffer.from([0b0010_0000]), 3)])]);
  io.format('is_binary(bits): ~w~n', [
    await Ask('is_binary', [new BitString(Buffer.from([0b0010_0000]), 3)]),
  ]);
  io.format('split_binary: ~w~n', [await Ask('split_binary', [Buffer.from([1, 2, 3]), 1])]);
  const Str = list(115, 116, 114);
  io.format('is_map_key: ~w~n', [await Ask('is_map_key', [Str, new Map([[Str, 1]])])]);
  io.format('map_size: ~w~n', [
    await Ask('map_size', [
      new Map<unknown, unknown>([
        ['a', 1],
        [1, 'a'],
      ]),
    ]),
  ]);
  const Sum = make_fun('lists', 'sum', 1);
  io.format('fun_info: ~w~n', [await Ask('fun_info', [Sum, 'type'])]);
  io.format('fun_info module: ~w~n', [await Ask('fun_info', [Sum, 'module'])]);
  io.format('apply fun: ~w~n', [await Ask('apply', [Sum, list(list(1, 2, 3))])]);
  io.format('fun arity: ~w~n', [await Ask('is_function', [Sum, 1])]);
  io.format('make_fun back: ~w~n', [
    termEquals(await Ask('make_fun', ['lists', 'reverse', 1]), make_fun('lists', 'reverse', 1)),
  ]);
  io.format('pid node: ~w~n', [await Ask('node', [self()])]);
  io.format('is_pid: ~w~n', [await Ask('is_pid', [self()])]);
  io.format('ref node: ~w~n', [await Ask('node', [make_ref()])]);
  io.format("peer's ref: ~w~n", [node((await Ask('make_ref', [])) as Ref) === Peer]);
  io.format('tuple_to_list: ~w~n', [await Ask('tuple_to_list', [['a', float(1), list(115)]])]);
  io.format('term_to_binary: ~w~n', [await Ask('term_to_binary', [['a', float(1), list(1n << 70n)]])]);
  io.format('binary_to_term: ~w~n', [
    await Ask('binary_to_term', [term_to_binary({ k: list(float(1), -0.5) })]),
  ]);
  io.format('term order: ~w~n', [
    await rpc.call(Peer, 'lists', 'sort', [list(Buffer.from('b'), list(97), ['a'], {}, 'a', 2.5, 1, self())]),
  ]);
}
