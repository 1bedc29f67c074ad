// socket:recv reads exactly the length asked, waiting for more when less
// is there; length 0 reads what is there; send takes iodata.
import * as socket from 'erlts/socket';
import { io, receive, on, timer, self, spawn, send, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  match('ok', await socket.send(C, Buffer.from('hello world')));
  io.format('~w~n', [await socket.recv(S, 5, 1000)]);
  await timer.sleep(20);
  io.format('~w~n', [await socket.recv(S, 0, 1000)]);
  const Self = self();
  spawn(async () => {
    await timer.sleep(30);
    match('ok', await socket.send(C, Buffer.from('ab')));
    await timer.sleep(30);
    match('ok', await socket.send(C, [Buffer.from('cd'), list(...Buffer.from('ef', 'latin1'))]));
    send(Self, 'sent');
  });
  io.format('~w~n', [await socket.recv(S, 6, 1000)]);
  await receive(on('sent', () => 'ok'));
  match(
    'ok',
    await socket.send(S, [Buffer.from('x'), [Buffer.from('yz'), list(...Buffer.from('w', 'latin1'))]]),
  );
  io.format('~w~n', [await socket.recv(C, 4)]);
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
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
