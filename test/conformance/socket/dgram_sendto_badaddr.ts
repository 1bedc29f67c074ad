// socket:sendto with a destination that is not a sockaddr map raises
// {invalid, {sockaddr, Dest}}; send on an unconnected dgram socket has
// no destination.
import * as socket from 'erlts/socket';
import { io, list, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  const sendto = socket.sendto as (...args: unknown[]) => Promise<unknown>;
  for (const D of ['foo', [127, 0, 0, 1], 42, list(...Buffer.from('127.0.0.1:9', 'latin1'))]) {
    await try_(D, () => sendto(B, Buffer.from('x'), D));
  }
  io.format('send: ~w~n', [await socket.send(B, Buffer.from('x'))]);
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
