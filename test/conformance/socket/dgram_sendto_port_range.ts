// socket:sendto to a port outside 0..65535: OTP takes the port modulo
// 2^16 and sends (70000 -> 4464, -1 -> 65535), checked here by a bound
// receiver on its own port plus 65536.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const A = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.bind(A, { family: 'inet', addr: 'loopback', port: 0 }));
  const { port: Port } = ok(await socket.sockname(A)) as { port: number };
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  await try_('plus_65536', () =>
    socket.sendto(B, Buffer.from('wrapped'), { family: 'inet', addr: 'loopback', port: Port + 65536 }),
  );
  const R = await socket.recvfrom(A, 0, 200);
  io.format('~w~n', [R[0] === 'ok' ? R[1][1] : R]);
  await try_('minus_one', () =>
    socket.sendto(B, Buffer.from('x'), { family: 'inet', addr: 'loopback', port: -1 }),
  );
  for (const X of [A, B]) match('ok', await socket.close(X));
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
