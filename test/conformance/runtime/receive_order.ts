// Messages from one sender are received in the order they were sent.
import { self, send, spawn, receive, on, _, io } from 'erlts';

export default async function main(): Promise<void> {
  const Self = self();
  for (const N of [1, 2, 3, 4, 5]) send(Self, ['msg', N]);
  await loop(5);
  spawn(() => {
    for (const N of ['a', 'b', 'c']) send(Self, ['from_child', N]);
  });
  await loop_child(3);
  io.format('done~n');
}

async function loop(N: number): Promise<void> {
  if (N === 0) return;
  await receive(on(['msg', _], ([, X]) => io.format('got ~p~n', [X])));
  await loop(N - 1);
}

async function loop_child(N: number): Promise<void> {
  if (N === 0) return;
  await receive(on(['from_child', _], ([, X]) => io.format('from child ~p~n', [X])));
  await loop_child(N - 1);
}
