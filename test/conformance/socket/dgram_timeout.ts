// recvfrom and recv on a dgram socket with nothing to read: {error,
// timeout} after the timeout (0 polls), with nothing left in the
// mailbox; a datagram sent afterwards is still received.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, self, send, spawn, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [A, SA] = await bound();
  io.format('~w~n', [await socket.recvfrom(A, 0, 50)]);
  io.format('~w~n', [await socket.recvfrom(A, 0, 0)]);
  io.format('~w~n', [await socket.recvfrom(A, 10, 30)]);
  io.format('~w~n', [await socket.recv(A, 0, 30)]);
  io.format('mailbox: ~w~n', [await drain()]);
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  const Self = self();
  spawn(async () => {
    await timer.sleep(30);
    match('ok', await socket.sendto(B, Buffer.from('late'), SA));
    send(Self, 'sent');
  });
  const [, D] = ok(await socket.recvfrom(A, 0, 1000));
  io.format('~w~n', [D]);
  await receive(on('sent', () => 'ok'));
  io.format('mailbox: ~w~n', [await drain()]);
  for (const X of [A, B]) match('ok', await socket.close(X));
}

async function bound(): Promise<[socket.Socket, socket.sockaddr]> {
  const S = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.bind(S, { family: 'inet', addr: 'loopback', port: 0 }));
  const SA = ok(await socket.sockname(S));
  return [S, SA];
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
