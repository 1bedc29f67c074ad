// socket:accept(LS, Ref) with a ref of the caller's own: the select_info
// and the select message carry that ref.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, error, make_ref, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, Port] = await listener();
  const Ref = make_ref();
  const R = await socket.accept(LS, Ref);
  if (R[0] !== 'select' || R[1][1] !== 'accept') return error(['badmatch', R]);
  const SI = R[1];
  const H = SI[2];
  io.format('~w ~w ~w~n', [Ref, SI, H === Ref]);
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  await receive(
    on(['$socket', LS, 'select', Ref], (M) => io.format('~w~n', [M])),
    after(1000, () => io.format('no select message~n')),
  );
  const S = ok(await socket.accept(LS, Ref));
  io.format('accepted: ~w~n', [S !== LS]);
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
