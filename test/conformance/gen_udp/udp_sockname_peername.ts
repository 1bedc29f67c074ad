// inet:sockname, port, peername on UDP sockets: bound to the any address by
// default, to {ip, IP} or {ifaddr, IP} when asked ({ip, loopback} and
// {ip, any} are taken too, and a sockaddr map as {ifaddr, Map}); peername
// (and peernames) is {error, enotconn} until connect; socknames is the one
// address. With both inet and inet6 in the options the first wins.
import { isDeepStrictEqual } from 'node:util';
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  for (const Opts of [
    list(),
    list(['ip', [127, 0, 0, 1]]),
    list(['ifaddr', [127, 0, 0, 1]]),
    list(['ip', 'loopback']),
    list(['ip', 'any']),
    list(['ifaddr', { family: 'inet', addr: [127, 0, 0, 1], port: 0 }]),
    list(['ifaddr', { family: 'inet', addr: 'loopback', port: 0 }]),
    list('inet6', ['ip', 'loopback']),
    list('inet', 'inet6'),
    list('inet6', 'inet'),
  ]) {
    const S = ok(await gen_udp.open(0, Opts as never));
    const [IP, P] = ok(await inet.sockname(S));
    io.format('~w: ~w ~w ~w ~w~n', [
      Opts,
      IP,
      eq(await inet.port(S), ['ok', P]),
      await inet.peername(S),
      eq(await inet.socknames(S), ['ok', [[IP, P]]]),
    ]);
    match('ok', await gen_udp.close(S));
  }
  const A = ok(await gen_udp.open(0, [['ip', [127, 0, 0, 1]]]));
  const B = ok(await gen_udp.open(0));
  const PA = ok(await inet.port(A));
  io.format('peernames: ~w~n', [await inet.peernames(B)]);
  match('ok', await gen_udp.connect(B, [127, 0, 0, 1], PA));
  io.format('connected: ~w ~w~n', [
    eq(await inet.peername(B), ['ok', [[127, 0, 0, 1], PA]]),
    eq(await inet.peernames(B), ['ok', [[[127, 0, 0, 1], PA]]]),
  ]);
  io.format('sockname: ~w~n', [ok(await inet.sockname(B))[0]]);
  match('ok', await gen_udp.close(A));
  match('ok', await gen_udp.close(B));
}

// Erlang's =:= on the terms compared here (tuples, lists, numbers, atoms).
function eq(X: unknown, Y: unknown): boolean {
  return isDeepStrictEqual(norm(X), norm(Y));
}

function norm(X: unknown): unknown {
  return Array.isArray(X) ? [...X].map(norm) : X;
}
