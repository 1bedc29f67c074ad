// {active, true}: each datagram is a message {udp, S, IP, InPortNo, Packet},
// in the order sent, with the sender's address and port; in list mode the
// packet is a string. Empty datagrams are delivered too.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

const str = (s: string) => list(...Buffer.from(s, 'latin1'));

export default async function main(): Promise<void> {
  const R = ok(await gen_udp.open(0, ['binary', ['active', true]]));
  const RP = ok(await inet.port(R));
  const S = ok(await gen_udp.open(0, [['active', false]]));
  const SP = ok(await inet.port(S));
  for (const D of [Buffer.from('one'), str('two'), list(Buffer.from('th'), str('ree')), Buffer.alloc(0)]) {
    match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, D));
  }
  await timer.sleep(30);
  const Msgs = (await drain()) as unknown[][];
  io.format('~p~n', [list(...Msgs.map(([Tag, Sock, IP, P, D]) => [Tag, Sock === R, IP, P === SP, D]))]);
  match('ok', await inet.setopts(R, ['list']));
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('as a list')));
  await receive(
    on(['udp', R, [127, 0, 0, 1], SP, _], ([, , , , L]) => io.format('list mode: ~p~n', [L])),
    after(1000, () => io.format('nothing~n')),
  );
  io.format('~w~n', [await inet.getopts(R, ['active', 'mode'])]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
