// {active, N}: N datagrams as messages, then {udp_passive, S} and the socket
// is passive; what arrives meanwhile waits in the kernel and a later
// {active, N} delivers it. The counter reads back as the integer left.
// From gen_udp_SUITE:active_n.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List, type Port } from 'erlts';

export default async function main(): Promise<void> {
  const R = ok(await gen_udp.open(0, ['binary', ['active', 3]]));
  const RP = ok(await inet.port(R));
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  io.format('~w~n', [await inet.getopts(R, ['active'])]);
  for (const I of [1, 2, 3, 4, 5]) match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from([I])));
  await timer.sleep(30);
  io.format('~w~n', [data(R, await drain())]);
  io.format('~w~n', [await inet.getopts(R, ['active'])]);
  match('ok', await inet.setopts(R, [['active', 1]]));
  await timer.sleep(30);
  io.format('~w~n', [data(R, await drain())]);
  match('ok', await inet.setopts(R, [['active', 5]]));
  await timer.sleep(30);
  io.format('~w ~w~n', [data(R, await drain()), await inet.getopts(R, ['active'])]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from([6])));
  await timer.sleep(30);
  io.format('~w ~w~n', [data(R, await drain()), await inet.getopts(R, ['active'])]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}

function data(R: Port, Msgs: List): List {
  return list(
    ...Msgs.map((M) => {
      if (Array.isArray(M) && M.length === 5 && M[0] === 'udp' && M[1] === R) {
        if ((M[2] as number[]).join('.') === '127.0.0.1' && Number.isInteger(M[3])) return M[4];
      }
      if (Array.isArray(M) && M.length === 2 && M[0] === 'udp_passive' && M[1] === R) return 'udp_passive';
      return M;
    }),
  );
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
