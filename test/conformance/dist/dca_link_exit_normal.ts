// A linked process of the peer that ends normally: a trapping driver process gets
// {'EXIT', P, normal}, one that does not trap exits lives on.
import {
  _,
  after,
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
} from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Self = self();
  process_flag('trap_exit', true);
  const P1 = await spawn(Peer, 'dist_peer', 'echo', list());
  link(P1);
  send(P1, 'stop');
  await receive(
    on(['EXIT', P1, _], ([, , R1]) => io.format('returned: EXIT ~w~n', [R1])),
    after(2000, () => io.format('no EXIT~n')),
  );
  const P2 = await spawn(Peer, 'dist_peer', 'echo', list());
  link(P2);
  send(P2, ['exit', 'normal']);
  await receive(
    on(['EXIT', P2, _], ([, , R2]) => io.format('exit(normal): EXIT ~w~n', [R2])),
    after(2000, () => io.format('no EXIT~n')),
  );
  const P3 = await spawn(Peer, 'dist_peer', 'echo', list());
  const L = spawn(async () => {
    link(P3);
    send(P3, 'stop');
    await receive(on('ping', () => send(Self, ['pong', self()])));
    await receive(on('stop'));
  });
  const Ref = monitor('process', L);
  await timer.sleep(100);
  send(L, 'ping');
  await receive(
    on(['pong', L], () => io.format('not trapping: alive after the normal exit~n')),
    after(2000, () => io.format('no pong~n')),
  );
  send(L, 'stop');
  await receive(on(['DOWN', Ref, 'process', L, _], ([, , , , R3]) => io.format('then DOWN ~w~n', [R3])));
  await receive(
    on(_, (Other) => io.format('unexpected ~w~n', [Other])),
    after(50, () => io.format('nothing else~n')),
  );
}
