// gen_udp:connect/3's errors: an address that is no IPv4 address is
// {error, einval} (a tuple out of range, the empty host name), an IPv6 tuple
// on an inet socket {error, eafnosupport}, a port out of range
// function_clause, no socket function_clause; port 0 is accepted but leaves
// no peer (peername {error, enotconn}). The socket still works afterwards.
import { isDeepStrictEqual } from 'node:util';
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, list, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

const connect_ = gen_udp.connect as (...Args: unknown[]) => Promise<unknown>;

export default async function main(): Promise<void> {
  const A = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const B = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const PB = ok(await inet.port(B));
  io.format('{127,0,0,256}: ~w~n', [await try_(() => connect_(A, [127, 0, 0, 256], PB))]);
  io.format('empty host: ~w~n', [await try_(() => connect_(A, list(), PB))]);
  io.format('ipv6 tuple: ~w~n', [await try_(() => connect_(A, [0, 0, 0, 0, 0, 0, 0, 1], PB))]);
  io.format('port 65536: ~w~n', [await try_(() => connect_(A, [127, 0, 0, 1], 65536))]);
  io.format('port -1: ~w~n', [await try_(() => connect_(A, [127, 0, 0, 1], -1))]);
  io.format('port foo: ~w~n', [await try_(() => connect_(A, [127, 0, 0, 1], 'foo'))]);
  io.format('not a socket: ~w~n', [await try_(() => connect_('foo', [127, 0, 0, 1], PB))]);
  io.format('peername: ~w~n', [await inet.peername(A)]);
  io.format('port 0: ~w ~w~n', [await gen_udp.connect(A, [127, 0, 0, 1], 0), await inet.peername(A)]);
  io.format('localhost: ~w ~w~n', [
    await gen_udp.connect(A, 'localhost', PB),
    eq(await inet.peername(A), ['ok', [[127, 0, 0, 1], PB]]),
  ]);
  match('ok', await gen_udp.send(A, Buffer.from('works')));
  io.format('B got: ~p~n', [ok(await gen_udp.recv(B, 0, 1000))[2]]);
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
