// gen_tcp:connect({local, Path}, 0, [local | Opts]): OTP 25 accepts the
// local option in connect's option list (erlts raises badarg); the rest as
// local_socket.
import { existsSync, rmSync } from 'node:fs';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const Path = '/tmp/erlts_conformance_' + String(process.pid) + '.sock';
  rmSync(Path, { force: true });
  const LS = ok(await gen_tcp.listen(0, ['local', ['ifaddr', ['local', Path]], 'binary', ['active', false]]));
  const [, LPath] = ok(await inet.sockname(LS));
  io.format('sockname is the path: ~w~n', [Buffer.isBuffer(LPath) && LPath.equals(Buffer.from(Path))]);
  const PortResult: unknown = ok(await inet.port(LS));
  io.format('port is the path: ~w~n', [Buffer.isBuffer(PortResult) && PortResult.equals(Buffer.from(Path))]);
  const C = ok(await gen_tcp.connect(['local', Path], 0, ['local', 'binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  io.format('peername of accepted: ~p~n', [await inet.peername(S)]);
  io.format('sockname of client: ~p~n', [await inet.sockname(C)]);
  match('ok', await gen_tcp.send(C, Buffer.from('over a path')));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
  io.format('file left: ~w~n', [existsSync(Path)]);
  rmSync(Path, { force: true });
}
