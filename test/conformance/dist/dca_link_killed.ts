// Kill across a link: exit(P, kill) to a linked process of the peer gives the trapping driver
// {'EXIT', P, killed}; a process of the peer that calls exit(kill) itself sends `kill`, which
// its links see as an ordinary reason; a driver process killed gives its peer link `killed`.
import {
  _,
  after,
  exit,
  io,
  link,
  list,
  on,
  process_flag,
  receive,
  self,
  send,
  spawn,
  spawn_monitor,
} from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Self = self();
  process_flag('trap_exit', true);
  const P1 = await spawn(Peer, 'dist_peer', 'echo', list());
  link(P1);
  io.format('exit/2: ~w~n', [exit(P1, 'kill')]);
  await receive(
    on(['EXIT', P1, _], ([, , R1]) => io.format('exit(P, kill): EXIT ~w~n', [R1])),
    after(2000, () => io.format('no EXIT~n')),
  );
  const P2 = await spawn(Peer, 'dist_peer', 'echo', list());
  link(P2);
  send(P2, ['exit', 'kill']);
  await receive(
    on(['EXIT', P2, _], ([, , R2]) => io.format('exit(kill) there: EXIT ~w~n', [R2])),
    after(2000, () => io.format('no EXIT~n')),
  );
  const P3 = await spawn(Peer, 'dist_peer', 'echo', list());
  const [L, Ref] = spawn_monitor(async () => {
    link(P3);
    send(P3, ['exit', 'kill']);
    await receive(on('never'));
  });
  await receive(
    on(['DOWN', Ref, 'process', L, _], ([, , , , R3]) =>
      io.format('not trapping, exit(kill) there: DOWN ~w~n', [R3]),
    ),
    after(2000, () => io.format('no DOWN~n')),
  );
  const L2 = spawn(async () => receive(on('never')));
  const W = await spawn(Peer, 'dist_peer_a', 'watcher', list(Self));
  await receive(on(['watching', W]));
  send(W, ['link', L2]);
  await receive(on(['linked', L2]));
  exit(L2, 'kill');
  await receive(
    on(['trapped', ['EXIT', L2, _]], ([, [, , R4]]) =>
      io.format("driver process killed: the peer's EXIT ~w~n", [R4]),
    ),
    after(2000, () => io.format('no report~n')),
  );
  send(W, 'stop');
  await receive(
    on(['EXIT', _, _], (E) => io.format('unexpected ~w~n', [E])),
    after(50),
  );
}
