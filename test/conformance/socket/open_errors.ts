// socket:open/2,3,4: invalid domain, type and protocol are errors, the
// defaults open a stream socket, and a second close says closed.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  io.format('~w~n', [await socket.open('foo' as never, 'stream', 'tcp')]);
  io.format('~w~n', [await socket.open('inet', 'foo' as never, 'tcp')]);
  io.format('~w~n', [await socket.open('inet', 'stream', 'foo')]);
  const S1 = ok(await socket.open('inet', 'stream'));
  const S2 = ok(await socket.open('inet', 'stream', 'tcp'));
  const S3 = ok(await socket.open('inet', 'stream', 'default', {}));
  const S4 = ok(await socket.open('inet', 'stream', 'tcp', { use_registry: true }));
  io.format('~w~n', [S1]);
  io.format('distinct: ~w~n', [new Set([S1, S2, S3, S4]).size]);
  io.format('~w~n', [await socket.close(S1)]);
  io.format('~w~n', [await socket.close(S1)]);
  for (const S of [S2, S3, S4]) match('ok', await socket.close(S));
}
