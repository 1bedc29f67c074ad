// {buffer, N} is the most a socket keeps of one datagram: a longer one is cut
// to its first N bytes, in recv as in active messages, and the rest is lost
// (no error, no second part). buffer 0 reads back as 1 (the minimum) and
// keeps one byte. recv_oct counts the bytes kept. From
// gen_udp_SUITE:buffer_size.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const R = ok(await gen_udp.open(0, ['binary', ['active', false], ['buffer', 4]]));
  const RP = ok(await inet.port(R));
  io.format('~w~n', [await inet.getopts(R, ['buffer'])]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('0123456789')));
  io.format('recv: ~p~n', [ok(await gen_udp.recv(R, 0, 1000))[2]]);
  io.format('rest: ~w~n', [await gen_udp.recv(R, 0, 30)]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('abc')));
  io.format('shorter: ~p~n', [ok(await gen_udp.recv(R, 0, 1000))[2]]);
  match('ok', await inet.setopts(R, [['active', true], 'list']));
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('abcdefgh')));
  await timer.sleep(30);
  io.format('active, list: ~p~n', [datas(await drain())]);
  match('ok', await inet.setopts(R, [['buffer', 0], 'binary']));
  io.format('~w~n', [await inet.getopts(R, ['buffer'])]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('abcdefgh')));
  await timer.sleep(30);
  io.format('buffer 0: ~p~n', [datas(await drain())]);
  io.format('~w~n', [await inet.getstat(R, ['recv_cnt', 'recv_oct', 'recv_max'])]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}

function datas(Msgs: List): List {
  return list(
    ...Msgs.filter((M) => Array.isArray(M) && M.length === 5 && M[0] === 'udp').map(
      (M) => (M as unknown[])[4],
    ),
  );
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
