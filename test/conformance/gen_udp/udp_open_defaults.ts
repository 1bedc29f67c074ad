// A fresh inet gen_udp socket: what getopts reads back, in the order asked.
// gen_udp asks for {recbuf, 8192} itself (the kernel reports it doubled), and
// buffer follows recbuf. Options with no meaning for UDP (nodelay, delay_send,
// send_timeout, tclass, ...) are left out of the answer, an unknown one makes
// the whole call {error, einval}. multicast_if is not asked: inet_drv reads it
// back as garbage on Linux. From gen_udp_SUITE:max_buffer_size.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0));
  io.format('~w~n', [
    await inet.getopts(S, [
      'active',
      'mode',
      'buffer',
      'recbuf',
      'sndbuf',
      'header',
      'deliver',
      'read_packets',
    ]),
  ]);
  io.format('~w~n', [
    await inet.getopts(S, [
      'broadcast',
      'multicast_loop',
      'multicast_ttl',
      'reuseaddr',
      'priority',
      'tos',
      'ttl',
      'dontroute',
    ]),
  ]);
  io.format('~w~n', [
    await inet.getopts(S, [
      'exit_on_close',
      'packet',
      'packet_size',
      'keepalive',
      'linger',
      'high_msgq_watermark',
      'low_msgq_watermark',
      'recvtos',
      'recvttl',
      'debug',
      'bind_to_device',
    ] as never),
  ]);
  io.format('not for udp: ~w~n', [
    await inet.getopts(S, [
      'ipv6_v6only',
      'nodelay',
      'delay_send',
      'send_timeout',
      'send_timeout_close',
      'high_watermark',
      'low_watermark',
      'show_econnreset',
      'tclass',
      'recvtclass',
      'netns',
      'pktoptions',
    ] as never),
  ]);
  io.format('unknown: ~w ~w ~w~n', [
    await inet.getopts(S, ['active', 'bogus'] as never),
    await inet.getopts(S, ['exclusiveaddruse'] as never),
    await inet.getopts(S, ['line_delimiter'] as never),
  ]);
  io.format('address options: ~w ~w~n', [
    await inet.getopts(S, ['ip'] as never),
    await inet.getopts(S, ['port'] as never),
  ]);
  io.format('empty: ~w~n', [await inet.getopts(S, [])]);
  match('ok', await gen_udp.close(S));
}
