// The owner's death closes its sockets: a monitor gets DOWN, the socket
// leaves the registry, calls say closed, and the peer sees the close.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, self, spawn_monitor, send, exit, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, Port] = await listener();
  const Self = self();
  const [Pid, MRef] = spawn_monitor(async () => {
    const C = ok(await socket.open('inet', 'stream', 'tcp'));
    match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
    send(Self, ['sock', C]);
    await receive(on('stop', () => 'ok'));
  });
  const C = (await receive(on(['sock', _], ([, X]) => X))) as socket.Socket;
  const S = ok(await socket.accept(LS, 1000));
  const SMon = socket.monitor(C);
  const Owned = socket.which_sockets(Pid);
  io.format('owned: ~w~n', [Owned.length === 1 && Owned[0] === C]);
  io.format('send from another process: ~w~n', [await socket.send(C, Buffer.from('hi'))]);
  io.format('~w~n', [await socket.recv(S, 2, 1000)]);
  exit(Pid, 'kill');
  await receive(on(['DOWN', MRef, 'process', Pid, _], ([, , , , R]) => io.format('process: ~w~n', [R])));
  await receive(
    on(['DOWN', SMon, 'socket', C, _], ([, , , , Info]) => io.format('socket: ~w~n', [Info])),
    after(1000, () => io.format('no socket DOWN~n')),
  );
  io.format('~w~n', [socket.which_sockets().includes(C)]);
  io.format('~w ~w~n', [await socket.send(C, Buffer.from('x')), await socket.close(C)]);
  io.format('peer: ~w~n', [await socket.recv(S, 0, 1000)]);
  for (const X of [S, LS]) match('ok', await socket.close(X));
}

async function listener(): Promise<[socket.Socket, number]> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  return [LS, Port];
}
