// gen_server:call to the peer's server with a timeout that expires: the caller exits {timeout,
// {gen_server, call, [...]}}, and the reply that comes later is dropped (OTP 24+'s alias), with
// try and with catch; the server goes on serving.
import { _, after, io, list, on, receive, timer, type List } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import { catch_, classOf } from '../erlang-exceptions.js';
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
  const Srv: [string, string] = ['dist_peer_srv', Peer];
  io.format('sleep: ~w~n', [await tryIt(() => gen_server.call(Srv, ['sleep', 200], 50))]);
  // The server answers the first call after 200 ms, this one after it: both too late.
  io.format('reply later: ~w~n', [await tryIt(() => gen_server.call(Srv, ['reply_later', 100], 50))]);
  await timer.sleep(350);
  io.format('late replies: ~w~n', [await flush()]);
  io.format('catch: ~w~n', [await catch_(() => gen_server.call(Srv, ['reply_later', 100], 20))]);
  await timer.sleep(150);
  io.format('late replies: ~w~n', [await flush()]);
  io.format('still serving: ~w~n', [await gen_server.call(Srv, ['echo', 'still'])]);
}
