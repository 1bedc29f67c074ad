// sockname and peername of a connected pair are sockaddr maps that mirror
// each other; a listening socket has no peer.
import * as socket from 'erlts/socket';
import { io, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const CName = ok(await socket.sockname(C)) as Inet;
  const CPeer = ok(await socket.peername(C)) as Inet;
  const SName = ok(await socket.sockname(S)) as Inet;
  const SPeer = ok(await socket.peername(S)) as Inet;
  const LName = ok(await socket.sockname(LS)) as Inet;
  io.format('~w~n', [withoutPort(CName)]);
  io.format('~w~n', [withoutPort(SPeer)]);
  io.format('keys: ~w~n', [list(...Object.keys(CName).sort())]);
  io.format('mirror: ~w ~w~n', [same(CName, SPeer), same(SName, CPeer)]);
  io.format('server port is listen port: ~w~n', [SName.port === LName.port]);
  io.format('client port differs: ~w~n', [CName.port !== LName.port]);
  io.format('listen peer: ~w~n', [await socket.peername(LS)]);
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
}

type Inet = { family: string; addr: number[]; port: number };

function withoutPort({ family, addr }: Inet): object {
  return { family, addr };
}

function same(A: Inet, B: Inet): boolean {
  return A.family === B.family && A.addr.join('.') === B.addr.join('.') && A.port === B.port;
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
