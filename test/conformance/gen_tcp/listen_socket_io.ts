// I/O on a listen socket, in every mode and form: OTP 25's inet_drv answers
// enotconn to send (binary or list data, passive or active socket, inet or
// inet6), to recv (any length and timeout) and to shutdown (read, write,
// read_write), also while an acceptor waits; accept still works after.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, list, self, send, spawn, receive, on, after, timer, is, is_port, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const L1 = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const L2 = ok(await gen_tcp.listen(0, ['list', ['active', true], ['packet', 2]]));
  const L3 = ok(
    await gen_tcp.listen(0, ['inet6', 'binary', ['active', 'once'], ['ip', [0, 0, 0, 0, 0, 0, 0, 1]]]),
  );
  for (const [N, L] of [
    ['binary_passive', L1],
    ['list_active', L2],
    ['inet6_once', L3],
  ] as const) {
    io.format('~w: send ~w ~w, recv ~w ~w ~w, shutdown ~w ~w ~w~n', [
      N,
      await gen_tcp.send(L, Buffer.from('x')),
      await gen_tcp.send(L, list(...Buffer.from('abc'))),
      await gen_tcp.recv(L, 0),
      await gen_tcp.recv(L, 5, 0),
      await gen_tcp.recv(L, 0, 50),
      await gen_tcp.shutdown(L, 'read'),
      await gen_tcp.shutdown(L, 'write'),
      await gen_tcp.shutdown(L, 'read_write'),
    ]);
  }
  const Self = self();
  const Acceptor = spawn(async () => send(Self, [self(), await gen_tcp.accept(L1, 1000)]));
  await timer.sleep(30);
  io.format('while accepting: ~w ~w~n', [
    await gen_tcp.send(L1, Buffer.from('x')),
    await gen_tcp.recv(L1, 0, 0),
  ]);
  const Port = ok(await inet.port(L1));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, []));
  await receive(
    on([Acceptor, ['ok', is(is_port)]], async ([, [, S]]) =>
      io.format('accepted: ~w~n', [await gen_tcp.close(S)]),
    ),
    after(1000, () => io.format('no accept~n')),
  );
  for (const X of [C, L1, L2, L3]) match('ok', await gen_tcp.close(X));
}
