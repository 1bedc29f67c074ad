// A fresh inet6 gen_udp socket: unlike inet, gen_udp asks for no recbuf, so
// recbuf is the kernel's default and buffer stays at inet_drv's default, 1460.
// ipv6_v6only, tclass and recvtclass read back on inet6; ttl and tos still do.
// sockname is the IPv6 any address. From gen_udp_SUITE:implicit_inet6.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['inet6']));
  io.format('~w~n', [
    await inet.getopts(S, ['active', 'mode', 'buffer', 'header', 'deliver', 'read_packets']),
  ]);
  io.format('~w~n', [
    await inet.getopts(S, [
      'ipv6_v6only',
      'tclass',
      'recvtclass',
      'ttl',
      'tos',
      'broadcast',
      'multicast_loop',
      'multicast_ttl',
      'reuseaddr',
    ] as never),
  ]);
  const [Addr, Port] = ok(await inet.sockname(S));
  io.format('sockname: ~w ~w~n', [Addr, Number.isInteger(Port)]);
  io.format('peername: ~w~n', [await inet.peername(S)]);
  match('ok', await gen_udp.close(S));
  const S2 = ok(await gen_udp.open(0, ['inet6', ['recbuf', 8192]]));
  io.format('with recbuf 8192: ~w~n', [await inet.getopts(S2, ['buffer', 'recbuf'])]);
  match('ok', await gen_udp.close(S2));
}
