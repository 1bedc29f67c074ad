// socket:connect(S, Addr, nowait): a select_info, then a select message
// when the connection is made, then connect/1 completes it; the socket is
// then connected both ways.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, Port] = await listener();
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  const R = await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }, 'nowait');
  if (R[0] === 'select') {
    const SI = R[1];
    const [, Tag, H] = SI;
    io.format('select ~w ~w~n', [SI, Tag]);
    await receive(
      on(['$socket', C, 'select', H], (M) => io.format('~w~n', [M])),
      after(1000, () => io.format('no select message~n')),
    );
    io.format('connect/1: ~w~n', [await socket.connect(C)]);
  } else {
    io.format('at once: ~w~n', [R]);
  }
  const S = ok(await socket.accept(LS, 1000));
  match('ok', await socket.send(C, Buffer.from('ping')));
  io.format('~w~n', [await socket.recv(S, 4, 1000)]);
  match('ok', await socket.send(S, Buffer.from('pong')));
  io.format('~w~n', [await socket.recv(C, 4, 1000)]);
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
