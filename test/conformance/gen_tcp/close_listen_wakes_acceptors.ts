// Closing the listen socket (from a process that is not waiting) fails
// every pending accept with {error, closed}; later accepts say closed too.
// From gen_tcp_misc_SUITE:accept_closed_by_other_process.
import * as gen_tcp from 'erlts/gen_tcp';
import { io, receive, on, _, spawn, self, send, timer, ok } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Self = self();
  for (const N of [1, 2]) spawn(async () => send(Self, ['acceptor', N, await gen_tcp.accept(LS)]));
  await timer.sleep(30);
  const Closer = spawn(async () => send(Self, ['closer', await gen_tcp.close(LS)]));
  await receive(on(['closer', _], ([, R]) => io.format('close from ~w: ~w~n', [Closer, R])));
  for (const N of [1, 2]) {
    await receive(on(['acceptor', N, _], ([, , Res]) => io.format('acceptor ~w: ~w~n', [N, Res])));
  }
  io.format('accept: ~w~n', [await gen_tcp.accept(LS, 100)]);
  io.format('close again: ~w~n', [await gen_tcp.close(LS)]);
}
