// packet_size limits a received packet: a {packet, 2} header announcing
// more than packet_size gives {error, emsgsize}; smaller packets pass.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false], ['packet', 2], ['packet_size', 10]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 2]]));
  const S = ok(await gen_tcp.accept(LS));
  io.format('~w~n', [await inet.getopts(S, ['packet', 'packet_size'])]);
  match('ok', await gen_tcp.send(C, Buffer.from('0123456789')));
  io.format('10 bytes: ~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.send(C, Buffer.from('0123456789A')));
  io.format('11 bytes: ~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
