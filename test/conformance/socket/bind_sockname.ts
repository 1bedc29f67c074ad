// bind to loopback port 0, sockname gives the address and a real port,
// which listen keeps; binding twice is einval, the same port again is
// eaddrinuse, and bind/2 takes the atoms any and loopback.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('~w~n', [await socket.bind(S, { family: 'inet', addr: 'loopback', port: 0 })]);
  const { family: F, addr: A, port: P } = ok(await socket.sockname(S)) as Inet;
  io.format('bound: ~w ~w ~w~n', [F, A, P > 0]);
  io.format('again: ~w~n', [await socket.bind(S, { family: 'inet', addr: 'loopback', port: 0 })]);
  match('ok', await socket.listen(S));
  const { port: P2 } = ok(await socket.sockname(S)) as Inet;
  io.format('same port after listen: ~w~n', [P2 === P]);
  const S2 = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('in use: ~w~n', [await socket.bind(S2, { family: 'inet', addr: [127, 0, 0, 1], port: P })]);
  io.format('any: ~w~n', [await socket.bind(S2, 'any')]);
  const { addr: A2, port: P3 } = ok(await socket.sockname(S2)) as Inet;
  io.format('~w ~w~n', [A2, P3 > 0]);
  const S3 = ok(await socket.open('inet', 'stream', 'tcp'));
  io.format('loopback: ~w~n', [await socket.bind(S3, 'loopback')]);
  const { addr: A3 } = ok(await socket.sockname(S3)) as Inet;
  io.format('~w~n', [A3]);
  for (const X of [S, S2, S3]) match('ok', await socket.close(X));
}

type Inet = { family: string; addr: number[]; port: number };
