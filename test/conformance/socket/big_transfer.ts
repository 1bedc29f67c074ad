// A transfer larger than the socket buffers: a sender process writes
// 1 MB in one send while the reader takes it in exact 64 KB pieces; the
// send completes and every byte arrives in order.
import * as socket from 'erlts/socket';
import { io, receive, on, _, self, spawn, send, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const Data = Buffer.alloc(1024 * 1024);
  for (let X = 1; X <= Data.length; X++) Data[X - 1] = X % 251;
  const Self = self();
  spawn(async () => send(Self, ['sent', await socket.send(C, Data)]));
  const Got = await read(S, 16, []);
  await receive(on(['sent', _], ([, R]) => io.format('send: ~w~n', [R])));
  io.format('~w ~w~n', [Got.length, Got.equals(Data)]);
  io.format('~w~n', [await socket.recv(S, 0, 20)]);
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
}

async function read(S: socket.Socket, N: number, Acc: Buffer[]): Promise<Buffer> {
  if (N === 0) return Buffer.concat(Acc);
  const B = ok(await socket.recv(S, 65536, 2000));
  return read(S, N - 1, [...Acc, B]);
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
