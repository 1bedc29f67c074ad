// A global name registered here is seen on the peer (whereis_name, registered_names, send by rpc);
// registering again, a second name for the same pid and a taken name answer no (here and on the
// peer); re_register_name moves it; unregister_name removes it everywhere.
import { _, after, io, on, receive, self, send, spawn, type List } from 'erlts';
import * as global from 'erlts/global';
import * as net_adm from 'erlts/net_adm';
import * as rpc from 'erlts/rpc';
import { classOf } from '../erlang-exceptions.js';
import { peer } from './peer/peer.js';

function next(): Promise<unknown> {
  return receive(
    on(_, (M) => io.format('got: ~w~n', [M])),
    after(2000, () => io.format('nothing~n')),
  );
}

export default async function main(): Promise<void> {
  const Peer = peer();
  const Name = 'dcb_global_name';
  if ((await net_adm.ping(Peer)) !== 'pong') throw new Error('no pong');
  io.format('sync: ~w~n', [await global.sync()]);
  io.format('register: ~w~n', [await global.register_name(Name, self())]);
  io.format('whereis here: ~w~n', [global.whereis_name(Name) === self()]);
  io.format('whereis on peer: ~w~n', [(await rpc.call(Peer, 'global', 'whereis_name', [Name])) === self()]);
  io.format("in peer's names: ~w~n", [
    ((await rpc.call(Peer, 'global', 'registered_names', [])) as List).includes(Name),
  ]);
  io.format('peer sends: ~w~n', [(await rpc.call(Peer, 'global', 'send', [Name, 'from_peer'])) === self()]);
  await next();
  io.format('send here: ~w~n', [global.send(Name, 'from_here') === self()]);
  await next();
  io.format('register again: ~w~n', [await global.register_name(Name, self())]);
  io.format('second name, same pid: ~w~n', [await global.register_name('dcb_global_other', self())]);
  const Other = spawn(async () => {
    await receive(on('stop'));
  });
  io.format('taken: ~w~n', [await global.register_name(Name, Other)]);
  io.format('peer registers it: ~w~n', [await rpc.call(Peer, 'global', 'register_name', [Name, Other])]);
  io.format('re_register: ~w~n', [await global.re_register_name(Name, Other)]);
  io.format('whereis on peer: ~w~n', [(await rpc.call(Peer, 'global', 'whereis_name', [Name])) === Other]);
  io.format('unregister: ~w~n', [await global.unregister_name(Name)]);
  io.format('whereis here: ~w~n', [global.whereis_name(Name)]);
  io.format('whereis on peer: ~w~n', [await rpc.call(Peer, 'global', 'whereis_name', [Name])]);
  let R: unknown;
  try {
    R = global.send(Name, 'x');
  } catch (e) {
    R = classOf(e);
  }
  io.format('send to none: ~w~n', [R]);
  io.format('unregister none: ~w~n', [await global.unregister_name(Name)]);
  send(Other, 'stop');
  io.format('mailbox: ~w~n', [
    await receive(
      on(_, (M) => M),
      after(50, () => 'empty'),
    ),
  ]);
}
