// gen_server:call to {dist_peer_srv, Peer}: replies of each kind of term, the caller's node as
// the server sees it, replies given later with gen_server:reply, calls by pid and by rpc.
import { _, after, io, list, on, receive, self, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as rpc from 'erlts/rpc';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Srv: [string, string] = ['dist_peer_srv', Peer];
  io.format('echo: ~w~n', [
    await gen_server.call(Srv, ['echo', ['hello', list(1, 2), Buffer.from('x'), { k: 1.5 }]]),
  ]);
  io.format('echo pid: ~w~n', [(await gen_server.call(Srv, ['echo', self()])) === self()]);
  io.format('put: ~w~n', [await gen_server.call(Srv, ['put', 'k', 'v1'])]);
  io.format('put again: ~w~n', [await gen_server.call(Srv, ['put', 'k', 'v2'])]);
  io.format('get: ~w~n', [await gen_server.call(Srv, ['get', 'k'])]);
  io.format('get with timeout: ~w~n', [await gen_server.call(Srv, ['get', 'k'], 2000)]);
  io.format('get infinity: ~w~n', [await gen_server.call(Srv, ['get', 'k'], 'infinity')]);
  io.format('whoami: ~w~n', [await gen_server.call(Srv, 'whoami')]);
  io.format('sleep: ~w~n', [await gen_server.call(Srv, ['sleep', 20])]);
  io.format('reply later: ~w~n', [await gen_server.call(Srv, ['reply_later', 30])]);
  io.format('reply later with timeout: ~w~n', [await gen_server.call(Srv, ['reply_later', 30], 2000)]);
  const Pid = (await rpc.call(Peer, 'erlang', 'whereis', ['dist_peer_srv'])) as Pid;
  io.format('by pid: ~w~n', [await gen_server.call(Pid, ['get', 'k'])]);
  io.format('via rpc: ~w~n', [await rpc.call(Peer, 'gen_server', 'call', ['dist_peer_srv', ['get', 'k']])]);
  io.format('clear: ~w~n', [await gen_server.call(Srv, 'clear')]);
  io.format('get after clear: ~w~n', [await gen_server.call(Srv, ['get', 'k'])]);
  io.format('mailbox: ~w~n', [
    await receive(
      on(_, (M) => M),
      after(50, () => 'empty'),
    ),
  ]);
}
