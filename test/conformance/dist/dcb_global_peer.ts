// A global name registered on the peer, for a process of the peer's, is seen here, sent to from
// here, refused to us while it is held, gone here when the peer unregisters it or when its
// process dies.
import { _, after, io, list, monitor, on, receive, self, send, timer, spawn, type Pid } from 'erlts';
import * as global from 'erlts/global';
import * as net_adm from 'erlts/net_adm';
import * as rpc from 'erlts/rpc';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Name = ['dcb_global', list(...Buffer.from('peer echo', 'latin1'))];
  if ((await net_adm.ping(Peer)) !== 'pong') throw new Error('no pong');
  io.format('sync: ~w ~w~n', [await global.sync(), await rpc.call(Peer, 'global', 'sync', [])]);
  const P: Pid = await spawn(Peer, 'dist_peer', 'echo', []);
  io.format('peer registers: ~w~n', [await rpc.call(Peer, 'global', 'register_name', [Name, P])]);
  io.format('whereis here: ~w~n', [global.whereis_name(Name) === P]);
  io.format('in our names: ~w~n', [global.registered_names().some((N) => termEquals(N, Name))]);
  io.format('send: ~w~n', [global.send(Name, [self(), 'hi']) === P]);
  await receive(
    on([P, _], ([, M1]) => io.format('echoed: ~w~n', [M1])),
    after(2000, () => io.format('nothing~n')),
  );
  io.format('we register it too: ~w~n', [await global.register_name(Name, self())]);
  io.format('peer unregisters: ~w~n', [await rpc.call(Peer, 'global', 'unregister_name', [Name])]);
  io.format('whereis here: ~w~n', [global.whereis_name(Name)]);
  io.format('peer registers again: ~w~n', [await rpc.call(Peer, 'global', 'register_name', [Name, P])]);
  io.format('whereis here: ~w~n', [global.whereis_name(Name) === P]);
  const Ref = monitor('process', P);
  send(P, ['exit', 'bye']);
  await receive(on(['DOWN', Ref, 'process', P, _], ([, , , , Why]) => io.format('down: ~w~n', [Why])));
  await timer.sleep(50);
  io.format('whereis here after its death: ~w~n', [global.whereis_name(Name)]);
  io.format('whereis on peer after its death: ~w~n', [
    await rpc.call(Peer, 'global', 'whereis_name', [Name]),
  ]);
  io.format('mailbox: ~w~n', [
    await receive(
      on(_, (M2) => M2),
      after(50, () => 'empty'),
    ),
  ]);
}
