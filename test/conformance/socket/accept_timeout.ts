// socket:accept/2 with a timeout: {error, timeout} when nobody connects
// (also for 0), and the listen socket still accepts afterwards.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, Port] = await listener();
  io.format('~w~n', [await socket.accept(LS, 50)]);
  io.format('~w~n', [await socket.accept(LS, 0)]);
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  const S = ok(await socket.accept(LS, 1000));
  io.format('accepted: ~w~n', [S !== LS]);
  const { addr: A } = ok(await socket.peername(S)) as { addr: readonly number[] };
  io.format('peer: ~w~n', [A]);
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

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
