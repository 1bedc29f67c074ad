// Two processes accept nowait on one listen socket: a connection wakes
// the first with a select message and it accepts; the second is woken by
// the next connection.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, error, self, spawn, send, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, Port] = await listener();
  const Self = self();
  const Acceptor = async (N: number): Promise<void> => {
    spawn(async () => {
      const R = await socket.accept(LS, 'nowait');
      if (R[0] !== 'select' || R[1][1] !== 'accept') return error(['badmatch', R]);
      const H = R[1][2];
      send(Self, ['waiting', N]);
      await receive(
        on(['$socket', LS, 'select', H], async () => {
          const S = ok(await socket.accept(LS, 'nowait'));
          send(Self, ['accepted', N]);
          match('ok', await socket.close(S));
        }),
        after(500, () => send(Self, ['no_select', N])),
      );
    });
    await receive(on(['waiting', N], () => 'ok'));
  };
  await Acceptor(1);
  await Acceptor(2);
  const Connect = async (): Promise<socket.Socket> => {
    const C = ok(await socket.open('inet', 'stream', 'tcp'));
    match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
    return C;
  };
  const C1 = await Connect();
  await receive(on(_, (M1) => io.format('~w~n', [M1])));
  const C2 = await Connect();
  await receive(on(_, (M2) => io.format('~w~n', [M2])));
  for (const X of [C1, C2, LS]) match('ok', await socket.close(X));
}

async function listener(): Promise<[socket.Socket, number]> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  return [LS, Port];
}
