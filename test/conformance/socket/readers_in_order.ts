// recv on one socket from several processes: the readers are served one
// at a time, oldest first, each with its own length.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, self, spawn, send, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const Self = self();
  const Reader = async (N: number, Len: number): Promise<void> => {
    spawn(async () => send(Self, ['read', N, await socket.recv(S, Len, 1000)]));
    await timer.sleep(15);
  };
  await Reader(1, 3);
  await Reader(2, 2);
  await Reader(3, 4);
  await Reader(4, 0);
  match('ok', await socket.send(C, Buffer.from('aaabbccccrest')));
  for (let I = 0; I < 4; I++) {
    await receive(on(['read', _, _], ([, N, R]) => io.format('~w ~w~n', [N, R])));
  }
  io.format('mailbox: ~w~n', [await drain()]);
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

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
