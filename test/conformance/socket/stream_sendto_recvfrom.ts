// sendto and recvfrom on a connected stream socket: sendto ignores its
// destination, recvfrom gives what is there from an unnamed source.
import * as socket from 'erlts/socket';
import { io, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  io.format('~w~n', [
    await socket.sendto(C, Buffer.from('x'), { family: 'inet', addr: [127, 0, 0, 1], port: 1 }),
  ]);
  io.format('~w~n', [await socket.recv(S, 0, 1000)]);
  io.format('~w~n', [await socket.recvfrom(S, 0, 100)]);
  match('ok', await socket.send(C, Buffer.from('yz')));
  await timer.sleep(20);
  io.format('~w~n', [await socket.recvfrom(S, 1, 1000)]);
  io.format('~w~n', [await socket.recvfrom(S, 0, 1000)]);
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
