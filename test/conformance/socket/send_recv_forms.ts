// The shorter and longer forms of send and recv: send/2, send/3 with a
// timeout, infinity, nowait and a ref; recv/1, recv/2, and recv/4 with
// empty flags.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, timer, make_ref, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  io.format('~w~n', [await socket.send(C, Buffer.from('a'))]);
  io.format('~w~n', [await socket.send(C, Buffer.from('b'), 1000)]);
  io.format('~w~n', [await socket.send(C, Buffer.from('c'), 'infinity')]);
  io.format('~w~n', [await socket.send(C, Buffer.from('d'), 'nowait')]);
  io.format('~w~n', [await socket.send(C, Buffer.from('e'), make_ref())]);
  io.format('~w~n', [await socket.send(C, list(...Buffer.from('fg', 'latin1')))]);
  io.format('~w~n', [await socket.recv(S, 2)]);
  io.format('~w~n', [await socket.recv(S, 2, [], 1000)]);
  await timer.sleep(20);
  io.format('~w~n', [await socket.recv(S)]);
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
