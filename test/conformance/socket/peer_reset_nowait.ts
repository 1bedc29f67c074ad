// A reset peer seen by nowait calls and peeks: a nowait recv (or recvfrom)
// says econnreset at once, then closed; one that waits gets its select
// message and then the reset; a nowait send says econnreset, then epipe; a
// peek takes the reset too. After a plain close (FIN) a nowait recv says
// closed at once.
import * as socket from 'erlts/socket';
import { io, receive, on, after, _, list, timer, error, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, Port] = await listener();
  const [C1, S1] = await pair(LS, Port);
  await reset(C1);
  io.format('recv nowait: ~w~n', [await socket.recv(S1, 0, 'nowait')]);
  io.format('recv nowait: ~w~n', [await socket.recv(S1, 0, 'nowait')]);
  match('ok', await socket.close(S1));
  const [C2, S2] = await pair(LS, Port);
  const R = await socket.recv(S2, 0, 'nowait');
  if (R[0] !== 'select' || R[1][1] !== 'recv') return error(['badmatch', R]);
  const H = R[1][2];
  await reset(C2);
  await receive(
    on(['$socket', S2, 'select', H], () => io.format('select~n')),
    after(1000, () => io.format('no select message~n')),
  );
  io.format('recv nowait: ~w~n', [await socket.recv(S2, 0, 'nowait')]);
  io.format('recv nowait: ~w~n', [await socket.recv(S2, 0, 'nowait')]);
  io.format('counters: ~w~n', [counters(S2)]);
  match('ok', await socket.close(S2));
  const [C3, S3] = await pair(LS, Port);
  await reset(C3);
  io.format('send nowait: ~w~n', [await socket.send(S3, Buffer.from('x'), 'nowait')]);
  io.format('send nowait: ~w~n', [await socket.send(S3, Buffer.from('x'), 'nowait')]);
  io.format('send 100: ~w~n', [await socket.send(S3, Buffer.from('x'), 100)]);
  io.format('counters: ~w~n', [counters(S3)]);
  match('ok', await socket.close(S3));
  const [C4, S4] = await pair(LS, Port);
  await reset(C4);
  io.format('send 100: ~w~n', [await socket.send(S4, Buffer.from('x'), 100)]);
  io.format('sendmsg: ~w~n', [await socket.sendmsg(S4, { iov: [Buffer.from('x')] })]);
  match('ok', await socket.close(S4));
  const [C5, S5] = await pair(LS, Port);
  await reset(C5);
  io.format('recvfrom nowait: ~w~n', [await socket.recvfrom(S5, 0, [], 'nowait')]);
  io.format('recv peek: ~w~n', [await socket.recv(S5, 0, ['peek'], 100)]);
  match('ok', await socket.close(S5));
  const [C6, S6] = await pair(LS, Port);
  await reset(C6);
  io.format('recv peek: ~w~n', [await socket.recv(S6, 0, ['peek'], 100)]);
  io.format('recv peek: ~w~n', [await socket.recv(S6, 0, ['peek'], 100)]);
  io.format('recv 0 timeout: ~w~n', [await socket.recv(S6, 5, 0)]);
  match('ok', await socket.close(S6));
  const [C7, S7] = await pair(LS, Port);
  match('ok', await socket.close(C7));
  await timer.sleep(20);
  io.format('fin nowait: ~w~n', [await socket.recv(S7, 0, 'nowait')]);
  io.format('fin nowait: ~w~n', [await socket.recv(S7, 0, 'nowait')]);
  io.format('fin recv 5: ~w~n', [await socket.recv(S7, 5, 100)]);
  io.format('counters: ~w~n', [counters(S7)]);
  match('ok', await socket.close(S7));
  match('ok', await socket.close(LS));
  io.format('mailbox: ~w~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}

function counters(S: socket.Socket): Record<string, unknown> {
  const { read_tries, read_fails, write_tries, write_fails } = socket.info(S)['counters'] as Record<
    string,
    unknown
  >;
  return { read_fails, read_tries, write_fails, write_tries };
}

async function reset(C: socket.Socket): Promise<void> {
  match('ok', await socket.setopt(C, ['socket', 'linger'], { onoff: true, linger: 0 }));
  match('ok', await socket.close(C));
  await timer.sleep(20);
}

async function listener(): Promise<[socket.Socket, number]> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  return [LS, Port];
}

async function pair(LS: socket.Socket, Port: number): Promise<[socket.Socket, socket.Socket]> {
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  const S = ok(await socket.accept(LS, 1000));
  return [C, S];
}
