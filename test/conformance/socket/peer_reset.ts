// The peer resets the connection (linger 0, then close): recv says
// econnreset once, then closed; data that came before the reset is read
// first; an exact recv hands back what it had with the reset; a waiting
// recv is woken with econnreset; send says econnreset first when it meets
// the reset, epipe after; the socket is no longer connected, but keeps
// its own address.
import * as socket from 'erlts/socket';
import { io, receive, on, spawn, self, send, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, Port] = await listener();
  const [C1, S1] = await pair(LS, Port);
  await reset(C1);
  io.format('recv: ~w~n', [await socket.recv(S1, 0, 100)]);
  io.format('recv: ~w~n', [await socket.recv(S1, 0, 100)]);
  io.format('recv: ~w~n', [await socket.recv(S1, 0, 100)]);
  io.format('send: ~w~n', [await socket.send(S1, Buffer.from('x'))]);
  io.format('send: ~w~n', [await socket.send(S1, Buffer.from('x'))]);
  io.format('peername: ~w~n', [await socket.peername(S1)]);
  const { port: _port, ...Name } = ok(await socket.sockname(S1)) as Record<string, unknown>;
  io.format('sockname: ~w~n', [Name]);
  io.format('shutdown: ~w~n', [await socket.shutdown(S1, 'write')]);
  io.format('counters: ~w~n', [counters(S1)]);
  match('ok', await socket.close(S1));
  const [C2, S2] = await pair(LS, Port);
  await reset(C2);
  io.format('send first: ~w~n', [await socket.send(S2, Buffer.from('x'))]);
  io.format('send: ~w~n', [await socket.send(S2, Buffer.from('x'))]);
  io.format('recv: ~w~n', [await socket.recv(S2, 0, 100)]);
  match('ok', await socket.close(S2));
  const [C3, S3] = await pair(LS, Port);
  match('ok', await socket.send(C3, Buffer.from('abc')));
  await timer.sleep(20);
  await reset(C3);
  io.format('data first: ~w~n', [await socket.recv(S3, 0, 100)]);
  io.format('recv: ~w~n', [await socket.recv(S3, 0, 100)]);
  io.format('recv: ~w~n', [await socket.recv(S3, 0, 100)]);
  match('ok', await socket.close(S3));
  const [C4, S4] = await pair(LS, Port);
  match('ok', await socket.send(C4, Buffer.from('ab')));
  await timer.sleep(20);
  await reset(C4);
  io.format('recv 5: ~w~n', [await socket.recv(S4, 5, 100)]);
  io.format('recv 5: ~w~n', [await socket.recv(S4, 5, 100)]);
  io.format('counters: ~w~n', [counters(S4)]);
  match('ok', await socket.close(S4));
  const [C5, S5] = await pair(LS, Port);
  const Self = self();
  spawn(async () => {
    await timer.sleep(30);
    await reset(C5);
    send(Self, 'done');
  });
  io.format('waiting recv: ~w~n', [await socket.recv(S5, 0, 1000)]);
  await receive(on('done', () => 'ok'));
  io.format('recv: ~w~n', [await socket.recv(S5, 0, 100)]);
  match('ok', await socket.close(S5));
  const [C6, S6] = await pair(LS, Port);
  await reset(C6);
  io.format('recvmsg: ~w~n', [await socket.recvmsg(S6, 0, 0, [], 100)]);
  io.format('recvfrom: ~w~n', [await socket.recvfrom(S6, 0, [], 100)]);
  match('ok', await socket.close(S6));
  match('ok', await socket.close(LS));
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
