// recbuf and sndbuf read back as the kernel reports them (Linux doubles the
// value asked). Setting recbuf also raises buffer to the value asked, capped
// at 65536, unless buffer was ever set explicitly; a smaller recbuf never
// lowers buffer. An explicit buffer reads back as set. From
// gen_udp_SUITE:buffer_size and max_buffer_size (OTP-15206).
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary']));
  io.format('fresh: ~w~n', [await inet.getopts(S, ['recbuf', 'buffer'])]);
  for (const N of [20000, 10000, 65536, 1 << 20]) {
    match('ok', await inet.setopts(S, [['recbuf', N]]));
    io.format('recbuf ~w: ~w~n', [N, await inet.getopts(S, ['recbuf', 'buffer'])]);
  }
  match('ok', await inet.setopts(S, [['sndbuf', 10000]]));
  io.format('sndbuf 10000: ~w~n', [await inet.getopts(S, ['sndbuf'])]);
  match('ok', await inet.setopts(S, [['buffer', 1000]]));
  io.format('buffer 1000: ~w~n', [await inet.getopts(S, ['buffer'])]);
  match('ok', await inet.setopts(S, [['recbuf', 30000]]));
  io.format('recbuf after buffer: ~w~n', [await inet.getopts(S, ['recbuf', 'buffer'])]);
  match('ok', await gen_udp.close(S));
  for (const Opts of [
    list(['recbuf', 1000]),
    list(['recbuf', 100000]),
    list(['buffer', 100]),
    list(['buffer', 100], ['recbuf', 100000]),
    list(['recbuf', 100000], ['buffer', 100]),
    list(['sndbuf', 4096]),
    list(['buffer', 70000]),
  ]) {
    const S2 = ok(await gen_udp.open(0, Opts as never));
    io.format('open ~w: ~w~n', [Opts, await inet.getopts(S2, ['recbuf', 'buffer', 'sndbuf'])]);
    match('ok', await gen_udp.close(S2));
  }
}
