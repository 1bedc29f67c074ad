// socket:recv with a timeout: {error, timeout} when nothing came, and
// {error, {timeout, Data}} with the bytes read so far when some came but
// fewer than asked; those bytes are not read again.
import * as socket from 'erlts/socket';
import { io, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  io.format('~w~n', [await socket.recv(S, 0, 30)]);
  io.format('~w~n', [await socket.recv(S, 4, 0)]);
  match('ok', await socket.send(C, Buffer.from('abc')));
  await timer.sleep(20);
  io.format('~w~n', [await socket.recv(S, 10, 50)]);
  io.format('~w~n', [await socket.recv(S, 0, 0)]);
  match('ok', await socket.send(C, Buffer.from('defg')));
  await timer.sleep(20);
  io.format('~w~n', [await socket.recv(S, 2, 50)]);
  io.format('~w~n', [await socket.recv(S, 5, 50)]);
  match('ok', await socket.send(C, Buffer.from('hi')));
  io.format('~w~n', [await socket.recv(S, 2, 1000)]);
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
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
