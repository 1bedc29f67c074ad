// socket:cancel/2 of a pending nowait accept and recv: ok, no select
// message afterwards, and the operation can be started again; cancelling
// it twice, or a select_info never returned, is an error.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, error, timer, make_ref, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, Port] = await listener();
  const ASI = select(await socket.accept(LS, 'nowait'));
  io.format('~w~n', [await socket.cancel(LS, ASI)]);
  io.format('~w~n', [await socket.cancel(LS, ASI)]);
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  await timer.sleep(30);
  io.format('mailbox: ~w~n', [await drain()]);
  const S = ok(await socket.accept(LS, 'nowait'));
  const RSI = select(await socket.recv(S, 0, 'nowait'));
  io.format('~w~n', [await socket.cancel(S, RSI)]);
  io.format('~w~n', [await socket.cancel(S, RSI)]);
  io.format('~w~n', [await socket.cancel(S, ['select_info', 'recv', make_ref()])]);
  match('ok', await socket.send(C, Buffer.from('x')));
  await timer.sleep(30);
  io.format('mailbox: ~w~n', [await drain()]);
  io.format('~w~n', [await socket.recv(S, 0, 'nowait')]);
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
}

function select(R: readonly unknown[]): socket.SelectInfo {
  if (R[0] !== 'select') return error(['badmatch', R]);
  return R[1] as socket.SelectInfo;
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
