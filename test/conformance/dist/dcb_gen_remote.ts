// A gen_server of the peer's (dist_peer_b) started there by rpc, called and stopped from here:
// {stop, Reason, Reply}, {stop, Reason} without a reply, a crash in handle_call, a cast that
// stops it, gen_server:stop({Name, Node}) and again once it is gone.
import { _, io, is_list, is_tuple, list, monitor, node, on, receive, timer, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as rpc from 'erlts/rpc';
import { classOf } from '../erlang-exceptions.js';
import { peer } from './peer/peer.js';

async function start(Peer: string): Promise<Pid> {
  const R = (await rpc.call(Peer, 'gen_server', 'start', [
    ['local', 'dcb_srv'],
    'dist_peer_b',
    { n: 1 },
    list(),
  ])) as ['ok', Pid];
  if (!is_tuple(R) || R[0] !== 'ok') throw new Error(`gen_server:start on the peer: ${String(R)}`);
  io.format('started: ~w~n', [node(R[1]) === Peer]);
  return R[1];
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
  const Srv: [string, string] = ['dcb_srv', Peer];
  await start(Peer);
  io.format('state: ~w~n', [await gen_server.call(Srv, 'state')]);
  io.format('stop with reply: ~w~n', [await gen_server.call(Srv, ['stop', 'normal', 'bye'])]);
  await timer.sleep(50);
  io.format('gone: ~w~n', [await rpc.call(Peer, 'erlang', 'whereis', ['dcb_srv'])]);
  await start(Peer);
  io.format('stop without reply: ~w~n', [await tryIt(() => gen_server.call(Srv, ['stop', 'shutdown']))]);
  await start(Peer);
  const [C2, R] = (await tryIt(() => gen_server.call(Srv, ['crash', 'boom']))) as [string, unknown[]];
  const [Why, Call] = R;
  if (!is_tuple(Why) || !is_list(Why[1]) || Why[1].length === 0) throw new Error('no stack');
  io.format('crash: ~w~n', [[C2, Why[0], Call]]);
  await timer.sleep(50);
  io.format('gone: ~w~n', [await rpc.call(Peer, 'erlang', 'whereis', ['dcb_srv'])]);
  const [, Anon] = (await rpc.call(Peer, 'gen_server', 'start', ['dist_peer_b', list('x'), list()])) as [
    'ok',
    Pid,
  ];
  io.format('unregistered: ~w~n', [await gen_server.call(Anon, 'state')]);
  const Ref = monitor('process', Anon);
  io.format('cast stop: ~w~n', [gen_server.cast(Anon, ['stop', 'normal'])]);
  await receive(on(['DOWN', Ref, 'process', Anon, _], ([, , , , W]) => io.format('down: ~w~n', [W])));
  const Srv2 = await start(Peer);
  io.format('stop: ~w~n', [await gen_server.stop(Srv)]);
  io.format('alive: ~w~n', [await rpc.call(Peer, 'erlang', 'is_process_alive', [Srv2])]);
  io.format('stop again: ~w~n', [await tryIt(() => gen_server.stop(Srv))]);
}
