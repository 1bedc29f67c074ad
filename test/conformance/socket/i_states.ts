// socket:i/2's state column for a listening socket, then for it, a
// connected and an accepted socket: OTP's abbreviations of each socket's
// read and write states. Only inet6 sockets are listed: this scenario's own.
import * as socket from 'erlts/socket';
import { ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await socket.open('inet6', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet6', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  match('ok', await socket.i('inet6', ['domain', 'type', 'protocol', 'state']));
  const C = ok(await socket.open('inet6', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet6', addr: 'loopback', port: Port }));
  const S = ok(await socket.accept(LS, 1000));
  match('ok', await socket.i('inet6', ['domain', 'type', 'protocol', 'state']));
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
}
