// An inet6 datagram socket sends to an inet address (v4-mapped, as Linux
// takes it), connects to one, and hears the inet socket's answer from the
// v4-mapped address.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const B = ok(await socket.open('inet', 'dgram'));
  match('ok', await socket.bind(B, { family: 'inet', addr: 'loopback', port: 0 }));
  const BAddr = ok(await socket.sockname(B)) as socket.sockaddr & { port: number };
  const PB = BAddr.port;
  const A = ok(await socket.open('inet6', 'dgram'));
  io.format('sendto: ~w~n', [await socket.sendto(A, Buffer.from('hi'), BAddr)]);
  const [From, Data] = ok(await socket.recvfrom(B, 0, 1000));
  io.format('B got ~w from ~w~n', [Data, withoutPort(From)]);
  match('ok', await socket.sendto(B, Buffer.from('back'), From));
  const [From2, Data2] = ok(await socket.recvfrom(A, 0, 1000));
  io.format('A got ~w from ~w, port ok: ~w~n', [Data2, withoutPort(From2), portOf(From2) === PB]);
  io.format('connect: ~w~n', [await socket.connect(A, { family: 'inet', addr: 'loopback', port: PB })]);
  const Peer = ok(await socket.peername(A));
  io.format('peername: ~w, port ok: ~w~n', [withoutPort(Peer), portOf(Peer) === PB]);
  io.format('send: ~w~n', [await socket.send(A, Buffer.from('x'))]);
  io.format('B recv: ~w~n', [await socket.recv(B, 0, 1000)]);
  const Name = ok(await socket.sockname(A));
  io.format('sockname: ~w~n', [withoutPort(Name)]);
  match('ok', await socket.close(A));
  match('ok', await socket.close(B));
}

function withoutPort(M: object): object {
  const { port: _port, ...Rest } = M as Record<string, unknown>;
  return Rest;
}

function portOf(M: object): unknown {
  return (M as { port?: unknown }).port;
}
