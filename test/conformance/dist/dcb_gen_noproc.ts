// gen_server:call and cast to what is not there: a name the peer has not registered (noproc), a
// node that does not exist ({nodedown, Node}), a dead pid of the peer; casts return ok.
import { _, after, io, on, receive, spawn, timer, is_tuple } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import { classOf } from '../erlang-exceptions.js';
import { peer } from './peer/peer.js';

async function tryIt(F: () => Promise<unknown>): Promise<unknown> {
  try {
    return await F();
  } catch (e) {
    return classOf(e);
  }
}

export default async function main(): Promise<void> {
  const Peer = peer();
  const Nobody = 'nobody_here@localhost';
  io.format('noproc: ~w~n', [await tryIt(() => gen_server.call(['no_such_srv', Peer], 'hello'))]);
  io.format('noproc with timeout: ~w~n', [
    await tryIt(() => gen_server.call(['no_such_srv', Peer], 'hello', 100)),
  ]);
  io.format('nodedown: ~w~n', [await tryIt(() => gen_server.call(['dist_peer_srv', Nobody], 'hello'))]);
  const Dead = await spawn(Peer, 'dist_peer', 'exit_with', ['normal']);
  await timer.sleep(50);
  const D = (await tryIt(() => gen_server.call(Dead, 'hello'))) as unknown[];
  io.format('dead pid: ~w~n', [is_tuple(D[1]) ? [D[0], D[1][0]] : D]);
  io.format('cast: ~w~n', [gen_server.cast(['no_such_srv', Peer], 'hello')]);
  io.format('cast nodedown: ~w~n', [gen_server.cast(['dist_peer_srv', Nobody], 'hello')]);
  io.format('cast dead pid: ~w~n', [gen_server.cast(Dead, 'hello')]);
  io.format('mailbox: ~w~n', [
    await receive(
      on(_, (M) => M),
      after(50, () => 'empty'),
    ),
  ]);
}
