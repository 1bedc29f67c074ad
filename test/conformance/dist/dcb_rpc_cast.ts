// rpc:cast and erpc:cast: true / ok at once, the side effect on the peer later, a failing cast
// unnoticed, bad arguments raising.
import { _, after, io, list, node, on, receive, self, timer } from 'erlts';
import * as rpc from 'erlts/rpc';
import * as erpc from 'erlts/erpc';
import * as gen_server from 'erlts/gen_server';
import { classOf } from '../erlang-exceptions.js';
import { peer } from './peer/peer.js';

function next(): Promise<unknown> {
  return receive(
    on(_, (M) => M),
    after(2000, () => 'nothing'),
  );
}

function tryIt(F: () => unknown): unknown {
  try {
    return F();
  } catch (e) {
    return classOf(e);
  }
}

export default async function main(): Promise<void> {
  const Peer = peer();
  const Srv: [string, string] = ['dist_peer_srv', Peer];
  io.format('cast send: ~w~n', [rpc.cast(Peer, 'erlang', 'send', [self(), ['from_cast', node()]])]);
  io.format('got: ~w~n', [await next()]);
  io.format('cast put: ~w~n', [rpc.cast(Peer, 'gen_server', 'cast', ['dist_peer_srv', ['put', 'k', 'v1']])]);
  await timer.sleep(50);
  io.format('get: ~w~n', [await gen_server.call(Srv, ['get', 'k'])]);
  io.format('cast tell: ~w~n', [
    rpc.cast(Peer, 'gen_server', 'cast', ['dist_peer_srv', ['tell', self(), 'told']]),
  ]);
  io.format('got: ~w~n', [await next()]);
  io.format('cast crash: ~w~n', [rpc.cast(Peer, 'dist_peer', 'crash', ['throw'])]);
  io.format('cast undef: ~w~n', [rpc.cast(Peer, 'no_such_module_here', 'f', [])]);
  io.format('cast bad args: ~w~n', [
    tryIt(() => rpc.cast(Peer, 'erlang', 'node', 'not_a_list' as unknown as unknown[])),
  ]);
  io.format('erpc cast: ~w~n', [erpc.cast(Peer, 'erlang', 'send', [self(), 'erpc_cast'])]);
  io.format('got: ~w~n', [await next()]);
  io.format('erpc cast bad args: ~w~n', [
    tryIt(() => erpc.cast(Peer, list(101, 114, 108, 97, 110, 103) as unknown as string, 'node', [])),
  ]);
  io.format('still there: ~w~n', [
    (await rpc.call(Peer, 'erlang', 'whereis', ['dist_peer_srv'])) !== 'undefined',
  ]);
  io.format('clear: ~w~n', [await gen_server.call(Srv, 'clear')]);
  io.format('mailbox: ~w~n', [
    await receive(
      on(_, (M) => M),
      after(50, () => 'empty'),
    ),
  ]);
}
