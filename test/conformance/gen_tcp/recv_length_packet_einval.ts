// recv with a nonzero length is {error, einval} unless the packet type is
// raw; with length 0 the same socket delivers its packets.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 1]]));
  const S = ok(await gen_tcp.accept(LS));
  io.format('recv 5 with {packet, 1}: ~w~n', [await gen_tcp.recv(C, 5, 100)]);
  match('ok', await inet.setopts(S, [['packet', 'line']]));
  io.format('recv 5 with {packet, line}: ~w~n', [await gen_tcp.recv(S, 5, 100)]);
  match('ok', await inet.setopts(S, [['packet', 4]]));
  io.format('recv 5 with {packet, 4}: ~w~n', [await gen_tcp.recv(S, 5, 100)]);
  match('ok', await gen_tcp.send(C, Buffer.from('abc')));
  match('ok', await inet.setopts(S, [['packet', 1]]));
  io.format('recv 0 with {packet, 1}: ~w~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
