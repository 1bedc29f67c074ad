// An inet6 sockaddr map as peername gives it has flowinfo and scope_id
// besides family, addr and port.
import * as socket from 'erlts/socket';
import { io, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await socket.open('inet6', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet6', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { family: F, addr: A, port: Port } = ok(await socket.sockname(LS)) as Inet;
  io.format('~w ~w~n', [F, A]);
  const C = ok(await socket.open('inet6', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet6', addr: [0, 0, 0, 0, 0, 0, 0, 1], port: Port }));
  const S = ok(await socket.accept(LS, 1000));
  const Peer: Record<string, unknown> = { ...ok(await socket.peername(S)) };
  delete Peer.port;
  io.format('~w~n', [Peer]);
  match('ok', await socket.send(C, Buffer.from('six')));
  io.format('~w~n', [await socket.recv(S, 3, 1000)]);
  const L6 = socket.which_sockets('inet6');
  io.format('inet6: ~w~n', [list(...[LS, C, S].map((X) => L6.includes(X)))]);
  const L4 = socket.which_sockets('inet');
  io.format('inet: ~w~n', [list(...[LS, C, S].map((X) => L4.includes(X)))]);
  io.format('wrong family: ~w~n', [await socket.bind(C, { family: 'inet', addr: 'loopback', port: 0 })]);
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
}

type Inet = { family: string; addr: readonly number[]; port: number };
