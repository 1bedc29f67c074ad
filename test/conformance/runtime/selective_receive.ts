// Selective receive takes the first matching message and leaves the others
// queued in their order; message order wins over clause order.
import { self, send, receive, on, after, _, list, io, type List } from 'erlts';

export default async function main(): Promise<void> {
  const Self = self();
  send(Self, 'a');
  send(Self, 'b');
  send(Self, ['c', 1]);
  send(Self, 'd');
  send(Self, ['c', 2]);
  await receive(on(['c', _], ([, N]) => io.format('first c: ~p~n', [N])));
  await receive(on('d', () => io.format('got d~n')));
  io.format('left: ~p~n', [await drain()]);
  send(Self, 'x');
  send(Self, 'y');
  const R = await receive(
    on('y', () => 'got_y'),
    on('x', () => 'got_x'),
  );
  io.format('clause order does not win: ~p~n', [R]);
  io.format('left: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
