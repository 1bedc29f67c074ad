// connect on a socket that is already connected (OTP answers ok, the
// kernel's EISCONN being how a nowait connect completes), and on a
// listening socket (eisconn).
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  io.format('again: ~w~n', [await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port })]);
  io.format('again nowait: ~w~n', [
    await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }, 'nowait'),
  ]);
  io.format('listening: ~w~n', [
    await socket.connect(LS, { family: 'inet', addr: [127, 0, 0, 1], port: Port }),
  ]);
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
