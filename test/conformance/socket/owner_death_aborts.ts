// The owner of a listen socket and of a connected socket dies while other
// processes wait on them: a blocked accept returns closed and a pending
// nowait recv gets an abort message.
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
  exit,
  timer,
  ok,
  match,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  const Self = self();
  const Owner = spawn(async () => {
    const [LS, Port] = await listener();
    send(Self, ['listening', LS, Port]);
    const S = ok(await socket.accept(LS, 1000));
    send(Self, ['accepted', S]);
    await receive(on('stop', () => 'ok'));
  });
  const [LS, Port] = await receive(
    on(['listening', _, _], ([, L, P]) => [L as socket.Socket, P as number] as const),
  );
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  const S = await receive(on(['accepted', _], ([, X]) => X as socket.Socket));
  spawn(async () => send(Self, ['accept', await socket.accept(LS, 'infinity')]));
  const R0 = await socket.recv(S, 0, 'nowait');
  if (R0[0] !== 'select' || R0[1][1] !== 'recv') return error(['badmatch', R0]);
  const H = R0[1][2];
  await timer.sleep(30);
  exit(Owner, 'kill');
  await receive(on(['accept', _], ([, R]) => io.format('accept: ~w~n', [R])));
  await receive(
    on(['$socket', S, 'abort', [H, _]], ([, , , [, Why]]) => io.format('abort: ~w~n', [Why])),
    after(1000, () => io.format('no abort~n')),
  );
  io.format('~w ~w~n', [await socket.close(LS), await socket.close(S)]);
  io.format('peer: ~w~n', [await socket.recv(C, 0, 1000)]);
  match('ok', await socket.close(C));
  io.format('mailbox: ~w~n', [await drain()]);
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
