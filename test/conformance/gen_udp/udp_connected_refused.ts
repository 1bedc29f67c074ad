// A connected socket learns that nobody listens at its peer (ICMP port
// unreachable): the next recv on a passive socket is {error, econnrefused}
// (once), or else the next send returns it; an active socket gets
// {udp_error, S, econnrefused} messages, which do not use up {active, once}
// (nor N): it stays active. An unconnected socket sending to a closed port
// hears nothing. From gen_udp_SUITE:connect and send_to_closed.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const D = ok(await gen_udp.open(0));
  const PD = ok(await inet.port(D));
  match('ok', await gen_udp.close(D));
  const A = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  match('ok', await gen_udp.connect(A, [127, 0, 0, 1], PD));
  io.format('send: ~w~n', [await gen_udp.send(A, Buffer.from('nobody'))]);
  await timer.sleep(20);
  io.format('recv: ~w~n', [await gen_udp.recv(A, 0, 100)]);
  io.format('recv again: ~w~n', [await gen_udp.recv(A, 0, 30)]);
  io.format('send: ~w~n', [await gen_udp.send(A, Buffer.from('nobody'))]);
  await timer.sleep(20);
  io.format('next send: ~w~n', [await gen_udp.send(A, Buffer.from('nobody'))]);
  io.format('and the next: ~w~n', [await gen_udp.send(A, Buffer.from('nobody'))]);
  await timer.sleep(20);
  match('ok', await gen_udp.close(A));
  const E = ok(await gen_udp.open(0, ['binary', ['active', 'once']]));
  match('ok', await gen_udp.connect(E, [127, 0, 0, 1], PD));
  match('ok', await gen_udp.send(E, Buffer.from('nobody')));
  await timer.sleep(20);
  match('ok', await gen_udp.send(E, Buffer.from('nobody')));
  await timer.sleep(20);
  io.format('active: ~w ~w~n', [
    list(
      ...(await drain()).map((M) =>
        Array.isArray(M) && M.length === 3 && M[0] === 'udp_error' && M[1] === E ? ['udp_error', M[2]] : M,
      ),
    ),
    await inet.getopts(E, ['active']),
  ]);
  match('ok', await gen_udp.close(E));
  const F = ok(await gen_udp.open(0, ['binary', ['active', true]]));
  io.format('unconnected: ~w ~w~n', [
    await gen_udp.send(F, [127, 0, 0, 1], PD, Buffer.from('foo')),
    await gen_udp.send(F, [127, 0, 0, 1], PD, Buffer.from('foo')),
  ]);
  await timer.sleep(20);
  io.format('unconnected, active: ~w~n', [await drain()]);
  match('ok', await inet.setopts(F, [['active', false]]));
  io.format('unconnected, passive: ~w~n', [await gen_udp.recv(F, 0, 30)]);
  match('ok', await gen_udp.close(F));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
