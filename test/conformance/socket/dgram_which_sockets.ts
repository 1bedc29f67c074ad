// which_sockets filters on dgram sockets: listed under inet, dgram and
// udp, not under stream, tcp or inet6, and gone after close.
import * as socket from 'erlts/socket';
import { io, list, self, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const A = ok(await socket.open('inet', 'dgram', 'udp'));
  const B = ok(await socket.open('inet', 'dgram'));
  const T = ok(await socket.open('inet', 'stream', 'tcp'));
  const Mine = [A, B, T];
  for (const F of ['dgram', 'udp', 'stream', 'tcp', 'inet', 'inet6'] as const) {
    const L = socket.which_sockets(F);
    io.format('~w: ~w~n', [F, list(...Mine.map((X) => L.includes(X)))]);
  }
  const Owned = socket.which_sockets(self());
  io.format('owner: ~w~n', [list(...Mine.map((X) => Owned.includes(X)))]);
  match('ok', await socket.close(A));
  io.format('after close: ~w ~w~n', [
    socket.which_sockets('dgram').includes(A),
    socket.which_sockets('udp').includes(A),
  ]);
  for (const X of [B, T]) match('ok', await socket.close(X));
}
