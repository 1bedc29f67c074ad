// recv's Length is ignored for UDP: recv(S, 3) returns the whole datagram, a
// Length above the datagram's size returns it too, and what recv(S, 3) did
// not "want" is not kept for a later recv (one recv, one datagram). A Length
// that does not fit 32 bits or is negative is {error, einval} from recv/3;
// recv/2 wants an integer (function_clause otherwise).
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const R = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const RP = ok(await inet.port(R));
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('0123456789')));
  io.format('recv 3: ~p~n', [data(await gen_udp.recv(R, 3, 1000))]);
  io.format('rest: ~p~n', [await gen_udp.recv(R, 3, 50)]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('abc')));
  io.format('recv 100000: ~p~n', [data(await gen_udp.recv(R, 100000, 1000))]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('one')));
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('two')));
  io.format('recv 1000: ~p ~p~n', [
    data(await gen_udp.recv(R, 1000, 1000)),
    data(await gen_udp.recv(R, 1, 1000)),
  ]);
  io.format('recv -1: ~w ~w~n', [await gen_udp.recv(R, -1, 10), await gen_udp.recv(R, -1)]);
  io.format('recv 2^32: ~w~n', [await gen_udp.recv(R, 0x100000000, 10)]);
  io.format('recv foo/3: ~w~n', [await try_(() => gen_udp.recv(R, 'foo' as never, 10))]);
  io.format('recv foo/2: ~w~n', [await try_(() => gen_udp.recv(R, 'foo' as never))]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('still fine')));
  io.format('~p~n', [data(await gen_udp.recv(R, 0, 1000))]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}

function data(Result: unknown): unknown {
  if (Array.isArray(Result) && Result[0] === 'ok') {
    const [Addr, Port, Data] = Result[1] as [number[], number, unknown];
    if (Addr.join('.') === '127.0.0.1' && Number.isInteger(Port)) return Data;
  }
  return Result;
}

/** The result, or {caught, Class, Reason} for what was raised. */
async function try_(F: () => Promise<unknown>): Promise<unknown> {
  try {
    return await F();
  } catch (e) {
    return ['caught', ...classOf(e)];
  }
}
