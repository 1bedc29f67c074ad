// send on a stream socket that is not connected (open, bound, or
// listening): OTP returns the kernel's epipe.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const U = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('open ~w~n', [await socket.send(U, Buffer.from('x'))]);
  match('ok', await socket.bind(U, { family: 'inet', addr: 'loopback', port: 0 }));
  io.format('bound ~w~n', [await socket.send(U, Buffer.from('x'))]);
  match('ok', await socket.listen(U));
  io.format('listening ~w~n', [await socket.send(U, Buffer.from('x'))]);
  match('ok', await socket.close(U));
}
