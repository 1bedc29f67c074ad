import { _, float, io, is_pid, list, make_ref, node, on, receive, self, send, spawn } from 'erlts';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const P = await spawn(Peer, 'dist_peer', 'echo', list());
  io.format('node of the pid: ~w~n', [node(P) === Peer]);
  io.format('is_pid: ~w~n', [is_pid(P)]);
  const Terms = [
    'ok',
    42,
    -1,
    1n << 70n,
    3.5,
    float(1),
    list(97, 98, 99),
    Buffer.from('bin'),
    ['a', list('b', 'c'), { k: 'v' }],
    'héllo',
    list(),
    [],
    self(),
    make_ref(),
  ];
  for (const T of Terms) {
    send(P, [self(), T]);
    await receive(on([P, _], ([, Got]) => io.format('~w ~w~n', [termEquals(Got, T), Got])));
  }
  send(P, 'stop');
  io.format('done~n');
}
