// What send makes of bad destinations, by where it is caught: gen_udp exits
// badarg when the host does not resolve to an address of the family for a
// reason other than nxdomain (a 5-tuple, an octet above 255, the empty name)
// or the port is an unknown service name; inet_udp has no clause for a port
// out of range or a bad {IP, Port} or map (function_clause); the kernel says
// einval to port 0; an IPv6 tuple on an inet socket is eafnosupport; a
// PortZero other than 0 after {IP, Port} is einval; AncData that is no list
// is function_clause, a map with PortZero 0 exits badarg. From
// gen_udp_SUITE:bad_address (OTP-3836).
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, list, timer, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

const send_ = gen_udp.send as (...Args: unknown[]) => Promise<unknown>;
const str = (s: string) => list(...Buffer.from(s, 'latin1'));

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const R = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const RP = ok(await inet.port(R));
  const Map = { family: 'inet', addr: [127, 0, 0, 1], port: RP };
  const V = str('void');
  const Cases: [string, () => Promise<unknown>][] = [
    ['{127,0,0,1,0}', () => send_(S, [127, 0, 0, 1, 0], RP, V)],
    ['{127,0,0,256}', () => send_(S, [127, 0, 0, 256], RP, V)],
    ['empty host', () => send_(S, list(), RP, V)],
    ['port foo', () => send_(S, [127, 0, 0, 1], 'foo', V)],
    ['port -1', () => send_(S, [127, 0, 0, 1], -1, V)],
    ['port 65536', () => send_(S, [127, 0, 0, 1], 65536, V)],
    ['port 0', () => send_(S, [127, 0, 0, 1], 0, V)],
    ['{IP, 0}', () => send_(S, [[127, 0, 0, 1], 0], V)],
    ['{{127,0,0,256}, Port}', () => send_(S, [[127, 0, 0, 256], RP], V)],
    ['{IP, 65536}', () => send_(S, [[127, 0, 0, 1], 65536], V)],
    ['{"localhost", Port}', () => send_(S, [str('localhost'), RP], V)],
    ['ipv6 tuple', () => send_(S, [0, 0, 0, 0, 0, 0, 0, 1], RP, V)],
    ['{ipv6 tuple, Port}', () => send_(S, [[0, 0, 0, 0, 0, 0, 0, 1], RP], V)],
    ['map addr loopback', () => send_(S, { ...Map, addr: 'loopback' }, V)],
    ['map addr {127,0,0,256}', () => send_(S, { ...Map, addr: [127, 0, 0, 256] }, V)],
    ['map without port', () => send_(S, { family: 'inet', addr: [127, 0, 0, 1] }, V)],
    ['map inet6', () => send_(S, { ...Map, family: 'inet6' }, V)],
    ['{IP, Port}, 5', () => send_(S, [[127, 0, 0, 1], RP], 5, V)],
    ['map, 0', () => send_(S, Map, 0, V)],
    ['AncData foo', () => send_(S, [127, 0, 0, 1], RP, 'foo', V)],
    ['AncData [{bogus, 1}]', () => send_(S, [127, 0, 0, 1], RP, list(['bogus', 1]), V)],
    ['not a socket', () => send_('foo', [127, 0, 0, 1], RP, V)],
  ];
  for (const [Label, F] of Cases) io.format('~s: ~w~n', [Label, await try_(F)]);
  await timer.sleep(20);
  io.format('nothing arrived: ~w~n', [await gen_udp.recv(R, 0, 0)]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('fine')));
  io.format('~p~n', [ok(await gen_udp.recv(R, 0, 1000))[2]]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}

/** The result, or {caught, Class, Reason} for what was raised. */
async function try_(F: () => Promise<unknown>): Promise<unknown> {
  try {
    return await F();
  } catch (e) {
    return ['caught', ...classOf(e)];
  }
}
