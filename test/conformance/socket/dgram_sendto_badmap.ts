// socket:sendto with a sockaddr map whose family or address is bad:
// OTP returns {error, {invalid, ...}} for a map (it raises only for a
// destination that is not a map).
import * as socket from 'erlts/socket';
import { io, list, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  const sendto = socket.sendto as (...args: unknown[]) => Promise<unknown>;
  for (const D of [
    { family: 'inet', addr: [1, 2, 3], port: 9 },
    { family: 'inet', addr: list(...Buffer.from('127.0.0.1', 'latin1')), port: 9 },
    { family: 'foo', addr: 'any', port: 9 },
    {},
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
