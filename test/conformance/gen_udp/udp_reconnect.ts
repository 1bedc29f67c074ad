// Connecting a connected socket to another peer: inet_drv first dissolves the
// old association (Linux workaround), and as the socket was bound to port 0
// the kernel then gives it a new local port; the new peer sees datagrams from
// that new port. The old peer's datagrams are no longer received. (Printing
// "port changed" assumes the kernel does not pick the old ephemeral port
// again.) From gen_udp_SUITE:reconnect.
import { isDeepStrictEqual } from 'node:util';
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, list, timer, ok, match, type List, type Port } from 'erlts';

export default async function main(): Promise<void> {
  const A = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const B = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const C = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const [PA, PB, PC] = [ok(await inet.port(A)), ok(await inet.port(B)), ok(await inet.port(C))];
  match('ok', await gen_udp.connect(A, [127, 0, 0, 1], PB));
  io.format('first connect keeps the port: ~w~n', [ok(await inet.port(A)) === PA]);
  io.format('reconnect: ~w~n', [await gen_udp.connect(A, [127, 0, 0, 1], PC)]);
  const PA2 = ok(await inet.port(A));
  io.format('port changed: ~w~n', [PA2 !== PA]);
  io.format('peername: ~w~n', [eq(await inet.peername(A), ['ok', [[127, 0, 0, 1], PC]])]);
  match('ok', await gen_udp.send(A, Buffer.from('to C')));
  const [, From, D] = ok(await gen_udp.recv(C, 0, 1000));
  io.format('C got ~p from the new port: ~w~n', [D, From === PA2]);
  match('ok', await gen_udp.send(C, [127, 0, 0, 1], PA2, Buffer.from('from C')));
  match('ok', await gen_udp.send(B, [127, 0, 0, 1], PA2, Buffer.from('from B')));
  await timer.sleep(30);
  io.format('A got: ~p~n', [
    list(
      ...((await drain_recv(A)) as unknown[][])
        .filter(([IP, P]) => (IP as number[]).join('.') === '127.0.0.1' && P === PC)
        .map(([, , X]) => X),
    ),
  ]);
  for (const X of [A, B, C]) match('ok', await gen_udp.close(X));
}

async function drain_recv(S: Port): Promise<List> {
  const R = await gen_udp.recv(S, 0, 0);
  if (R[0] === 'ok') return list(R[1], ...(await drain_recv(S)));
  return list();
}

// Erlang's =:= on the terms compared here (tuples, lists, numbers, atoms).
function eq(X: unknown, Y: unknown): boolean {
  return isDeepStrictEqual(norm(X), norm(Y));
}

function norm(X: unknown): unknown {
  return Array.isArray(X) ? [...X].map(norm) : X;
}
