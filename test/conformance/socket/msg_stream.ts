// sendmsg and recvmsg on a stream: the iov's binaries go as one stream;
// recvmsg takes what is there, at most BufSz; a msg without iov is badarg;
// a nowait recvmsg selects with the tag recvmsg.
import * as socket from 'erlts/socket';
import { io, receive, on, after, timer, ErlangError, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  io.format('~w~n', [await socket.sendmsg(C, { iov: [Buffer.from('a'), Buffer.from('bc')] })]);
  await timer.sleep(20);
  io.format('~w~n', [await socket.recvmsg(S, 1000)]);
  match('ok', await socket.send(C, Buffer.from('12345')));
  await timer.sleep(20);
  io.format('~w~n', [await socket.recvmsg(S, 2, 0, [], 1000)]);
  io.format('~w~n', [await socket.recvmsg(S, 0, 0, 1000)]);
  io.format('~w~n', [await socket.recvmsg(S, [], 50)]);
  try {
    io.format('~w~n', [await socket.sendmsg(C, { foo: 1 } as unknown as socket.msg)]);
  } catch (E) {
    if (!(E instanceof ErlangError)) throw E;
    io.format('error:~w~n', [E.reason]);
  }
  const R = await socket.recvmsg(S, 'nowait');
  if (R[0] === 'select') {
    const [, Tag, H] = R[1];
    io.format('select ~w~n', [Tag]);
    match('ok', await socket.sendmsg(C, { iov: [Buffer.from('late')] }, 1000));
    await receive(
      on(['$socket', S, 'select', H], () => io.format('select message~n')),
      after(1000, () => io.format('none~n')),
    );
    io.format('~w~n', [await socket.recvmsg(S, 'nowait')]);
  } else {
    io.format('~w~n', [R]);
  }
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
