// cancel of a nowait accept by a process other than the one that made
// it, then by that process itself.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, error, self, spawn, send, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS] = await listener();
  const Self = self();
  const P = spawn(async () => {
    const R = await socket.accept(LS, 'nowait');
    if (R[0] !== 'select') return error(['badmatch', R]);
    const SI = R[1];
    send(Self, ['si', SI]);
    await receive(on('cancel', async () => send(Self, ['own_cancel', await socket.cancel(LS, SI)])));
  });
  const SI = await receive(on(['si', _], ([, X]) => X as socket.SelectInfo));
  io.format('other: ~w~n', [await socket.cancel(LS, SI)]);
  send(P, 'cancel');
  await receive(on(['own_cancel', _], ([, R]) => io.format('own: ~w~n', [R])));
  io.format('mailbox: ~w~n', [await drain()]);
  match('ok', await socket.close(LS));
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
