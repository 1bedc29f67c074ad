// A process of the peer monitors driver processes, by pid and by {Name, Node}: it sees the DOWN
// with their exit reasons, `noproc` for one that is dead or a name nobody has; demonitor/2 works.
import { _, after, exit, io, list, node, on, receive, register, self, send, spawn } from 'erlts';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

const victim = async (): Promise<unknown> => receive(on(['exit', _], ([, R]) => exit(R)));

export default async function main(): Promise<void> {
  const Peer = peer();
  const Self = self();
  const watch = async (Target: unknown): Promise<void> => {
    const M = await spawn(Peer, 'dist_peer_a', 'monitor_ack', list(Target, Self));
    await receive(on(['monitoring', M]));
  };
  const L1 = spawn(victim);
  await watch(L1);
  send(L1, ['exit', ['bad', list(1)]]);
  await receive(
    on(['down_seen', _, _], ([, O1, I1]) => io.format('by pid: ~w ~w~n', [termEquals(O1, L1), I1])),
    after(2000, () => io.format('no DOWN~n')),
  );
  const L2 = spawn(victim);
  register('dca_local', L2);
  await watch(['dca_local', node()]);
  send(L2, ['exit', 'normal']);
  await receive(
    on(['down_seen', _, _], ([, O2, I2]) =>
      io.format('by name: ~w ~w~n', [termEquals(O2, ['dca_local', node()]), I2]),
    ),
    after(2000, () => io.format('no DOWN~n')),
  );
  await watch(L1);
  await receive(
    on(['down_seen', _, _], ([, O3, I3]) => io.format('dead pid: ~w ~w~n', [termEquals(O3, L1), I3])),
    after(2000, () => io.format('no DOWN~n')),
  );
  await watch(['dca_nobody', node()]);
  await receive(
    on(['down_seen', _, _], ([, O4, I4]) =>
      io.format('unregistered name: ~w ~w~n', [termEquals(O4, ['dca_nobody', node()]), I4]),
    ),
    after(2000, () => io.format('no DOWN~n')),
  );
  const L5 = spawn(victim);
  await watch(L5);
  send(L5, ['exit', 'killed']);
  await receive(
    on(['down_seen', _, _], ([, , I5]) => io.format('killed: ~w~n', [I5])),
    after(2000, () => io.format('no DOWN~n')),
  );
  const L6 = spawn(victim);
  const M6 = await spawn(Peer, 'dist_peer_a', 'monitor_ack', list(L6, Self));
  await receive(on(['monitoring', M6]));
  send(M6, ['demonitor', Self]);
  await receive(
    on(['demonitored', _], ([, D]) => io.format('demonitor there: ~w~n', [D])),
    after(2000, () => io.format('no answer~n')),
  );
  exit(L6, 'kill');
}
