// socket:recv(S, 0, Ref) with a ref of the caller's own: the select_info
// and select message carry the ref; cancel with that select_info works.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, error, timer, make_ref, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const Ref = make_ref();
  const SI = select(await socket.recv(S, 0, Ref));
  io.format('~w ~w~n', [Ref, SI]);
  match('ok', await socket.send(C, Buffer.from('data')));
  await receive(
    on(['$socket', S, 'select', Ref], (M) => io.format('~w~n', [M])),
    after(1000, () => io.format('no select message~n')),
  );
  io.format('~w~n', [await socket.recv(S, 0, Ref)]);
  const Ref2 = make_ref();
  const SI2 = select(await socket.recv(S, 0, Ref2));
  io.format('~w~n', [SI2]);
  io.format('cancel: ~w~n', [await socket.cancel(S, SI2)]);
  match('ok', await socket.send(C, Buffer.from('more')));
  await timer.sleep(30);
  io.format('mailbox: ~w~n', [await drain()]);
  io.format('~w~n', [await socket.recv(S, 0, 1000)]);
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
