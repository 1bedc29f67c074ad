// connect(S, Addr, Ref) with a ref of the caller's own: the select_info
// and the select message carry it, and connect/1 completes.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, make_ref, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, Port] = await listener();
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  const Ref = make_ref();
  const R = await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }, Ref);
  if (R[0] === 'select') {
    const SI = R[1];
    io.format('~w ~w~n', [Ref, SI]);
    await receive(
      on(['$socket', C, 'select', Ref], (M) => io.format('~w~n', [M])),
      after(1000, () => io.format('no select message~n')),
    );
    io.format('connect/1: ~w~n', [await socket.connect(C)]);
  } else {
    io.format('at once: ~w~n', [R]);
  }
  const S = ok(await socket.accept(LS, 1000));
  const { port: CPort } = ok(await socket.sockname(C)) as { port: number };
  const { port: SPeerPort } = ok(await socket.peername(S)) as { port: number };
  io.format('same connection: ~w~n', [CPort === SPeerPort]);
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
