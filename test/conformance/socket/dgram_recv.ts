// socket:recv on a dgram socket gives the data of one datagram without its
// source: recv/1, recv/2 (Length 0 for the whole datagram, N to cut it),
// recv/3 with a timeout.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [A, SA] = await bound();
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  for (const X of ['first', 'second', 'third one', '4th']) {
    match('ok', await socket.sendto(B, Buffer.from(X), SA));
  }
  io.format('~w~n', [await socket.recv(A)]);
  io.format('~w~n', [await socket.recv(A, 0)]);
  io.format('~w~n', [await socket.recv(A, 5)]);
  io.format('~w~n', [await socket.recv(A, 10, 1000)]);
  io.format('~w~n', [await socket.recv(A, 0, 50)]);
  for (const X of [A, B]) match('ok', await socket.close(X));
}

async function bound(): Promise<[socket.Socket, socket.sockaddr]> {
  const S = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.bind(S, { family: 'inet', addr: 'loopback', port: 0 }));
  const SA = ok(await socket.sockname(S));
  return [S, SA];
}
