// close from a third process wakes the callers blocked in accept and recv
// with no timeout; a recv that had read part of its length returns
// {error, {closed, Data}} with those bytes.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, self, spawn, send, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const Self = self();
  spawn(async () => send(Self, ['recv', await socket.recv(S, 0, 'infinity')]));
  spawn(async () => send(Self, ['accept', await socket.accept(LS, 'infinity')]));
  spawn(async () => send(Self, ['recv5', await socket.recv(C, 5)]));
  await timer.sleep(30);
  match('ok', await socket.send(S, Buffer.from('abc')));
  await timer.sleep(20);
  spawn(async () => {
    match('ok', await socket.close(S));
    match('ok', await socket.close(LS));
    match('ok', await socket.close(C));
  });
  for (const Tag of ['recv', 'accept', 'recv5']) {
    await receive(on([Tag, _], ([, R]) => io.format('~w ~w~n', [Tag, R])));
  }
  io.format('mailbox: ~w~n', [await drain()]);
}

async function listener(): Promise<[socket.Socket, number]> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  return [LS, Port];
}

async function pair(): Promise<[socket.Socket, socket.Socket, socket.Socket]> {
  const [LS, Port] = await listener();
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  const S = ok(await socket.accept(LS, 1000));
  return [LS, C, S];
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
