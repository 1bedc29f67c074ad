// An inet6 socket gets no recbuf from gen_udp, so its buffer stays at
// inet_drv's default, 1460 bytes: a 3000-byte datagram over ::1 arrives cut
// to 1460 bytes, in recv and in active messages. Asking for a recbuf raises
// buffer as on inet. The IPv6 payload limit is 65527 bytes.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, is, is_binary, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const Loop = [0, 0, 0, 0, 0, 0, 0, 1] as const;
  const S = ok(await gen_udp.open(0, ['inet6', 'binary', ['active', false]]));
  const R = ok(await gen_udp.open(0, ['inet6', 'binary', ['active', false]]));
  const RP = ok(await inet.port(R));
  io.format('~w~n', [await inet.getopts(R, ['buffer'])]);
  const Data = Buffer.from('0123456789'.repeat(300));
  match('ok', await gen_udp.send(S, Loop, RP, Data));
  const [IP, , D1] = ok(await gen_udp.recv(R, 0, 1000)) as unknown as [number[], number, Buffer];
  io.format('recv: ~w ~w ~w~n', [IP, D1.length, D1.equals(Data.subarray(0, 1460))]);
  match('ok', await inet.setopts(R, [['active', 'once']]));
  match('ok', await gen_udp.send(S, Loop, RP, Data));
  await receive(
    on(['udp', R, IP, _, is(is_binary)], ([, , , , D2]) => io.format('active: ~w~n', [D2.length])),
    after(1000, () => io.format('nothing~n')),
  );
  match('ok', await inet.setopts(R, [['recbuf', 8192]]));
  io.format('~w~n', [await inet.getopts(R, ['buffer'])]);
  match('ok', await inet.setopts(R, [['active', 'once']]));
  match('ok', await gen_udp.send(S, Loop, RP, Data));
  await receive(
    on(['udp', R, IP, _, is(is_binary)], ([, , , , D3]) => io.format('after recbuf 8192: ~w~n', [D3.length])),
    after(1000, () => io.format('nothing~n')),
  );
  io.format('65527 bytes: ~w~n', [await gen_udp.send(S, Loop, RP, Buffer.alloc(65527, 'x'))]);
  io.format('65528 bytes: ~w~n', [await gen_udp.send(S, Loop, RP, Buffer.alloc(65528, 'x'))]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}
