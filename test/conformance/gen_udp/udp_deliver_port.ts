// {deliver, port}: an active socket delivers {S, {data, Data}}, the driver's
// raw form, where Data starts with the address: the family (1 for inet), the
// port in two bytes, big-endian, and the four address bytes, then the
// datagram; a binary in binary mode, a flat list in list mode. udp_passive
// keeps its usual form, and recv on a passive socket is not affected.
// {deliver, term} restores {udp, S, IP, Port, Data}.
import { isDeepStrictEqual } from 'node:util';
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, List, timer, ok, match, type Port } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const SP = ok(await inet.port(S));
  const R = ok(await gen_udp.open(0, ['binary', ['active', true], ['deliver', 'port']]));
  const RP = ok(await inet.port(R));
  io.format('~w~n', [await inet.getopts(R, ['deliver'])]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('dp')));
  await timer.sleep(30);
  io.format('binary: ~w~n', [list(...(await drain()).map((M) => raw(R, SP, M)))]);
  match('ok', await inet.setopts(R, ['list', ['active', 2]]));
  for (const D of ['l1', 'l2', 'l3']) match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from(D)));
  await timer.sleep(30);
  io.format('list, active 2: ~w~n', [list(...(await drain()).map((M) => raw(R, SP, M)))]);
  io.format('recv: ~p~n', [
    isDeepStrictEqual(norm(await gen_udp.recv(R, 0, 1000)), ['ok', [[127, 0, 0, 1], SP, [0x6c, 0x33]]]),
  ]);
  match(
    'ok',
    await inet.setopts(R, [
      ['deliver', 'term'],
      ['active', 'once'],
    ]),
  );
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('term')));
  await timer.sleep(30);
  io.format('term: ~w~n', [list(...(await drain()).map((M) => raw(R, SP, M)))]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}

function raw(R: Port, SP: number, M: unknown): unknown {
  if (Array.isArray(M) && M.length === 2 && M[0] === R && Array.isArray(M[1]) && M[1][0] === 'data') {
    const Data = M[1][1] as Buffer | List<number>;
    if (Buffer.isBuffer(Data) && Data.length >= 7) {
      return [
        'data',
        Data[0],
        Data.readUInt16BE(1) === SP,
        [Data[3], Data[4], Data[5], Data[6]],
        Data.subarray(7),
      ];
    }
    if (Data instanceof List && Data.length >= 7) {
      const [F, P1, P0, A, B, C, D, ...Rest] = Data;
      return ['data', F, P1! * 256 + P0! === SP, [A, B, C, D], list(...Rest)];
    }
  }
  if (Array.isArray(M) && M.length === 5 && M[0] === 'udp' && M[1] === R && M[3] === SP)
    return ['udp', M[2], M[4]];
  if (Array.isArray(M) && M.length === 2 && M[0] === 'udp_passive' && M[1] === R) return 'udp_passive';
  return M;
}

// Erlang's =:= on the terms compared here (tuples, lists, numbers, atoms).
function norm(X: unknown): unknown {
  return Array.isArray(X) ? [...X].map(norm) : X;
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
