// send on a stream socket that is not connected (open, bound, or
// listening): OTP returns the kernel's epipe.
import * as socket from 'erlts/socket';
import { io, error } from 'erlts';

export default async function main(): Promise<void> {
  const U = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('open ~w~n', [await socket.send(U, Buffer.from('x'))]);
  match('ok', await socket.bind(U, { family: 'inet', addr: 'loopback', port: 0 }));
  io.format('bound ~w~n', [await socket.send(U, Buffer.from('x'))]);
  match('ok', await socket.listen(U));
  io.format('listening ~w~n', [await socket.send(U, Buffer.from('x'))]);
  match('ok', await socket.close(U));
}

function ok<R extends readonly unknown[]>(Result: R): Extract<R, readonly ['ok', unknown]>[1] {
  if (Result[0] !== 'ok') return error(['badmatch', Result]);
  return Result[1];
}

function match(Pattern: unknown, Value: unknown): void {
  if (Value !== Pattern) error(['badmatch', Value]);
}
