// The largest IPv4 UDP payload is 65507 bytes: one more is {error, emsgsize}
// from send, and nothing is sent. A receiver keeps at most `buffer` bytes of
// a datagram: with the default buffer (8192) the 65507-byte datagram arrives
// cut to 8192 bytes, with {buffer, 65536} whole.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const R = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const RP = ok(await inet.port(R));
  const Big = Buffer.alloc(65507, 'x');
  io.format('65508 bytes: ~w~n', [
    await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.concat([Big, Buffer.from('y')])),
  ]);
  io.format('70000 bytes: ~w~n', [await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.alloc(70000, 'z'))]);
  io.format('65507 bytes: ~w~n', [await gen_udp.send(S, [127, 0, 0, 1], RP, Big)]);
  const [, , D1] = ok(await gen_udp.recv(R, 0, 1000)) as [unknown, unknown, Buffer];
  io.format('received: ~w ~w~n', [D1.length, D1.equals(Big.subarray(0, D1.length))]);
  io.format('no more: ~w~n', [await gen_udp.recv(R, 0, 30)]);
  match(
    'ok',
    await inet.setopts(R, [
      ['buffer', 65536],
      ['recbuf', 200000],
    ]),
  );
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Big));
  const [, , D2] = ok(await gen_udp.recv(R, 0, 1000)) as [unknown, unknown, Buffer];
  io.format('with {buffer, 65536}: ~w ~w~n', [D2.length, D2.equals(Big)]);
  match('ok', await gen_udp.connect(S, [127, 0, 0, 1], RP));
  io.format('connected, 65508 bytes: ~w~n', [await gen_udp.send(S, Buffer.concat([Big, Buffer.from('y')]))]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}
