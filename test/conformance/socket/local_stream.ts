// A stream socket in the local (Unix) domain: bind to a path, listen,
// connect, exchange bytes; sockname gives the path back.
import { unlinkSync } from 'node:fs';
import * as socket from 'erlts/socket';
import { io, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const Path = Buffer.from('/tmp/erlts_conf_local_' + String(process.pid) + '.sock', 'latin1');
  fileDelete(Path);
  const LS = ok(await socket.open('local', 'stream', 'default'));
  io.format('~w~n', [await socket.bind(LS, { family: 'local', path: Path })]);
  match('ok', await socket.listen(LS));
  const { family: F, path: P } = ok(await socket.sockname(LS)) as { family: string; path: unknown };
  io.format('~w ~w ~w~n', [F, Buffer.isBuffer(P), Buffer.isBuffer(P) && P.equals(Path)]);
  const C = ok(await socket.open('local', 'stream', 'default'));
  io.format('~w~n', [await socket.connect(C, { family: 'local', path: Path })]);
  const S = ok(await socket.accept(LS, 1000));
  match('ok', await socket.send(C, Buffer.from('unix')));
  io.format('~w~n', [await socket.recv(S, 4, 1000)]);
  match('ok', await socket.send(S, Buffer.from('back')));
  io.format('~w~n', [await socket.recv(C, 4, 1000)]);
  const L = socket.which_sockets('local');
  io.format('local: ~w~n', [list(...[LS, C, S].map((X) => L.includes(X)))]);
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
  fileDelete(Path);
}

function fileDelete(Path: Buffer): void {
  try {
    unlinkSync(Path);
  } catch {
    // as file:delete/1, an absent file is not an error here
  }
}
