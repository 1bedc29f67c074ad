// Aliases as reply addresses for a process of the peer: a reply through an active alias arrives,
// one through an alias that was deactivated (unalias/1, a `reply` alias used once, a monitor
// alias after demonitor) is dropped.
import {
  _,
  after,
  alias,
  demonitor,
  io,
  list,
  monitor,
  on,
  receive,
  self,
  send,
  spawn,
  unalias,
  type List,
} from 'erlts';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const P = await spawn(Peer, 'dist_peer', 'echo', list());
  const next = (what: string): Promise<unknown> =>
    receive(
      on([P, _], ([, M]) => io.format(`${what}: ~w~n`, [M])),
      after(2000, () => io.format('nothing~n')),
    );
  const A = alias();
  send(P, [A, 'one']);
  await next('through an alias');
  io.format('unalias: ~w~n', [unalias(A)]);
  send(P, [A, 'two']);
  send(P, [self(), 'sync']);
  await next('after unalias, first');
  const R = alias(['reply']);
  send(P, [R, 'three']);
  send(P, [R, 'four']);
  send(P, [self(), 'sync']);
  const Got: List = list();
  for (let i = 0; i < 2; i++) {
    Got.push(
      await receive(
        on([P, _], ([, X]) => X),
        after(2000, () => 'nothing'),
      ),
    );
  }
  io.format('a reply alias: ~w~n', [Got]);
  io.format('unalias it after: ~w~n', [unalias(R)]);
  const MRef = monitor('process', P, [['alias', 'demonitor']]);
  send(P, [MRef, 'five']);
  await next('through a monitor alias');
  io.format('demonitor: ~w~n', [demonitor(MRef)]);
  send(P, [MRef, 'six']);
  send(P, [self(), 'sync']);
  await next('after demonitor, first');
  const MRef2 = monitor('process', P, [['alias', 'reply_demonitor']]);
  send(P, [MRef2, 'seven']);
  await next('reply_demonitor alias');
  send(P, 'stop');
  await receive(
    on(['DOWN', MRef2, _, _, _], (D) => io.format('unexpected ~w~n', [D])),
    after(100, () => io.format('no DOWN: the reply demonitored~n')),
  );
  await receive(
    on(_, (Other) => io.format('unexpected ~w~n', [Other])),
    after(50, () => io.format('nothing else~n')),
  );
}
