// sockname and peername of the two ends mirror each other; connect with a
// sockaddr map (gen_tcp:connect/2,3) reaches the same listener.
import { isDeepStrictEqual } from 'node:util';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  const CName = ok(await inet.sockname(C));
  const [CAddr, CPort] = CName;
  const SName = ok(await inet.sockname(S));
  const [SAddr, SPort] = SName;
  io.format('addresses: ~w ~w~n', [CAddr, SAddr]);
  io.format('server port is the listen port: ~w~n', [SPort === Port]);
  io.format('client port differs: ~w~n', [CPort !== Port]);
  io.format('mirrored: ~w ~w~n', [
    eq(await inet.peername(C), ['ok', SName]),
    eq(await inet.peername(S), ['ok', CName]),
  ]);
  io.format('socknames: ~w~n', [eq(await inet.socknames(C), ['ok', list(CName)])]);
  io.format('peernames: ~w~n', [eq(await inet.peernames(C), ['ok', list(SName)])]);
  const C2 = ok(
    await gen_tcp.connect({ family: 'inet', addr: [127, 0, 0, 1], port: Port }, [
      'binary',
      ['active', false],
    ]),
  );
  const S2 = ok(await gen_tcp.accept(LS));
  const C3 = ok(
    await gen_tcp.connect(
      { family: 'inet', addr: [127, 0, 0, 1], port: Port },
      ['binary', ['active', false]],
      1000,
    ),
  );
  const S3 = ok(await gen_tcp.accept(LS));
  io.format('map connect: ~w ~w~n', [
    eq(await inet.peername(C2), ['ok', [[127, 0, 0, 1], Port]]),
    eq(await inet.peername(C3), ['ok', [[127, 0, 0, 1], Port]]),
  ]);
  for (const X of [C, S, C2, S2, C3, S3, LS]) match('ok', await gen_tcp.close(X));
}

// Erlang's =:= on the terms compared here (tuples, lists, numbers, atoms).
function eq(A: unknown, B: unknown): boolean {
  return isDeepStrictEqual(norm(A), norm(B));
}

function norm(X: unknown): unknown {
  return Array.isArray(X) ? [...X].map(norm) : X;
}
