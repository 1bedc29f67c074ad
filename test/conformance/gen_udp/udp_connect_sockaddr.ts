// gen_udp:connect/2 takes a sockaddr map: #{family => inet, addr => IP,
// port => P}; addr may be loopback or any. A map without port connects to
// port 0: connect says ok, but peername is {error, enotconn}. A map of the
// other family, or no map at all, is function_clause; a map without family
// raises {invalid, {sockaddr, family, Map}}. From
// gen_udp_SUITE:t_simple_local_sockaddr_in_send_recv.
import { isDeepStrictEqual } from 'node:util';
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

const connect_ = gen_udp.connect as (...Args: unknown[]) => Promise<unknown>;

export default async function main(): Promise<void> {
  const A = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const B = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const PB = ok(await inet.port(B));
  io.format('map: ~w~n', [await gen_udp.connect(A, { family: 'inet', addr: [127, 0, 0, 1], port: PB })]);
  io.format('peername: ~w~n', [eq(await inet.peername(A), ['ok', [[127, 0, 0, 1], PB]])]);
  match('ok', await gen_udp.send(A, Buffer.from('via map')));
  io.format('B got: ~p~n', [ok(await gen_udp.recv(B, 0, 1000))[2]]);
  io.format('loopback: ~w ~w~n', [
    await connect_(A, { family: 'inet', addr: 'loopback', port: PB }),
    eq(await inet.peername(A), ['ok', [[127, 0, 0, 1], PB]]),
  ]);
  io.format('any: ~w ~w~n', [
    await connect_(A, { family: 'inet', addr: 'any', port: PB }),
    eq(await inet.peername(A), ['ok', [[127, 0, 0, 1], PB]]),
  ]);
  io.format('no port: ~w ~w~n', [
    await connect_(A, { family: 'inet', addr: [127, 0, 0, 1] }),
    await inet.peername(A),
  ]);
  io.format('inet6 map: ~w~n', [
    await try_(() => connect_(A, { family: 'inet6', addr: [0, 0, 0, 0, 0, 0, 0, 1], port: PB })),
  ]);
  io.format('no family: ~w~n', [await try_(() => connect_(A, { addr: [127, 0, 0, 1], port: 9 }))]);
  io.format('a tuple: ~w~n', [await try_(() => connect_(A, [[127, 0, 0, 1], PB]))]);
  io.format('peername: ~w~n', [await inet.peername(A)]);
  match('ok', await gen_udp.close(A));
  match('ok', await gen_udp.close(B));
}

/** The result, or {caught, Class, Reason} for what was raised. */
async function try_(F: () => Promise<unknown>): Promise<unknown> {
  try {
    return await F();
  } catch (e) {
    return ['caught', ...classOf(e)];
  }
}

// Erlang's =:= on the terms compared here (tuples, lists, numbers, atoms).
function eq(X: unknown, Y: unknown): boolean {
  return isDeepStrictEqual(norm(X), norm(Y));
}

function norm(X: unknown): unknown {
  return Array.isArray(X) ? [...X].map(norm) : X;
}
