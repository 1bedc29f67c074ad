// connect errors: refused by a port nobody listens on, then a fresh
// socket connects elsewhere with a timeout that is long enough.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const T = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(T, { family: 'inet', addr: 'loopback', port: 0 }));
  const { port: Dead } = ok(await socket.sockname(T)) as { port: number };
  match('ok', await socket.close(T));
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('refused: ~w~n', [
    await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Dead }, 1000),
  ]);
  const C1 = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('refused: ~w~n', [
    await socket.connect(C1, { family: 'inet', addr: [127, 0, 0, 1], port: Dead }),
  ]);
  const [LS, Port] = await listener();
  const C2 = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('timeout 1000: ~w~n', [
    await socket.connect(C2, { family: 'inet', addr: [127, 0, 0, 1], port: Port }, 1000),
  ]);
  const S = ok(await socket.accept(LS, 1000));
  match('ok', await socket.send(S, Buffer.from('hi')));
  io.format('~w~n', [await socket.recv(C2, 2, 1000)]);
  for (const X of [C, C1, C2, S, LS]) match('ok', await socket.close(X));
}

async function listener(): Promise<[socket.Socket, number]> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  return [LS, Port];
}
