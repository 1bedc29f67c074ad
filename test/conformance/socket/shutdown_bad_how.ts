// socket:shutdown with a direction that is not read, write or
// read_write raises {invalid, {how, How}}.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  try {
    const R = await socket.shutdown(C, 'sideways' as 'read');
    io.format('returned ~w~n', [R]);
  } catch (e) {
    const [Class, Reason] = classOf(e);
    io.format('~w:~w~n', [Class, Reason]);
  }
  io.format('~w~n', [await socket.shutdown(C, 'write')]);
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
