// A process of the peer traps exits and links to driver processes: how each of them ends reaches
// it as {'EXIT', Pid, Reason} (a raised error as {Reason, Stack}: only its head is printed).
import * as erlang from 'erlts';
import { _, after, exit, io, is_list, list, on, receive, self, send, spawn, spawn_monitor } from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Self = self();
  const W = await spawn(Peer, 'dist_peer_a', 'watcher', list(Self));
  await receive(on(['watching', W]));
  const Ends: unknown[] = [
    ['exit', 'foo'],
    ['exit', 'normal'],
    ['exit', ['shutdown', list(1, 2)]],
    'return',
    ['error', 'oops'],
    ['throw', 'ball'],
    'kill',
  ];
  for (const End of Ends) {
    const L = spawn(victim);
    send(W, ['link', L]);
    await receive(on(['linked', L]));
    if (End === 'kill') exit(L, 'kill');
    else send(L, End);
    await receive(
      on(['trapped', ['EXIT', L, _]], ([, [, , R]]) => io.format('~w: ~w~n', [End, head(End, R)])),
      after(2000, () => io.format('~w: nothing~n', [End])),
    );
  }
  // A link to a driver process that is dead: `noproc`.
  const [D, Ref] = spawn_monitor(async () => 'ok');
  await receive(on(['DOWN', Ref, 'process', D, _]));
  send(W, ['link', D]);
  await receive(on(['linked', D]));
  await receive(
    on(['trapped', ['EXIT', D, _]], ([, [, , R]]) => io.format('dead: ~w~n', [R])),
    after(2000, () => io.format('dead: nothing~n')),
  );
  send(W, 'stop');
}

async function victim(): Promise<unknown> {
  return receive(
    on(['exit', _], ([, R]) => exit(R)),
    on('return', () => 'done'),
    on(['error', _], ([, R]) => erlang.error(R)),
    on(['throw', _], ([, V]) => erlang.throw(V)),
  );
}

function head(End: unknown, R: unknown): unknown {
  const raised = Array.isArray(End) && (End[0] === 'error' || End[0] === 'throw');
  if (raised && Array.isArray(R) && R.length === 2 && is_list(R[1])) return [R[0], 'stack'];
  return R;
}
