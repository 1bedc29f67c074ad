// 200 messages to a process of the peer come back in the order they were sent: to a pid, to a
// registered name, and forwarded to the driver by another process.
import { _, io, link, list, on, process_flag, receive, self, send, spawn } from 'erlts';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

const seq = (n: number): number[] => Array.from({ length: n }, (_x, i) => i + 1);

export default async function main(): Promise<void> {
  const Peer = peer();
  const N = 200;
  const P = await spawn(Peer, 'dist_peer', 'echo', list());
  for (const I of seq(N)) send(P, [self(), I]);
  const Got: unknown[] = [];
  for (let i = 0; i < N; i++) Got.push(await receive(on([P, _], ([, X]) => X)));
  io.format('to a pid: ~w ~w ~w~n', [Got.length, termEquals(Got, seq(N)), list(...Got.slice(0, 5))]);
  for (const I of seq(N)) send(['dist_peer_echo', Peer], [self(), ['n', I]]);
  const Got2: unknown[] = [];
  for (let i = 0; i < N; i++) Got2.push(await receive(on(['dist_peer_echo', _], ([, X]) => X)));
  io.format('to a name: ~w ~w ~w~n', [
    Got2.length,
    termEquals(
      Got2,
      seq(N).map((I) => ['n', I]),
    ),
    Got2[N - 1],
  ]);
  const F = await spawn(Peer, 'dist_peer', 'echo_to', list(self()));
  for (const I of seq(N)) send(F, I);
  const Got3: unknown[] = [];
  for (let i = 0; i < N; i++) Got3.push(await receive(on(['got', _], ([, X]) => X)));
  io.format('forwarded: ~w ~w~n', [Got3.length, termEquals(Got3, seq(N))]);
  // Interleaved with a signal: the linked process's exit comes after every message it sent.
  process_flag('trap_exit', true);
  const Q = await spawn(Peer, 'dist_peer', 'echo_to', list(self()));
  link(Q);
  for (const I of seq(50)) send(Q, I);
  send(Q, 'stop');
  const Got4: unknown[] = [];
  for (let i = 0; i < 51; i++) {
    Got4.push(
      await receive(
        on(['got', _], ([, X]) => X),
        on(['EXIT', Q, _], ([, , R]) => ['exit', R]),
      ),
    );
  }
  io.format('then its exit: ~w ~w~n', [termEquals(Got4.slice(0, 50), seq(50)), Got4[50]]);
  send(P, 'stop');
  send(F, 'stop');
}
