// broadcast is off by default: sending to a broadcast address (here
// 127.255.255.255, loopback's) is {error, eacces}; with {broadcast, true} it
// is sent, and a socket bound to the any address on that port receives it
// from the sender's address. broadcast reads back as set.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const R = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const RP = ok(await inet.port(R));
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const SP = ok(await inet.port(S));
  io.format('~w~n', [await inet.getopts(S, ['broadcast'])]);
  io.format('without broadcast: ~w~n', [await gen_udp.send(S, [127, 255, 255, 255], RP, Buffer.from('b'))]);
  match('ok', await inet.setopts(S, [['broadcast', true]]));
  io.format('~w~n', [await inet.getopts(S, ['broadcast'])]);
  io.format('with broadcast: ~w~n', [await gen_udp.send(S, [127, 255, 255, 255], RP, Buffer.from('b'))]);
  const [IP, P, D] = ok(await gen_udp.recv(R, 0, 1000));
  io.format('received: ~w ~w ~p~n', [IP, P === SP, D]);
  match('ok', await inet.setopts(S, [['broadcast', false]]));
  io.format('off again: ~w~n', [await gen_udp.send(S, [127, 255, 255, 255], RP, Buffer.from('b'))]);
  io.format('bad value: ~w~n', [await inet.setopts(S, [['broadcast', 'foo']] as never)]);
  const B = ok(await gen_udp.open(0, [['broadcast', true]]));
  io.format('open with broadcast: ~w~n', [await inet.getopts(B, ['broadcast'])]);
  for (const X of [R, S, B]) match('ok', await gen_udp.close(X));
}
