// A 1 MiB binary, a sub-binary and a bitstring go to a process of the peer and come back whole.
import { BitString, _, after, io, list, on, receive, self, send, spawn } from 'erlts';
import * as rpc from 'erlts/rpc';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const P = await spawn(Peer, 'dist_peer', 'echo', list());
  const Big = Buffer.alloc(1048576);
  for (let i = 0; i < Big.length; i++) Big[i] = i % 251;
  send(P, [self(), Big]);
  await receive(
    on([P, _], ([, B]) => {
      const b = B as Buffer;
      io.format('1 MiB: ~w ~w ~w~n', [b.length, termEquals(b, Big), b.subarray(1048570, 1048576)]);
    }),
    after(5000, () => io.format('nothing~n')),
  );
  const Sub = Big.subarray(1000, 4000);
  send(P, [self(), ['sub', Sub]]);
  await receive(
    on([P, ['sub', _]], ([, [, S]]) =>
      io.format('sub-binary: ~w ~w~n', [(S as Buffer).length, termEquals(S, Sub)]),
    ),
    after(5000, () => io.format('nothing~n')),
  );
  // <<Big:1000/binary, 5:3>>
  const Bits = new BitString(Buffer.concat([Big.subarray(0, 1000), Buffer.from([0b1010_0000])]), 8003);
  send(P, [self(), Bits]);
  await receive(
    on([P, _], ([, Bs]) =>
      io.format('bitstring: ~w ~w~n', [(Bs as BitString).bitSize, termEquals(Bs, Bits)]),
    ),
    after(5000, () => io.format('nothing~n')),
  );
  const Many = list(Big, Big, Sub);
  send(P, [self(), Many]);
  await receive(
    on([P, _], ([, Ms]) =>
      io.format('a list of them: ~w ~w~n', [
        list(...(Ms as Buffer[]).map((X) => X.length)),
        termEquals(Ms, Many),
      ]),
    ),
    after(5000, () => io.format('nothing~n')),
  );
  io.format('byte_size there: ~w~n', [await rpc.call(Peer, 'erlang', 'byte_size', list(Big))]);
  send(P, 'stop');
}
