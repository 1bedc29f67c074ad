// send with a packet that is not iodata (a byte out of range, a float, a
// pid in a list) is {error, einval}, on every send form, and the
// socket stays usable. The packet may be any iodata; an empty one is sent
// as an empty datagram.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, list, self, timer, ok, match } from 'erlts';

const str = (s: string) => list(...Buffer.from(s, 'latin1'));

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const R = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const RP = ok(await inet.port(R));
  for (const Bad of [list(256), list(-1), 1.5, list(Buffer.from('ok'), list(300)), list(self())]) {
    io.format('~w: ~w ~w~n', [
      Bad,
      await gen_udp.send(S, [127, 0, 0, 1], RP, Bad as never),
      await gen_udp.send(S, [[127, 0, 0, 1], RP], Bad as never),
    ]);
  }
  match('ok', await gen_udp.connect(S, [127, 0, 0, 1], RP));
  io.format('connected: ~w~n', [await gen_udp.send(S, list(256) as never)]);
  await timer.sleep(20);
  io.format('nothing arrived: ~w~n', [await gen_udp.recv(R, 0, 0)]);
  for (const Good of [
    str('abc'),
    list(0x61, list(Buffer.from('b'), str('c')), Buffer.alloc(0), list(list())),
    Buffer.alloc(0),
    list(),
    Buffer.from([0, 255]),
  ]) {
    match('ok', await gen_udp.send(S, Good));
    io.format('~p~n', [ok(await gen_udp.recv(R, 0, 1000))[2]]);
  }
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}
