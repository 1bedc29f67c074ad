// Calls that need a state the socket is not in: recv and peername on a
// socket that is not connected, and accept on one that is not listening.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const U = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('recv ~w~n', [await socket.recv(U, 0, 100)]);
  io.format('peername ~w~n', [await socket.peername(U)]);
  io.format('accept ~w~n', [await socket.accept(U, 100)]);
  match('ok', await socket.bind(U, { family: 'inet', addr: 'loopback', port: 0 }));
  io.format('bound recv ~w~n', [await socket.recv(U, 0, 100)]);
  io.format('bound accept ~w~n', [await socket.accept(U, 100)]);
  const [LS, C, S] = await pair();
  io.format('connected accept ~w~n', [await socket.accept(S, 100)]);
  io.format('listen recv ~w~n', [await socket.recv(LS, 0, 100)]);
  for (const X of [U, C, S, LS]) match('ok', await socket.close(X));
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
