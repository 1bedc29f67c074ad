// connect/3 sets the socket's peer: send/2 goes to it, only its datagrams are
// received (others are dropped by the kernel), peername reads it back and the
// local address becomes the one used to reach it. send/2 on a socket that is
// not connected is {error, einval}. From gen_udp_SUITE:connect and
// t_simple_local_sockaddr_in_send_recv.
import { isDeepStrictEqual } from 'node:util';
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const A = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const B = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const C = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const [PA, PB] = [ok(await inet.port(A)), ok(await inet.port(B))];
  io.format('send/2 unconnected: ~w~n', [await gen_udp.send(A, Buffer.from('nowhere'))]);
  io.format('peername unconnected: ~w~n', [await inet.peername(A)]);
  io.format('sockname address: ~w~n', [ok(await inet.sockname(A))[0]]);
  io.format('connect: ~w~n', [await gen_udp.connect(A, [127, 0, 0, 1], PB)]);
  io.format('peername: ~w~n', [eq(await inet.peername(A), ['ok', [[127, 0, 0, 1], PB]])]);
  io.format('sockname: ~w~n', [eq(await inet.sockname(A), ['ok', [[127, 0, 0, 1], PA]])]);
  io.format('send/2: ~w~n', [await gen_udp.send(A, Buffer.from('to the peer'))]);
  const [IP, P, D] = ok(await gen_udp.recv(B, 0, 1000));
  io.format('peer got: ~w ~w ~p~n', [IP, P === PA, D]);
  match('ok', await gen_udp.send(C, [127, 0, 0, 1], PA, Buffer.from('from C')));
  match('ok', await gen_udp.send(B, [127, 0, 0, 1], PA, Buffer.from('from B')));
  match('ok', await gen_udp.send(C, [127, 0, 0, 1], PA, Buffer.from('from C again')));
  await timer.sleep(30);
  const [IP2, P2, D2] = ok(await gen_udp.recv(A, 0, 1000));
  io.format('A got: ~w ~w ~p~n', [IP2, P2 === PB, D2]);
  io.format('and nothing else: ~w~n', [await gen_udp.recv(A, 0, 30)]);
  io.format('state: ~w~n', [((await inet.info(A)) as { states: unknown }).states]);
  for (const X of [A, B, C]) match('ok', await gen_udp.close(X));
}

// Erlang's =:= on the terms compared here (tuples, lists, numbers, atoms).
function eq(X: unknown, Y: unknown): boolean {
  return isDeepStrictEqual(norm(X), norm(Y));
}

function norm(X: unknown): unknown {
  return Array.isArray(X) ? [...X].map(norm) : X;
}
