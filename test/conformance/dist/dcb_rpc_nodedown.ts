// rpc and erpc towards a node that does not exist: {badrpc, nodedown}, error {erpc, noconnection},
// casts that return as if sent, multicalls that name it a bad node.
import { _, after, io, nodes, on, receive } from 'erlts';
import * as rpc from 'erlts/rpc';
import * as erpc from 'erlts/erpc';
import { classOf } from '../erlang-exceptions.js';

async function tryIt(F: () => Promise<unknown>): Promise<unknown> {
  try {
    return await F();
  } catch (e) {
    return classOf(e);
  }
}

export default async function main(): Promise<void> {
  const Nobody = 'nobody_here@localhost';
  io.format('call: ~w~n', [await rpc.call(Nobody, 'erlang', 'node', [])]);
  io.format('call with timeout: ~w~n', [await rpc.call(Nobody, 'erlang', 'node', [], 1000)]);
  io.format('cast: ~w~n', [rpc.cast(Nobody, 'erlang', 'node', [])]);
  io.format('erpc call: ~w~n', [await tryIt(() => erpc.call(Nobody, 'erlang', 'node', []))]);
  io.format('erpc call with timeout: ~w~n', [
    await tryIt(() => erpc.call(Nobody, 'erlang', 'node', [], 1000)),
  ]);
  io.format('erpc cast: ~w~n', [erpc.cast(Nobody, 'erlang', 'node', [])]);
  io.format('multicall: ~w~n', [await rpc.multicall([Nobody], 'erlang', 'node', [])]);
  io.format('erpc multicall: ~w~n', [await erpc.multicall([Nobody], 'erlang', 'node', [])]);
  io.format('connected: ~w~n', [nodes().includes(Nobody)]);
  io.format('mailbox: ~w~n', [
    await receive(
      on(_, (M) => M),
      after(100, () => 'empty'),
    ),
  ]);
}
