// close of a dgram socket by another process: a pending nowait recvfrom
// gets {'$socket', S, abort, {H, closed}}, a recvfrom blocked in a third
// process returns {error, closed}, and later calls say closed.
import * as socket from 'erlts/socket';
import {
  io,
  receive,
  on,
  after,
  _,
  list,
  error,
  self,
  send,
  spawn,
  timer,
  ok,
  match,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  const [A] = await bound();
  const Self = self();
  spawn(async () => send(Self, ['blocked', await socket.recvfrom(A, 0, 'infinity')]));
  await timer.sleep(20);
  const SI = select(await socket.recvfrom(A, 0, 'nowait'));
  const [, , H] = SI;
  io.format('~w~n', [SI]);
  spawn(async () => send(Self, ['closed', await socket.close(A)]));
  await receive(on(['closed', _], ([, R]) => io.format('close: ~w~n', [R])));
  await receive(
    on(['$socket', A, 'abort', [H, _]], (M) => io.format('~w~n', [M])),
    after(1000, () => io.format('no abort~n')),
  );
  await receive(
    on(['blocked', _], ([, B]) => io.format('blocked: ~w~n', [B])),
    after(1000, () => io.format('still blocked~n')),
  );
  io.format('~w~n', [await socket.recvfrom(A, 0, 'nowait')]);
  io.format('~w~n', [await socket.recvfrom(A, 0, 100)]);
  io.format('~w~n', [
    await socket.sendto(A, Buffer.from('x'), { family: 'inet', addr: 'loopback', port: 9 }),
  ]);
  io.format('~w~n', [await socket.close(A)]);
  io.format('mailbox: ~w~n', [await drain()]);
}

function select(R: readonly unknown[]): readonly [unknown, unknown, unknown] {
  if (R[0] !== 'select') return error(['badmatch', R]);
  return R[1] as readonly [unknown, unknown, unknown];
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
