// rpc:call and erpc:call with a timeout that expires ({badrpc, timeout}, error {erpc, timeout}),
// one that does not, and bad timeouts; nothing of the calls that timed out may reach the caller
// once they end on the peer.
import { _, after, io, list, on, receive, timer, type List } from 'erlts';
import * as rpc from 'erlts/rpc';
import * as erpc from 'erlts/erpc';
import { classOf } from '../erlang-exceptions.js';
import { peer } from './peer/peer.js';

async function flush(): Promise<List> {
  return receive(
    on(_, async (M) => list(M, ...(await flush()))),
    after(0, () => list()),
  );
}

async function tryIt(F: () => Promise<unknown>): Promise<unknown> {
  try {
    return await F();
  } catch (e) {
    return classOf(e);
  }
}

export default async function main(): Promise<void> {
  const Peer = peer();
  io.format('times out: ~w~n', [await rpc.call(Peer, 'dist_peer', 'slow', [300, 'late'], 50)]);
  io.format('in time: ~w~n', [await rpc.call(Peer, 'dist_peer', 'slow', [10, 'early'], 2000)]);
  io.format('infinity: ~w~n', [await rpc.call(Peer, 'dist_peer', 'slow', [10, 'inf'], 'infinity')]);
  io.format('erpc times out: ~w~n', [
    await tryIt(() => erpc.call(Peer, 'dist_peer', 'slow', [300, 'late'], 50)),
  ]);
  // Both slow calls end on the peer while we wait: nothing of them may reach us.
  await timer.sleep(400);
  io.format('mailbox: ~w~n', [await flush()]);
  io.format('bad timeout: ~w~n', [await tryIt(() => rpc.call(Peer, 'erlang', 'node', [], -1))]);
  io.format('erpc bad timeout: ~w~n', [
    await tryIt(() => erpc.call(Peer, 'erlang', 'node', [], 'foo' as unknown as number)),
  ]);
}
