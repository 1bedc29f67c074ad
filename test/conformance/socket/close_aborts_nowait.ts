// close of a socket with pending nowait calls: each caller gets
// {'$socket', S, abort, {Handle, closed}}, also when another process
// closes it; later calls say closed.
import * as socket from 'erlts/socket';
import {
  io,
  receive,
  on,
  after,
  _,
  list,
  error,
  self,
  spawn,
  send,
  is_process_alive,
  ok,
  match,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const Self = self();
  const P = spawn(async () => {
    const SI = select(await socket.recv(S, 0, 'nowait'));
    send(Self, ['si', SI]);
    await receive(
      on(_, (M) => send(Self, ['got', M])),
      after(1000, () => send(Self, ['got', 'nothing'])),
    );
  });
  const SI = await receive(on(['si', _], ([, X]) => X));
  io.format('~w~n', [SI]);
  match('ok', await socket.close(S));
  await receive(on(['got', _], ([, M]) => io.format('~w~n', [M])));
  io.format('~w~n', [await socket.recv(S, 0, 'nowait')]);
  const ASI = select(await socket.accept(LS, 'nowait'));
  io.format('~w~n', [ASI]);
  spawn(async () => {
    match('ok', await socket.close(LS));
    send(Self, 'closed');
  });
  await receive(on('closed', () => 'ok'));
  await receive(
    on(['$socket', LS, 'abort', _], (A) => io.format('~w~n', [A])),
    after(1000, () => io.format('no abort~n')),
  );
  io.format('~w~n', [await socket.accept(LS, 'nowait')]);
  io.format('mailbox: ~w ~w~n', [await drain(), is_process_alive(P)]);
  match('ok', await socket.close(C));
}

function select(R: readonly unknown[]): readonly unknown[] {
  if (R[0] !== 'select') return error(['badmatch', R]);
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
