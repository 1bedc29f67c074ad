// Guards filter messages; a message failing every guard stays queued.
import { self, send, receive, on, after, _, list, is_atom, io, type List } from 'erlts';

export default async function main(): Promise<void> {
  const Self = self();
  for (const N of [1, 7, 3, 12, 5]) send(Self, ['num', N]);
  await receive(
    on(
      ['num', _],
      ([, N1]) => (N1 as number) > 5,
      ([, N1]) => io.format('first > 5: ~p~n', [N1]),
    ),
  );
  await receive(
    on(
      ['num', _],
      ([, N2]) => (N2 as number) > 5 && (N2 as number) % 2 === 0,
      ([, N2]) => io.format('even > 5: ~p~n', [N2]),
    ),
  );
  await receive(
    on(
      ['num', _],
      ([, N3]) => (N3 as number) > 100,
      ([, N3]) => io.format('never ~p~n', [N3]),
    ),
    after(0, () => io.format('none > 100~n')),
  );
  await receive(
    on(
      ['num', _],
      ([, N4]) => (N4 as number) >= 5,
      ([, N4]) => io.format('clause 1: ~p~n', [N4]),
    ),
    on(
      ['num', _],
      ([, N4]) => (N4 as number) < 3,
      ([, N4]) => io.format('clause 2: ~p~n', [N4]),
    ),
  );
  send(Self, ['tag', 1]);
  send(Self, ['tag', 'x']);
  await receive(
    on(
      ['tag', _],
      ([, T]) => is_atom(T),
      ([, T]) => io.format('atom tag: ~p~n', [T]),
    ),
  );
  io.format('left: ~p~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
