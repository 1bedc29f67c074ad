// The peer closes: data sent before the close is read first, then recv
// says closed, and says it again when called again; a nowait recv waiting
// when the peer closes gets a select message and then closed.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, error, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const H = select(await socket.recv(S, 0, 'nowait'))[2];
  match('ok', await socket.send(C, Buffer.from('bye')));
  await receive(
    on(['$socket', S, 'select', H], () => io.format('select~n')),
    after(1000, () => io.format('no select message~n')),
  );
  io.format('~w~n', [await socket.recv(S, 0, 'nowait')]);
  const H2 = select(await socket.recv(S, 0, 'nowait'))[2];
  match('ok', await socket.close(C));
  await receive(
    on(['$socket', S, 'select', H2], () => io.format('select~n')),
    after(1000, () => io.format('no select message~n')),
  );
  io.format('~w~n', [await socket.recv(S, 0, 'nowait')]);
  io.format('~w~n', [await socket.recv(S, 0, 100)]);
  io.format('mailbox: ~w~n', [await drain()]);
  for (const X of [S, LS]) match('ok', await socket.close(X));
}

function select(R: readonly unknown[]): readonly unknown[] {
  if (R[0] !== 'select' || (R[1] as unknown[])[1] !== 'recv') return error(['badmatch', R]);
  return R[1] as readonly unknown[];
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
