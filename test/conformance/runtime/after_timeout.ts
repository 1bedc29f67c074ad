// `after` fires when nothing matches in time, and does not when a message
// comes first; a non-matching message neither ends nor restarts the wait.
// Margins are wide (an after that must not fire waits 1000 ms, one that must
// fire is 170 ms ahead of the message) so a loaded machine cannot flip them.
import { self, send, spawn, receive, on, after, _, list, timer, io, type List } from 'erlts';

export default async function main(): Promise<void> {
  const R1 = await receive(
    on('never', () => 'never'),
    after(30, () => 'timeout'),
  );
  io.format('nothing sent: ~p~n', [R1]);
  const Self = self();
  spawn(async () => {
    await timer.sleep(20);
    send(Self, 'late');
  });
  const R2 = await receive(
    on('late', () => 'late'),
    after(1000, () => 'timeout'),
  );
  io.format('sent in time: ~p~n', [R2]);
  spawn(async () => {
    await timer.sleep(200);
    send(Self, 'too_late');
  });
  const R3 = await receive(
    on('too_late', () => 'too_late'),
    after(30, () => 'timeout'),
  );
  io.format('sent too late: ~p~n', [R3]);
  const R4 = await receive(
    on('too_late', () => 'too_late'),
    after(1000, () => 'timeout'),
  );
  io.format('then: ~p~n', [R4]);
  spawn(async () => {
    await timer.sleep(10);
    send(Self, 'noise');
  });
  const R5 = await receive(
    on('wanted', () => 'wanted'),
    after(50, () => 'timeout'),
  );
  io.format('with noise: ~p, left: ~p~n', [R5, await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
