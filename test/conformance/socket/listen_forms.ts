// listen on a socket that was never bound binds it to the any address
// and a free port; listen/2 takes a backlog; listening again is fine.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('~w~n', [await socket.listen(LS)]);
  const { addr: A, port: Port } = ok(await socket.sockname(LS)) as { addr: readonly number[]; port: number };
  io.format('~w ~w~n', [A, Port > 0]);
  io.format('again: ~w~n', [await socket.listen(LS, 10)]);
  const LS2 = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS2, { family: 'inet', addr: 'loopback', port: 0 }));
  io.format('~w~n', [await socket.listen(LS2, 1)]);
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  const S = ok(await socket.accept(LS, 1000));
  io.format('accepted: ~w~n', [S !== LS]);
  for (const X of [C, S, LS, LS2]) match('ok', await socket.close(X));
}
