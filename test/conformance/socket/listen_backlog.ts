// listen/2's backlog is the kernel's: a burst of 20 connects to a socket
// listening with a backlog of 32 is accepted at once, with no SYN
// retransmits (a kernel queue of 5 would hold most of them back a second).
import * as socket from 'erlts/socket';
import { io, list, spawn, self, send, receive, on, after, _, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS, 32));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  const Self = self();
  const T0 = Date.now();
  for (let I = 1; I <= 20; I++) {
    spawn(async () => {
      const C = ok(await socket.open('inet', 'stream', 'tcp'));
      const R = await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port });
      send(Self, ['connected', R]);
      await receive(on('stop', () => socket.close(C)));
    });
  }
  const Ss: socket.Socket[] = [];
  for (let I = 1; I <= 20; I++) Ss.push(ok(await socket.accept(LS, 2000)));
  const Rs = new Set<unknown>();
  for (let I = 1; I <= 20; I++) {
    Rs.add(
      await receive(
        on(['connected', _], ([, R]) => R),
        after(2000, () => 'timeout'),
      ),
    );
  }
  const Elapsed = Date.now() - T0;
  io.format('accepted: ~w~n', [Ss.length]);
  io.format('connects: ~w~n', [list(...[...Rs].sort())]);
  io.format('within 500 ms: ~w~n', [Elapsed < 500]);
  for (const S of Ss) match('ok', await socket.close(S));
  match('ok', await socket.close(LS));
}
