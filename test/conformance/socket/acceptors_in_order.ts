// accept on one listen socket from several processes: each connection
// goes to the oldest waiting acceptor, which owns the accepted socket.
import * as socket from 'erlts/socket';
import { io, receive, on, _, self, spawn, send, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, Port] = await listener();
  const Self = self();
  const Acceptor = async (N: number): Promise<void> => {
    spawn(async () => {
      const S = ok(await socket.accept(LS, 1000));
      const Owner = socket.which_sockets(self()).includes(S);
      const Data = ok(await socket.recv(S, 1, 1000));
      send(Self, ['accepted', N, Owner, Data]);
      match('ok', await socket.close(S));
    });
    await timer.sleep(15);
  };
  for (const N of [1, 2, 3]) await Acceptor(N);
  const Cs: socket.Socket[] = [];
  for (const Byte of Buffer.from('abc', 'latin1')) {
    const C = ok(await socket.open('inet', 'stream', 'tcp'));
    match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
    match('ok', await socket.send(C, [Byte]));
    await timer.sleep(15);
    Cs.push(C);
  }
  for (let I = 0; I < Cs.length; I++) {
    await receive(
      on(['accepted', _, _, _], ([, N, Owner, Data]) => io.format('~w ~w ~w~n', [N, Owner, Data])),
    );
  }
  for (const X of [LS, ...Cs]) match('ok', await socket.close(X));
}

async function listener(): Promise<[socket.Socket, number]> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  return [LS, Port];
}
