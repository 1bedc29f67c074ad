// unlink/1 across nodes, both ways: after it, a death on either side sends no signal.
import {
  _,
  after,
  exit,
  io,
  link,
  list,
  monitor,
  on,
  process_flag,
  receive,
  self,
  send,
  spawn,
  timer,
  unlink,
} from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Self = self();
  process_flag('trap_exit', true);
  // The driver links and unlinks, the peer's process dies.
  const P = await spawn(Peer, 'dist_peer', 'echo', list());
  const Ref = monitor('process', P);
  link(P);
  io.format('unlink: ~w~n', [unlink(P)]);
  send(P, ['exit', 'foo']);
  await receive(on(['DOWN', Ref, 'process', P, _], ([, , , , R]) => io.format('DOWN ~w~n', [R])));
  await receive(
    on(['EXIT', P, _], ([, , E]) => io.format('EXIT ~w~n', [E])),
    after(100, () => io.format('no EXIT~n')),
  );
  // The driver unlinks a link the peer's process made; the driver's process dies.
  const W = await spawn(Peer, 'dist_peer_a', 'watcher', list(Self));
  await receive(on(['watching', W]));
  const L1 = spawn(async () => {
    await receive(
      on(['unlink', _], ([, X]) => {
        unlink(X);
        send(Self, 'unlinked');
      }),
    );
    await receive(on('die', () => exit('bar')));
  });
  send(W, ['link', L1]);
  await receive(on(['linked', L1]));
  send(L1, ['unlink', W]);
  await receive(on('unlinked'));
  send(L1, 'die');
  await timer.sleep(100);
  send(W, 'marker');
  await receive(
    on(['trapped', _], ([, M1]) => io.format("the peer's process got first: ~w~n", [M1])),
    after(2000, () => io.format('nothing~n')),
  );
  // The peer's process unlinks; the driver's process dies.
  const L2 = spawn(async () => receive(on('die', () => exit('baz'))));
  send(W, ['link', L2]);
  await receive(on(['linked', L2]));
  send(W, ['unlink', L2]);
  await receive(on(['unlinked', L2]));
  send(L2, 'die');
  await timer.sleep(100);
  send(W, 'marker');
  await receive(
    on(['trapped', _], ([, M2]) => io.format("the peer's process got first: ~w~n", [M2])),
    after(2000, () => io.format('nothing~n')),
  );
  // A driver process that does not trap exits, unlinked from a peer process that then dies.
  const Q = await spawn(Peer, 'dist_peer', 'echo', list());
  const L3 = spawn(async () => {
    link(Q);
    unlink(Q);
    send(Q, ['exit', 'boom']);
    await receive(on('ping', () => send(Self, ['pong', self()])));
  });
  await timer.sleep(100);
  send(L3, 'ping');
  await receive(
    on(['pong', L3], () => io.format('unlinked driver process alive~n')),
    after(2000, () => io.format('no pong~n')),
  );
  send(W, 'stop');
}
