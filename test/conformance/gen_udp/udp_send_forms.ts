// The forms of gen_udp:send: send/3 with {IP, Port}, a sockaddr map or
// {inet, {Address, Port}} (Address may be loopback); send/4 with a host and
// a port (an IP tuple or a name), or with a destination and AncData [] or
// PortZero 0; send/5 with a host, a port and AncData []. Each datagram
// arrives from the sending socket's port. From
// gen_udp_SUITE:t_simple_local_sockaddr_in_send_recv and recvtos.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, list, ok, match } from 'erlts';

const send_ = gen_udp.send as (...Args: unknown[]) => Promise<unknown>;

export default async function main(): Promise<void> {
  const R = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const RP = ok(await inet.port(R));
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const SP = ok(await inet.port(S));
  const Map = { family: 'inet', addr: [127, 0, 0, 1], port: RP } as const;
  const Sends: [string, () => Promise<unknown>][] = [
    ['send/3 {IP, Port}', () => send_(S, [[127, 0, 0, 1], RP], Buffer.from('a'))],
    ['send/3 map', () => send_(S, Map, Buffer.from('b'))],
    ['send/3 {inet, {loopback, Port}}', () => send_(S, ['inet', ['loopback', RP]], Buffer.from('c'))],
    ['send/3 {inet, {IP, Port}}', () => send_(S, ['inet', [[127, 0, 0, 1], RP]], Buffer.from('d'))],
    ['send/4 IP, Port', () => send_(S, [127, 0, 0, 1], RP, Buffer.from('e'))],
    ['send/4 name, Port', () => send_(S, list(...Buffer.from('localhost', 'latin1')), RP, Buffer.from('f'))],
    ['send/4 {IP, Port}, 0', () => send_(S, [[127, 0, 0, 1], RP], 0, Buffer.from('g'))],
    ['send/4 {IP, Port}, []', () => send_(S, [[127, 0, 0, 1], RP], list(), Buffer.from('h'))],
    ['send/4 map, []', () => send_(S, Map, list(), Buffer.from('i'))],
    ['send/5 IP, Port, []', () => send_(S, [127, 0, 0, 1], RP, list(), Buffer.from('j'))],
  ];
  for (const [Label, F] of Sends) {
    const Result = await F();
    const [IP, P, D] = ok(await gen_udp.recv(R, 0, 1000));
    io.format('~s: ~w ~w ~w ~p~n', [Label, Result, IP, P === SP, D]);
  }
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}
