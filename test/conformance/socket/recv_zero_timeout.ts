// recv with timeout 0 polls: the data when it is there, timeout when
// nothing is; accept with timeout 0 takes a queued connection.
import * as socket from 'erlts/socket';
import { io, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  match('ok', await socket.send(C, Buffer.from('abcdef')));
  await timer.sleep(20);
  io.format('~w~n', [await socket.recv(S, 3, 0)]);
  io.format('~w~n', [await socket.recv(S, 0, 0)]);
  io.format('~w~n', [await socket.recv(S, 0, 0)]);
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  const C2 = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C2, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  await timer.sleep(20);
  const S2 = ok(await socket.accept(LS, 0));
  io.format('accepted: ~w~n', [S2 !== S]);
  for (const X of [C, S, C2, S2, LS]) match('ok', await socket.close(X));
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
