// socket:number_of/0 and which_sockets/0,1: counts move with open and
// close; filters by domain, type, protocol, owner pid and a fun on the
// socket's info map.
import * as socket from 'erlts/socket';
import { io, receive, on, list, self, spawn, exit, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const N0 = socket.number_of();
  const [LS, C, S] = await pair();
  const U = ok(await socket.open('inet', 'stream', 'tcp'));
  const Hidden = ok(await socket.open('inet', 'stream', 'tcp', { use_registry: false }));
  io.format('opened: ~w~n', [socket.number_of() - N0]);
  const Mine = [LS, C, S, U];
  const All = socket.which_sockets();
  io.format('all: ~w ~w~n', [list(...Mine.map((X) => All.includes(X))), All.includes(Hidden)]);
  const Owned = socket.which_sockets(self());
  io.format('by owner: ~w~n', [Owned.length === Mine.length && Mine.every((X) => Owned.includes(X))]);
  for (const F of ['inet', 'inet6', 'stream', 'dgram', 'tcp'] as const) {
    const L = socket.which_sockets(F);
    io.format('~s: ~w~n', [F, list(...Mine.map((X) => L.includes(X)))]);
  }
  const Self = self();
  const Fun = ({ owner: O, domain: D, type: T, protocol: P }: socket.socket_info): boolean =>
    O === Self && D === 'inet' && T === 'stream' && P === 'tcp';
  io.format('fun: ~w~n', [socket.which_sockets(Fun).length]);
  const Other = spawn(async () => {
    await receive(on('stop', () => 'ok'));
  });
  io.format('other owner: ~w~n', [socket.which_sockets(Other)]);
  exit(Other, 'kill');
  match('ok', await socket.close(U));
  io.format('after close: ~w ~w~n', [socket.number_of() - N0, socket.which_sockets().includes(U)]);
  for (const X of [LS, C, S, Hidden]) match('ok', await socket.close(X));
  io.format('after all: ~w~n', [socket.number_of() - N0]);
}

async function listener(): Promise<[socket.Socket, number]> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  return [LS, Port];
}

async function pair(): Promise<[socket.Socket, socket.Socket, socket.Socket]> {
  const [LS, Port] = await listener();
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  const S = ok(await socket.accept(LS, 1000));
  return [LS, C, S];
}
