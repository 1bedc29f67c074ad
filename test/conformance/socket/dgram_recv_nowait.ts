// socket:recv(S, 0, nowait) on a dgram socket: the select_info's tag, the
// select message, and recv again reading the datagram.
import * as socket from 'erlts/socket';
import { io, receive, on, after, error, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [A, SA] = await bound();
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  const R = await socket.recv(A, 0, 'nowait');
  if (R[0] !== 'select') return error(['badmatch', R]);
  const SI = R[1];
  const [, Tag, H] = SI;
  io.format('~w ~w~n', [SI, Tag]);
  match('ok', await socket.sendto(B, Buffer.from('later'), SA));
  await receive(
    on(['$socket', A, 'select', H], (M) => io.format('~w~n', [M])),
    after(1000, () => io.format('no select message~n')),
  );
  io.format('~w~n', [await socket.recv(A, 0, 'nowait')]);
  for (const X of [A, B]) match('ok', await socket.close(X));
}

async function bound(): Promise<[socket.Socket, socket.sockaddr]> {
  const S = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.bind(S, { family: 'inet', addr: 'loopback', port: 0 }));
  const SA = ok(await socket.sockname(S));
  return [S, SA];
}
