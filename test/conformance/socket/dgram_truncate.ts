// socket:recvfrom(S, BufSz, Timeout) with BufSz smaller than the datagram:
// the first BufSz bytes, and the rest of that datagram is gone; a BufSz
// larger than the datagram gives it whole, and recv cuts the same way.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [A, SA] = await bound();
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.sendto(B, Buffer.from('hello world'), SA));
  match('ok', await socket.sendto(B, Buffer.from('next'), SA));
  const [, D1] = ok(await socket.recvfrom(A, 5, 1000));
  io.format('~w~n', [D1]);
  const [, D2] = ok(await socket.recvfrom(A, 100, 1000));
  io.format('~w~n', [D2]);
  io.format('~w~n', [await socket.recvfrom(A, 5, 50)]);
  match('ok', await socket.sendto(B, Buffer.from('abcdef'), SA));
  io.format('~w~n', [await socket.recv(A, 3, 1000)]);
  io.format('~w~n', [await socket.recv(A, 0, 50)]);
  match('ok', await socket.sendto(B, Buffer.from('xyz'), SA));
  const [, D3] = ok(await socket.recvfrom(A, 1, 1000));
  io.format('~w~n', [D3]);
  for (const X of [A, B]) match('ok', await socket.close(X));
}

async function bound(): Promise<[socket.Socket, socket.sockaddr]> {
  const S = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.bind(S, { family: 'inet', addr: 'loopback', port: 0 }));
  const SA = ok(await socket.sockname(S));
  return [S, SA];
}
