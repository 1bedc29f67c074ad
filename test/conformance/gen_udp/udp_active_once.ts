// {active, once}: one datagram is delivered as a message and the socket turns
// passive; the others wait in the kernel, and each new {active, once} delivers
// the next one.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const R = ok(await gen_udp.open(0, ['binary', ['active', 'once']]));
  const RP = ok(await inet.port(R));
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  for (const I of [1, 2, 3]) match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from([I])));
  await timer.sleep(30);
  io.format('~w ~w~n', [data(await drain()), await inet.getopts(R, ['active'])]);
  match('ok', await inet.setopts(R, [['active', 'once']]));
  await timer.sleep(30);
  io.format('~w ~w~n', [data(await drain()), await inet.getopts(R, ['active'])]);
  io.format('recv: ~w~n', [ok(await gen_udp.recv(R, 0, 1000))[2]]);
  match('ok', await inet.setopts(R, [['active', 'once']]));
  await timer.sleep(30);
  io.format('~w ~w~n', [data(await drain()), await inet.getopts(R, ['active'])]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from([4])));
  await timer.sleep(30);
  io.format('~w ~w~n', [data(await drain()), await inet.getopts(R, ['active'])]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}

function data(Msgs: List): List {
  return list(
    ...Msgs.map((M) => {
      if (
        Array.isArray(M) &&
        M.length === 5 &&
        M[0] === 'udp' &&
        (M[2] as number[]).join('.') === '127.0.0.1'
      )
        return M[4];
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
