// Message flags: peek leaves the data to be read again; nosignal and more
// send as usual (more's data leaves with the next send); an unknown flag
// is {error, {invalid, {msg_flag, F}}}; integer 0 is no flag.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  match('ok', await socket.send(C, Buffer.from('peek'), ['nosignal']));
  io.format('~w~n', [await socket.recv(S, 4, ['peek'], 1000)]);
  io.format('~w~n', [await socket.recv(S, 0, ['peek'], 1000)]);
  io.format('~w~n', [await socket.recv(S, 2, [], 1000)]);
  io.format('~w~n', [await socket.recv(S, 0, [0], 1000)]);
  io.format('~w~n', [await socket.recv(S, 0, ['foo'] as never, 100)]);
  io.format('~w~n', [await socket.send(C, Buffer.from('x'), ['foo'] as never)]);
  io.format('~w~n', [await socket.send(C, Buffer.from('ab'), ['more'])]);
  io.format('~w~n', [await socket.send(C, Buffer.from('cd'), ['nosignal'], 1000)]);
  io.format('~w~n', [await socket.recv(S, 4, 1000)]);
  io.format('~w~n', [await socket.recv(S, ['peek'], 50)]);
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
