// socket:sendto on an inet dgram socket to a sockaddr of another family
// (inet6, local).
import * as socket from 'erlts/socket';
import { io, list, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  const sendto = socket.sendto as (...args: unknown[]) => Promise<unknown>;
  for (const D of [
    { family: 'inet6', addr: [0, 0, 0, 0, 0, 0, 0, 1], port: 9 },
    { family: 'local', path: list(...Buffer.from('/tmp/erlts_no_such_socket', 'latin1')) },
  ]) {
    await try_(D, () => sendto(B, Buffer.from('x'), D));
  }
  match('ok', await socket.close(B));
}

async function try_(Dest: unknown, Fun: () => unknown): Promise<void> {
  try {
    const R = await Fun();
    io.format('~w: returned ~w~n', [Dest, R]);
  } catch (e) {
    const [Class, Reason] = classOf(e);
    io.format('~w: ~w:~w~n', [Dest, Class, Reason]);
  }
}
