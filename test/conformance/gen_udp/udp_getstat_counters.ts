// inet:getstat on UDP sockets: the counter names; one datagram is one
// send_cnt / recv_cnt, the octets are the payload bytes (no headers), empty
// datagrams count, and recv_oct counts what was kept after truncation to
// buffer. A send the kernel refuses (emsgsize, port 0) still counts: inet_drv
// counts before sending; a packet that is not iodata does not. recv_avg is
// a running mean, recv_dvi inet_drv's running signed deviation
// (dvi += ((len - avg) - dvi) / n) printed as its magnitude: 0 for 10, 0, 10.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const R = ok(await gen_udp.open(0, ['binary', ['active', false], ['buffer', 4]]));
  const RP = ok(await inet.port(R));
  const All = ok(await inet.getstat(S));
  io.format('names: ~w~n', [list(...All.map(([K]) => K).sort())]);
  io.format('fresh: ~w~n', [All]);
  for (const D of ['hello', 'hi', '']) match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from(D)));
  for (let I = 0; I < 3; I++) ok(await gen_udp.recv(R, 0, 1000));
  io.format('sender: ~w~n', [
    await inet.getstat(S, ['send_oct', 'send_cnt', 'send_max', 'send_avg', 'send_pend']),
  ]);
  io.format('receiver: ~w~n', [
    await inet.getstat(R, ['recv_oct', 'recv_cnt', 'recv_max', 'recv_avg', 'recv_dvi']),
  ]);
  io.format('emsgsize: ~w~n', [await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.alloc(65508))]);
  io.format('port 0: ~w~n', [await gen_udp.send(S, [127, 0, 0, 1], 0, Buffer.from('abc'))]);
  io.format('not iodata: ~w~n', [await gen_udp.send(S, [127, 0, 0, 1], RP, list(256) as never)]);
  io.format('sender: ~w~n', [await inet.getstat(S, ['send_oct', 'send_cnt', 'send_max'])]);
  io.format('empty: ~w~n', [await inet.getstat(S, [])]);
  io.format('unknown: ~w ~w~n', [
    await inet.getstat(S, ['bogus' as never]),
    await inet.getstat(S, ['recv_cnt', 'bogus' as never]),
  ]);
  io.format('twice: ~w~n', [await inet.getstat(R, ['recv_cnt', 'recv_cnt'])]);
  const R2 = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const RP2 = ok(await inet.port(R2));
  for (const N of [10, 0, 10]) {
    match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP2, Buffer.alloc(N, 'x')));
    ok(await gen_udp.recv(R2, 0, 1000));
  }
  io.format('10, 0, 10: ~w~n', [await inet.getstat(R2, ['recv_avg', 'recv_dvi'])]);
  match('ok', await gen_udp.close(R2));
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}
