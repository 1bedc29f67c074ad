// A process blocked in recv on a passive socket gets {error, closed} when the
// owner closes the socket, whether it waits forever or with a timeout.
// From gen_udp_SUITE:recv_close.
import * as gen_udp from 'erlts/gen_udp';
import { io, receive, on, after, _, spawn, spawn_monitor, self, send, exit, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const Sock = ok(await gen_udp.open(0, [['active', false]]));
  const [Pid, MRef] = spawn_monitor(async () => exit(await gen_udp.recv(Sock, 0)));
  await receive(
    on(['DOWN', MRef, 'process', Pid, _], ([, , , , PreReason]) =>
      io.format('reader died early: ~w~n', [PreReason]),
    ),
    after(50, () => 'ok'),
  );
  match('ok', await gen_udp.close(Sock));
  await receive(
    on(['DOWN', MRef, 'process', Pid, _], ([, , , , Reason]) => io.format('reader: ~w~n', [Reason])),
    after(1000, () => io.format('reader still waits~n')),
  );
  const Sock2 = ok(await gen_udp.open(0, [['active', false]]));
  const Self = self();
  spawn(async () => send(Self, ['reader', await gen_udp.recv(Sock2, 0, 5000)]));
  await timer.sleep(30);
  match('ok', await gen_udp.close(Sock2));
  await receive(
    on(['reader', _], ([, R2]) => io.format('reader with a timeout: ~w~n', [R2])),
    after(1000, () => io.format('reader still waits~n')),
  );
  io.format('recv after close: ~w~n', [await gen_udp.recv(Sock2, 0, 10)]);
}
