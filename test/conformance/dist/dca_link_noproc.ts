// link/1 to a pid of the peer that is dead: it returns true, then a `noproc` exit signal comes,
// an EXIT message for a process trapping exits, the end of one that does not.
import { _, after, io, link, list, on, process_flag, receive, spawn_monitor } from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const [P, Ref] = await spawn_monitor(Peer, 'dist_peer', 'exit_with', list('done'));
  await receive(on(['DOWN', Ref, 'process', P, _], ([, , , , R]) => io.format('DOWN ~w~n', [R])));
  process_flag('trap_exit', true);
  io.format('link: ~w~n', [link(P)]);
  await receive(
    on(['EXIT', P, _], ([, , E]) => io.format('EXIT ~w~n', [E])),
    after(2000, () => io.format('no EXIT~n')),
  );
  io.format('link again: ~w~n', [link(P)]);
  await receive(
    on(['EXIT', P, _], ([, , E2]) => io.format('EXIT ~w~n', [E2])),
    after(2000, () => io.format('no EXIT~n')),
  );
  const [L, LRef] = spawn_monitor(async () => {
    const Linked = link(P);
    return receive(on('never', () => Linked));
  });
  await receive(
    on(['DOWN', LRef, 'process', L, _], ([, , , , R2]) => io.format('not trapping: DOWN ~w~n', [R2])),
    after(2000, () => io.format('no DOWN~n')),
  );
  await receive(
    on(_, (Other) => io.format('unexpected ~w~n', [Other])),
    after(50, () => io.format('nothing else~n')),
  );
}
