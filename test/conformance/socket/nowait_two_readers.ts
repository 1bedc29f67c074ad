// Two processes recv nowait on one socket: both get a select_info; when
// data comes the first gets the select message and reads it; the second
// gets its select message when more data comes after that.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, error, self, spawn, send, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const Self = self();
  const Reader = async (N: number): Promise<void> => {
    spawn(async () => {
      const R = await socket.recv(S, 0, 'nowait');
      if (R[0] !== 'select' || R[1][1] !== 'recv') return error(['badmatch', R]);
      const H = R[1][2];
      send(Self, ['waiting', N]);
      await receive(
        on(['$socket', S, 'select', H], async () =>
          send(Self, ['selected', N, await socket.recv(S, 0, 'nowait')]),
        ),
        after(500, () => send(Self, ['no_select', N])),
      );
    });
    await receive(on(['waiting', N], () => 'ok'));
  };
  await Reader(1);
  await Reader(2);
  match('ok', await socket.send(C, Buffer.from('first')));
  await receive(on(_, (M1) => io.format('~w~n', [M1])));
  await timer.sleep(30);
  match('ok', await socket.send(C, Buffer.from('second')));
  await receive(on(_, (M2) => io.format('~w~n', [M2])));
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
