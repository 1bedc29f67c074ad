// monitor/2 of a pid of the peer: the DOWN names the pid and carries its exit reason.
import { _, after, exit, io, list, monitor, on, receive, send, spawn } from 'erlts';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Ends: unknown[] = [
    'stop',
    'normal',
    'foo',
    ['shutdown', 'x'],
    'kill',
    ['exit2', 'kill'],
    ['exit2', 'bar'],
    [1, list(2), Buffer.from([3])],
  ];
  for (const End of Ends) {
    const P = await spawn(Peer, 'dist_peer', 'echo', list());
    const Ref = monitor('process', P);
    if (End === 'stop') send(P, 'stop');
    else if (Array.isArray(End) && End.length === 2 && End[0] === 'exit2') exit(P, End[1]);
    else send(P, ['exit', End]);
    await receive(
      on(['DOWN', Ref, 'process', _, _], ([, , , Object, Info]) =>
        io.format('~w: DOWN ~w ~w~n', [End, termEquals(Object, P), Info]),
      ),
      after(2000, () => io.format('~w: no DOWN~n', [End])),
    );
  }
  const P = await spawn(Peer, 'dist_peer', 'echo', list());
  const R1 = monitor('process', P);
  const R2 = monitor('process', P);
  io.format('two monitors, two refs: ~w~n', [!termEquals(R1, R2)]);
  send(P, 'stop');
  await receive(
    on(['DOWN', R2, 'process', P, _], ([, , , , I2]) => io.format('second DOWN ~w~n', [I2])),
    after(2000, () => io.format('no DOWN~n')),
  );
  await receive(
    on(['DOWN', R1, 'process', P, _], ([, , , , I1]) => io.format('first DOWN ~w~n', [I1])),
    after(2000, () => io.format('no DOWN~n')),
  );
}
