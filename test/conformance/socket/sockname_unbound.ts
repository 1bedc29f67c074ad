// sockname of a socket that is open but not bound: the wildcard address
// with port 0.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('~w~n', [await socket.sockname(S)]);
  io.format('~w~n', [await socket.peername(S)]);
  match('ok', await socket.close(S));
}
