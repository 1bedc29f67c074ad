// sockname of a socket that is open but not bound: the wildcard address
// with port 0.
import * as socket from 'erlts/socket';
import { io, error } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('~w~n', [await socket.sockname(S)]);
  io.format('~w~n', [await socket.peername(S)]);
  match('ok', await socket.close(S));
}

function ok<R extends readonly unknown[]>(Result: R): Extract<R, readonly ['ok', unknown]>[1] {
  if (Result[0] !== 'ok') return error(['badmatch', Result]);
  return Result[1];
}

function match(Pattern: unknown, Value: unknown): void {
  if (Value !== Pattern) error(['badmatch', Value]);
}
