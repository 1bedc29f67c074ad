// recv on a socket in {active, true}, once or N is {error, einval}, at once,
// whether a datagram waits or not; the datagram is still delivered as a
// message. Once passive, recv works.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const R = ok(await gen_udp.open(0, ['binary', ['active', true]]));
  const RP = ok(await inet.port(R));
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  io.format('active true: ~w~n', [await gen_udp.recv(R, 0, 10)]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('act')));
  await timer.sleep(20);
  io.format('with a datagram: ~w~n', [await gen_udp.recv(R, 0, 10)]);
  const Msgs = (await drain()) as unknown[][];
  io.format('mailbox: ~p~n', [
    list(
      ...Msgs.filter(
        (M) => M.length === 5 && M[0] === 'udp' && M[1] === R && (M[2] as number[]).join('.') === '127.0.0.1',
      ).map((M) => M[4]),
    ),
  ]);
  match('ok', await inet.setopts(R, [['active', 'once']]));
  io.format('active once: ~w~n', [await gen_udp.recv(R, 0, 10)]);
  match('ok', await inet.setopts(R, [['active', 3]]));
  io.format('active 3: ~w~n', [await gen_udp.recv(R, 0)]);
  match('ok', await inet.setopts(R, [['active', false]]));
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('pas')));
  const [, , D] = ok(await gen_udp.recv(R, 0, 1000));
  io.format('passive: ~p~n', [D]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
