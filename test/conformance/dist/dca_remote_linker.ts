// A process of the peer (not trapping exits) links to a driver process: the driver process's
// exit reason kills it, but `normal` does not, and a kill reaches it as `killed`.
import { _, after, exit, io, list, monitor, on, receive, self, send, spawn } from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Self = self();
  const Ends: unknown[] = [
    ['exit', 'foo'],
    ['exit', 'normal'],
    'return',
    ['exit', ['shutdown', 'x']],
    'kill',
    ['exit', 'kill'],
  ];
  for (const End of Ends) {
    const L = spawn(async () =>
      receive(
        on(['exit', _], ([, R]) => exit(R)),
        on('return', () => 'ok'),
      ),
    );
    const K = await spawn(Peer, 'dist_peer_a', 'link_ack', list(L, Self));
    const Ref = monitor('process', K);
    await receive(on(['linked', K]));
    if (End === 'kill') exit(L, 'kill');
    else send(L, End);
    await receive(
      on(['DOWN', Ref, 'process', K, _], ([, , , , R]) =>
        io.format("~w: the peer's process DOWN ~w~n", [End, R]),
      ),
      after(200, async () => {
        send(K, 'stop');
        await receive(
          on(['DOWN', Ref, 'process', K, _], ([, , , , R]) =>
            io.format("~w: the peer's process lives, then ends ~w~n", [End, R]),
          ),
        );
      }),
    );
  }
}
