// socket:shutdown(S, write): the peer reads what was sent, then closed;
// shutdown of an open socket that is not connected is enotconn.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  match('ok', await socket.send(C, Buffer.from('last')));
  io.format('~w~n', [await socket.shutdown(C, 'write')]);
  io.format('~w~n', [await socket.recv(S, 0, 1000)]);
  io.format('~w~n', [await socket.recv(S, 0, 1000)]);
  const U = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('unconnected: ~w~n', [await socket.shutdown(U, 'read')]);
  for (const X of [C, S, LS, U]) match('ok', await socket.close(X));
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
