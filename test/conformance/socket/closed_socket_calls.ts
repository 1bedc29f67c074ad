// Every call on a closed socket answers {error, closed}.
import * as socket from 'erlts/socket';
import { io, make_ref, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  match('ok', await socket.close(S));
  match('ok', await socket.close(LS));
  const Addr = { family: 'inet', addr: [127, 0, 0, 1], port: 1 } as const;
  io.format('send ~w~n', [await socket.send(S, Buffer.from('x'))]);
  io.format('recv ~w~n', [await socket.recv(S, 0, 100)]);
  io.format('recv nowait ~w~n', [await socket.recv(S, 0, 'nowait')]);
  io.format('accept ~w~n', [await socket.accept(LS, 100)]);
  io.format('accept nowait ~w~n', [await socket.accept(LS, 'nowait')]);
  io.format('listen ~w~n', [await socket.listen(LS)]);
  io.format('bind ~w~n', [await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 })]);
  io.format('connect ~w~n', [await socket.connect(S, Addr)]);
  io.format('shutdown ~w~n', [await socket.shutdown(S, 'write')]);
  io.format('sockname ~w~n', [await socket.sockname(S)]);
  io.format('peername ~w~n', [await socket.peername(S)]);
  io.format('cancel ~w~n', [await socket.cancel(S, ['select_info', 'recv', make_ref()])]);
  io.format('close ~w~n', [await socket.close(S)]);
  match('ok', await socket.close(C));
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
