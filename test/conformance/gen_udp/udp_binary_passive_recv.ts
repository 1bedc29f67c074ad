// A passive binary socket: recv/2 returns {ok, {Address, Port, Binary}} with
// the sender's address and port, whatever iodata was sent (a string, a binary,
// a deep list of both). From gen_udp_SUITE:binary_passive_recv (OTP-3823).
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, list, ok, match } from 'erlts';

const str = (s: string) => list(...Buffer.from(s, 'latin1'));

export default async function main(): Promise<void> {
  const D1 = str('The quick brown fox jumps over a lazy dog');
  const D2 = Buffer.from(D1);
  const D3 = list(
    str('The quick'),
    Buffer.from(' brown '),
    str('fox jumps '),
    Buffer.from('over '),
    Buffer.alloc(0),
    0x61,
    list(list(), str(' lazy '), Buffer.from('dog')),
  );
  const R = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const RP = ok(await inet.port(R));
  const S = ok(await gen_udp.open(0));
  const SP = ok(await inet.port(S));
  for (const D of [D1, D2, D3]) {
    io.format('send: ~w~n', [await gen_udp.send(S, [127, 0, 0, 1], RP, D)]);
    const [Addr, Port, B] = ok(await gen_udp.recv(R, D2.length + 1));
    io.format('~w ~w ~p~n', [Addr, Port === SP, B]);
  }
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.alloc(0)));
  io.format('empty datagram: ~p~n', [ok(await gen_udp.recv(R, 0, 1000))[2]]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}
