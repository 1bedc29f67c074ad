// Options of a datagram socket set before it is bound: the kernel's socket
// exists from open/3, so setopt answers ok and getopt reads them back,
// before and after bind.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await socket.open('inet', 'dgram', 'udp'));
  io.format('rcvbuf: ~w ~w~n', [
    await socket.setopt(S, ['socket', 'rcvbuf'], 100000),
    await socket.getopt(S, ['socket', 'rcvbuf']),
  ]);
  io.format('sndbuf: ~w ~w~n', [
    await socket.setopt(S, ['socket', 'sndbuf'], 50000),
    await socket.getopt(S, ['socket', 'sndbuf']),
  ]);
  io.format('broadcast: ~w ~w~n', [
    await socket.setopt(S, ['socket', 'broadcast'], true),
    await socket.getopt(S, ['socket', 'broadcast']),
  ]);
  io.format('ttl: ~w ~w~n', [
    await socket.setopt(S, ['ip', 'ttl'], 7),
    await socket.getopt(S, ['ip', 'ttl']),
  ]);
  match('ok', await socket.bind(S, { family: 'inet', addr: 'loopback', port: 0 }));
  io.format('after bind: ~w ~w ~w ~w~n', [
    await socket.getopt(S, ['socket', 'rcvbuf']),
    await socket.getopt(S, ['socket', 'sndbuf']),
    await socket.getopt(S, ['socket', 'broadcast']),
    await socket.getopt(S, ['ip', 'ttl']),
  ]);
  io.format('rcvbuf again: ~w ~w~n', [
    await socket.setopt(S, ['socket', 'rcvbuf'], 60000),
    await socket.getopt(S, ['socket', 'rcvbuf']),
  ]);
  match('ok', await socket.close(S));
}
