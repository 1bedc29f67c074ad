// read_packets, how many datagrams an active socket reads per poll: 5 by
// default, any positive integer reads back as set, 0 is {error, einval} from
// setopts and open, a negative value einval from setopts but exit badarg
// from open. Every datagram is still delivered, in order, whatever its
// value. From gen_udp_SUITE:read_packets (OTP-6249).
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const R = ok(await gen_udp.open(0, ['binary', ['active', true], ['read_packets', 1]]));
  const RP = ok(await inet.port(R));
  io.format('~w~n', [await inet.getopts(R, ['read_packets'])]);
  for (let I = 1; I <= 12; I++) match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from([I])));
  await timer.sleep(50);
  io.format('~w~n', [
    list(
      ...(await drain())
        .filter((M) => Array.isArray(M) && M.length === 5 && M[0] === 'udp')
        .map((M) => (M as unknown[])[4]),
    ),
  ]);
  io.format('setopts: ~w ~w ~w ~w~n', [
    await inet.setopts(R, [['read_packets', 100]]),
    await inet.setopts(R, [['read_packets', 0]]),
    await inet.setopts(R, [['read_packets', -1]]),
    await inet.setopts(R, [['read_packets', 'foo']] as never),
  ]);
  io.format('~w~n', [await inet.getopts(R, ['read_packets'])]);
  io.format('open 0: ~w~n', [await try_(() => gen_udp.open(0, [['read_packets', 0]]))]);
  io.format('open -1: ~w~n', [await try_(() => gen_udp.open(0, [['read_packets', -1]]))]);
  const R2 = ok(await gen_udp.open(0, [['read_packets', 7]]));
  io.format('open 7: ~w~n', [await inet.getopts(R2, ['read_packets'])]);
  match('ok', await gen_udp.close(R2));
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}

/** The result, or {caught, Class, Reason} for what was raised. */
async function try_(F: () => Promise<unknown>): Promise<unknown> {
  try {
    return await F();
  } catch (e) {
    return ['caught', ...classOf(e)];
  }
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
