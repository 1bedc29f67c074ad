// spawn_link/4 and spawn_monitor/4 of functions the peer does not have: the new process exits
// with {undef, Stack}; a crash there with {Reason, Stack}. Only the reason's head is printed.
import {
  _,
  after,
  io,
  is_list,
  list,
  node,
  on,
  process_flag,
  receive,
  spawn_link,
  spawn_monitor,
} from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  process_flag('trap_exit', true);
  const P1 = await spawn_link(Peer, 'dca_no_such_module', 'nofun', list(1));
  io.format('pid of the peer: ~w~n', [node(P1) === Peer]);
  const exitOf = async (P: unknown, what: string): Promise<void> => {
    await receive(
      on(['EXIT', P, _], ([, , R]) => io.format(`${what}: EXIT ~w~n`, [head(R)])),
      after(2000, () => io.format('no EXIT~n')),
    );
  };
  await exitOf(P1, 'no module');
  const P2 = await spawn_link(Peer, 'dist_peer', 'no_such_function', list());
  await exitOf(P2, 'no function');
  const P3 = await spawn_link(Peer, 'dist_peer', 'echo', list('too', 'many'));
  await exitOf(P3, 'wrong arity');
  const P4 = await spawn_link(Peer, 'dist_peer', 'crash', list('error'));
  await exitOf(P4, 'error(boom)');
  const P5 = await spawn_link(Peer, 'dist_peer', 'crash', list('throw'));
  await exitOf(P5, 'throw(boom)');
  const P6 = await spawn_link(Peer, 'dist_peer', 'crash', list('exit'));
  await exitOf(P6, 'exit(boom)');
  const [P7, Ref] = await spawn_monitor(Peer, 'dca_no_such_module', 'nofun', list());
  await receive(
    on(['DOWN', Ref, 'process', P7, _], ([, , , , R7]) => io.format('spawn_monitor: DOWN ~w~n', [head(R7)])),
    after(2000, () => io.format('no DOWN~n')),
  );
  await receive(
    on(_, (Other) => io.format('unexpected ~w~n', [Other])),
    after(50, () => io.format('nothing else~n')),
  );
}

function head(R: unknown): unknown {
  if (Array.isArray(R) && R.length === 2 && is_list(R[1])) return [R[0], 'stack'];
  return R;
}
