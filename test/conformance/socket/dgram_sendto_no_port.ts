// socket:sendto to an inet sockaddr map without a port (the port defaults
// to 0, to which nothing can be sent) or with port 0.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  const sendto = socket.sendto as (...args: unknown[]) => Promise<unknown>;
  for (const D of [
    { family: 'inet' },
    { family: 'inet', addr: [127, 0, 0, 1] },
    { family: 'inet', addr: 'loopback', port: 0 },
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
