// shutdown of a listening socket: OTP passes it to the kernel, which
// accepts it; the socket still closes normally.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS] = await listener();
  io.format('~w~n', [await socket.shutdown(LS, 'write')]);
  io.format('~w~n', [await socket.shutdown(LS, 'read_write')]);
  io.format('~w~n', [await socket.close(LS)]);
}

async function listener(): Promise<[socket.Socket, number]> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  return [LS, Port];
}
