// socket:accept(LS, nowait): a select_info when nobody waits, a select
// message when a connection comes, and accept again takes it; a nowait
// accept with a connection already queued completes at once.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, error, timer, is_reference, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, Port] = await listener();
  const R = await socket.accept(LS, 'nowait');
  if (R[0] !== 'select') return error(['badmatch', R]);
  const SI = R[1];
  const [, Tag, H] = SI;
  io.format('~w ~w ~w~n', [SI, Tag, is_reference(H)]);
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  await receive(
    on(['$socket', LS, 'select', H], (M) => io.format('~w~n', [M])),
    after(1000, () => io.format('no select message~n')),
  );
  const S = ok(await socket.accept(LS, 'nowait'));
  io.format('accepted: ~w~n', [S !== LS]);
  const C2 = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C2, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  await timer.sleep(30);
  const S2 = ok(await socket.accept(LS, 'nowait'));
  io.format('queued: ~w~n', [S2 !== S]);
  match('ok', await socket.send(C, Buffer.from('one')));
  match('ok', await socket.send(C2, Buffer.from('two')));
  io.format('~w ~w~n', [await socket.recv(S, 3, 1000), await socket.recv(S2, 3, 1000)]);
  io.format('mailbox: ~w~n', [await drain()]);
  for (const X of [C, S, C2, S2, LS]) match('ok', await socket.close(X));
}

async function listener(): Promise<[socket.Socket, number]> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  return [LS, Port];
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
