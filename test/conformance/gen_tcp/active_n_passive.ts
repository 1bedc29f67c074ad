// {active, N}: N messages, then {tcp_passive, S} and the socket is passive;
// a later {active, N} resumes delivery of what waited in the socket.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['packet', 2], ['active', 3]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['packet', 2], ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  io.format('~w~n', [await inet.getopts(S, ['active'])]);
  for (const I of [1, 2, 3, 4, 5]) match('ok', await gen_tcp.send(C, [I]));
  await timer.sleep(50);
  io.format('~w~n', [await drain()]);
  io.format('~w~n', [await inet.getopts(S, ['active'])]);
  match('ok', await inet.setopts(S, [['active', 1]]));
  await timer.sleep(50);
  io.format('~w~n', [await drain()]);
  match('ok', await inet.setopts(S, [['active', 5]]));
  await timer.sleep(50);
  io.format('~w~n', [await drain()]);
  io.format('~w~n', [await inet.getopts(S, ['active'])]);
  match('ok', await gen_tcp.send(C, [6]));
  await timer.sleep(50);
  io.format('~w~n', [await drain()]);
  io.format('~w~n', [await inet.getopts(S, ['active'])]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
