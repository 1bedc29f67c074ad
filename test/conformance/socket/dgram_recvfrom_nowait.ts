// socket:recvfrom(S, 0, nowait): a datagram already there comes at once;
// otherwise {select, {select_info, recvfrom, H}}, then {'$socket', S,
// select, H} when one arrives, and recvfrom again reads it. cancel of a
// pending one means no select message comes.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, error, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [A, SA] = await bound();
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.sendto(B, Buffer.from('now'), SA));
  await timer.sleep(20);
  const [, D0] = ok(await socket.recvfrom(A, 0, 'nowait'));
  io.format('~w~n', [D0]);
  const SI = select(await socket.recvfrom(A, 0, 'nowait'));
  const [, Tag, H] = SI;
  io.format('~w ~w~n', [SI, Tag]);
  io.format('mailbox: ~w~n', [await drain()]);
  match('ok', await socket.sendto(B, Buffer.from('later'), SA));
  await receive(
    on(['$socket', A, 'select', H], (M) => io.format('~w~n', [M])),
    after(1000, () => io.format('no select message~n')),
  );
  const [, D1] = ok(await socket.recvfrom(A, 0, 'nowait'));
  io.format('~w~n', [D1]);
  const SI2 = select(await socket.recvfrom(A, 3, 'nowait'));
  io.format('cancel: ~w~n', [await socket.cancel(A, SI2)]);
  match('ok', await socket.sendto(B, Buffer.from('after cancel'), SA));
  await timer.sleep(30);
  io.format('mailbox: ~w~n', [await drain()]);
  const [, D2] = ok(await socket.recvfrom(A, 5, 'nowait'));
  io.format('~w~n', [D2]);
  io.format('mailbox: ~w~n', [await drain()]);
  for (const X of [A, B]) match('ok', await socket.close(X));
}

function select(R: readonly unknown[]): socket.SelectInfo {
  if (R[0] !== 'select') return error(['badmatch', R]);
  return R[1] as socket.SelectInfo;
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
