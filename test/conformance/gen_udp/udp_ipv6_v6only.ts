// An inet6 socket bound to the any address is dual-stack by default
// (ipv6_v6only false): an IPv4 sender reaches it and shows up as an
// IPv4-mapped address, {0,0,0,0,0,65535,32512,1} for 127.0.0.1, and a reply
// to that address reaches the IPv4 socket. With {ipv6_v6only, true} at open
// IPv4 datagrams do not arrive. Setting ipv6_v6only after the bind is
// {error, einval}, and on an inet socket as well.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const V4 = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const P4 = ok(await inet.port(V4));
  const Dual = ok(await gen_udp.open(0, ['inet6', 'binary', ['active', false]]));
  const PD = ok(await inet.port(Dual));
  io.format('~w~n', [await inet.getopts(Dual, ['ipv6_v6only'])]);
  match('ok', await gen_udp.send(V4, [127, 0, 0, 1], PD, Buffer.from('v4')));
  const [IP, P, D] = ok(await gen_udp.recv(Dual, 0, 1000));
  io.format('dual-stack got: ~w ~w ~p~n', [IP, P === P4, D]);
  match('ok', await gen_udp.send(Dual, IP as never, P4, Buffer.from('back')));
  const [IP2, P2, D2] = ok(await gen_udp.recv(V4, 0, 1000));
  io.format('IPv4 socket got: ~w ~w ~p~n', [IP2, P2 === PD, D2]);
  const Only = ok(await gen_udp.open(0, ['inet6', ['ipv6_v6only', true], 'binary', ['active', false]]));
  const PO = ok(await inet.port(Only));
  io.format('~w~n', [await inet.getopts(Only, ['ipv6_v6only'])]);
  match('ok', await gen_udp.send(V4, [127, 0, 0, 1], PO, Buffer.from('v4')));
  io.format('v6only got: ~w~n', [await gen_udp.recv(Only, 0, 50)]);
  io.format('set after bind: ~w ~w~n', [
    await inet.setopts(Dual, [['ipv6_v6only', true]]),
    await inet.getopts(Dual, ['ipv6_v6only']),
  ]);
  io.format('on inet: ~w ~w~n', [
    await inet.setopts(V4, [['ipv6_v6only', true]]),
    await inet.getopts(V4, ['ipv6_v6only']),
  ]);
  for (const X of [V4, Dual, Only]) match('ok', await gen_udp.close(X));
}
