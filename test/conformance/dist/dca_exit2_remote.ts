// exit/2 to a process of the peer that does not trap exits: `normal` is ignored, another reason
// kills it with that reason, `kill` kills it with `killed`.
import { _, after, exit, io, list, monitor, on, receive, self, send, spawn } from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const P = await spawn(Peer, 'dist_peer', 'echo', list());
  const Ref = monitor('process', P);
  io.format('exit(P, normal): ~w~n', [exit(P, 'normal')]);
  send(P, [self(), 'still_there']);
  await receive(
    on([P, _], ([, M]) => io.format('echo after normal: ~w~n', [M])),
    after(2000, () => io.format('no echo~n')),
  );
  io.format('exit(P, foo): ~w~n', [exit(P, 'foo')]);
  await receive(
    on(['DOWN', Ref, 'process', P, _], ([, , , , R1]) => io.format('DOWN ~w~n', [R1])),
    after(2000, () => io.format('no DOWN~n')),
  );
  for (const Reason of ['kill', ['shutdown', 'x'], list('deep', ['list']), 'killed']) {
    const Q = await spawn(Peer, 'dist_peer', 'echo', list());
    const QRef = monitor('process', Q);
    exit(Q, Reason);
    await receive(
      on(['DOWN', QRef, 'process', Q, _], ([, , , , R]) => io.format('exit(Q, ~w): DOWN ~w~n', [Reason, R])),
      after(2000, () => io.format('no DOWN~n')),
    );
  }
  io.format('exit to a dead pid: ~w~n', [exit(P, 'foo')]);
}
