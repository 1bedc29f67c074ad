// socket:recv(S, N, nowait): data already there comes at once; otherwise
// a select_info, a select message when data comes, and recv again reads
// it (the same length as asked the first time).
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, error, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  match('ok', await socket.send(C, Buffer.from('now')));
  await timer.sleep(20);
  io.format('~w~n', [await socket.recv(S, 0, 'nowait')]);
  const R = await socket.recv(S, 0, 'nowait');
  if (R[0] !== 'select') return error(['badmatch', R]);
  const SI = R[1];
  const [, Tag, H] = SI;
  io.format('~w ~w~n', [SI, Tag]);
  io.format('mailbox: ~w~n', [await drain()]);
  match('ok', await socket.send(C, Buffer.from('later')));
  await receive(
    on(['$socket', S, 'select', H], (M) => io.format('~w~n', [M])),
    after(1000, () => io.format('no select message~n')),
  );
  io.format('~w~n', [await socket.recv(S, 0, 'nowait')]);
  const R2 = await socket.recv(S, 4, 'nowait');
  if (R2[0] !== 'select') return error(['badmatch', R2]);
  const H2 = R2[1][2];
  match('ok', await socket.send(C, Buffer.from('abcdef')));
  await receive(
    on(['$socket', S, 'select', H2], () => io.format('select 2~n')),
    after(1000, () => io.format('no select message~n')),
  );
  io.format('~w~n', [await socket.recv(S, 4, 'nowait')]);
  io.format('~w~n', [await socket.recv(S, 0, 'nowait')]);
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
