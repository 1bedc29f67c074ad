// inet6 sockets on ::1: addresses read back and arrive as 8-tuples; send/3
// takes an inet6 sockaddr map and {inet6, {loopback, Port}}. An IPv4 tuple as
// host is {error, eafnosupport}, {IPv4, Port} or an inet map function_clause.
// {ip, 8-tuple} alone makes an inet6 socket; inet with an IPv6 {ip, ...} (or
// the reverse) exits badarg. connect with an inet6 map works. From
// gen_udp_SUITE:implicit_inet6 and t_simple_local_sockaddr_in6_send_recv.
import { isDeepStrictEqual } from 'node:util';
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

const send_ = gen_udp.send as (...Args: unknown[]) => Promise<unknown>;
const connect_ = gen_udp.connect as (...Args: unknown[]) => Promise<unknown>;
const open_ = gen_udp.open as (...Args: unknown[]) => Promise<unknown>;

export default async function main(): Promise<void> {
  const Loop = [0, 0, 0, 0, 0, 0, 0, 1] as const;
  const A = ok(await gen_udp.open(0, ['inet6', ['ip', Loop], 'binary', ['active', false]]));
  const PA = ok(await inet.port(A));
  const B = ok(await gen_udp.open(0, [['ip', Loop], 'binary', ['active', false]]));
  const PB = ok(await inet.port(B));
  const [BAddr] = ok(await inet.sockname(B));
  io.format('implicit inet6: ~w~n', [BAddr]);
  io.format('send/4: ~w~n', [await gen_udp.send(B, Loop, PA, Buffer.from('six'))]);
  const [IP, P, D] = ok(await gen_udp.recv(A, 0, 1000));
  io.format('received: ~w ~w ~p~n', [IP, P === PB, D]);
  const Map = { family: 'inet6', addr: Loop, port: PA } as const;
  io.format('send/3 map: ~w~n', [await gen_udp.send(B, Map, Buffer.from('map'))]);
  io.format('send/3 {inet6, {loopback, Port}}: ~w~n', [
    await send_(B, ['inet6', ['loopback', PA]], Buffer.from('lb')),
  ]);
  io.format('received: ~p ~p~n', [
    ok(await gen_udp.recv(A, 0, 1000))[2],
    ok(await gen_udp.recv(A, 0, 1000))[2],
  ]);
  io.format('IPv4 host: ~w~n', [await try_(() => send_(B, [127, 0, 0, 1], PA, Buffer.from('x')))]);
  io.format('{IPv4, Port}: ~w~n', [await try_(() => send_(B, [[127, 0, 0, 1], PA], Buffer.from('x')))]);
  io.format('inet map: ~w~n', [
    await try_(() => send_(B, { family: 'inet', addr: [127, 0, 0, 1], port: PA }, Buffer.from('x'))),
  ]);
  io.format('connect map: ~w ~w~n', [
    await gen_udp.connect(B, Map),
    isDeepStrictEqual(norm(await inet.peername(B)), ['ok', [Loop, PA]]),
  ]);
  io.format('connect IPv4: ~w~n', [await try_(() => connect_(B, [127, 0, 0, 1], PA))]);
  io.format('inet, IPv6 ip: ~w~n', [await try_(() => open_(0, ['inet', ['ip', Loop]]))]);
  io.format('inet6, IPv4 ip: ~w~n', [await try_(() => open_(0, ['inet6', ['ip', [127, 0, 0, 1]]]))]);
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
function norm(X: unknown): unknown {
  return Array.isArray(X) ? [...X].map(norm) : X;
}
