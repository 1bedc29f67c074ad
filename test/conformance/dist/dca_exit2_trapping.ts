// exit/2 to a process of the peer that traps exits (and is not linked): each reason, `normal`
// included, arrives as {'EXIT', From, Reason}; only `kill` kills it, as `killed`.
import { _, after, exit, io, list, monitor, on, receive, self, spawn } from 'erlts';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Self = self();
  const T = await spawn(Peer, 'dist_peer_a', 'trapper', list(Self));
  await receive(on(['trapping', T]));
  const Ref = monitor('process', T);
  for (const Reason of ['normal', 'foo', ['shutdown', 'x'], 'killed', Buffer.from('b')]) {
    exit(T, Reason);
    await receive(
      on(['trapped', ['EXIT', _, _]], ([, [, From, R]]) =>
        io.format('exit(T, ~w): trapped from self ~w: ~w~n', [Reason, termEquals(From, Self), R]),
      ),
      after(2000, () => io.format('nothing trapped~n')),
    );
  }
  exit(T, 'kill');
  await receive(
    on(['DOWN', Ref, 'process', T, _], ([, , , , R2]) => io.format('exit(T, kill): DOWN ~w~n', [R2])),
    after(2000, () => io.format('no DOWN~n')),
  );
  await receive(
    on(_, (Other) => io.format('unexpected ~w~n', [Other])),
    after(50, () => io.format('nothing else~n')),
  );
}
