// recvtos and recvttl are taken at open and by setopts and read back. (What
// they make a socket report, the TOS and TTL of each datagram as AncData in
// {ok, {IP, Port, AncData, Data}} and {udp, S, IP, Port, AncData, Data}, and
// AncData given to send/4,5, Node's dgram cannot do: docs/DEVIATIONS.md.)
// Turned off, recv gives {IP, Port, Data}. From gen_udp_SUITE:recvtos,
// recvttl, recvtosttl.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const R = ok(await gen_udp.open(0, ['binary', ['active', false], ['recvtos', true], ['recvttl', true]]));
  const RP = ok(await inet.port(R));
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const SP = ok(await inet.port(S));
  io.format('~w~n', [await inet.getopts(R, ['recvtos', 'recvttl'])]);
  match(
    'ok',
    await inet.setopts(S, [
      ['tos', 96],
      ['ttl', 33],
    ]),
  );
  io.format('~w~n', [await inet.getopts(S, ['tos', 'ttl'])]);
  match(
    'ok',
    await inet.setopts(R, [
      ['recvtos', false],
      ['recvttl', false],
    ]),
  );
  io.format('~w~n', [await inet.getopts(R, ['recvtos', 'recvttl'])]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('plain')));
  io.format('recv: ~w~n', [strip(SP, await gen_udp.recv(R, 0, 1000))]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}

function strip(SP: number, Result: unknown): unknown {
  if (Array.isArray(Result) && Result[0] === 'ok') {
    const T = Result[1] as unknown[];
    if (T.length === 3 && T[1] === SP) return [T[0], T[2]];
  }
  return Result;
}
