// Datagrams that arrive while the socket is passive wait in the kernel:
// {active, true} then delivers them all, in order; back to {active, false},
// later ones wait for recv again.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, List } from 'erlts';

export default async function main(): Promise<void> {
  const R = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const RP = ok(await inet.port(R));
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  for (const I of [1, 2, 3]) match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from([I])));
  await timer.sleep(30);
  io.format('passive: ~w~n', [await drain()]);
  match('ok', await inet.setopts(R, [['active', true]]));
  await timer.sleep(30);
  io.format('active: ~w~n', [data(await drain())]);
  match('ok', await inet.setopts(R, [['active', false]]));
  for (const I of [4, 5]) match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from([I])));
  await timer.sleep(30);
  io.format('passive again: ~w~n', [await drain()]);
  io.format('recv: ~w ~w ~w~n', [
    data(await gen_udp.recv(R, 0, 100)),
    data(await gen_udp.recv(R, 0, 100)),
    await gen_udp.recv(R, 0, 0),
  ]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}

const loopback = (IP: unknown) => Array.isArray(IP) && IP.join('.') === '127.0.0.1';

function data(X: unknown): unknown {
  if (X instanceof List) {
    return list(
      ...(X as unknown[])
        .filter(
          (M) =>
            Array.isArray(M) && M.length === 5 && M[0] === 'udp' && loopback(M[2]) && Number.isInteger(M[3]),
        )
        .map((M) => (M as unknown[])[4]),
    );
  }
  if (Array.isArray(X) && X[0] === 'ok') {
    const [IP, P, D] = X[1] as unknown[];
    if (loopback(IP) && Number.isInteger(P)) return D;
  }
  return X;
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
