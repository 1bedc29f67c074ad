// Calls that do not fit the socket: a connect to another family, and
// listen, accept and shutdown on a datagram socket.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('~w~n', [await socket.connect(C, { family: 'inet6', addr: [0, 0, 0, 0, 0, 0, 0, 1], port: 1 })]);
  const U = ok(await socket.open('inet', 'dgram', 'udp'));
  io.format('~w~n', [await socket.connect(U, { family: 'inet6', addr: [0, 0, 0, 0, 0, 0, 0, 1], port: 1 })]);
  io.format('~w~n', [await socket.shutdown(U, 'write')]);
  io.format('~w~n', [await socket.listen(U)]);
  io.format('~w~n', [await socket.accept(U, 0)]);
  for (const X of [C, U]) match('ok', await socket.close(X));
}
