// Two processes calling recv on one passive socket at the same time: OTP 25
// answers the second at once with {error, ealready} (one recv at a time).
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, _, spawn, self, send, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false], ['packet', 2]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 2]]));
  const S = ok(await gen_tcp.accept(LS));
  const Self = self();
  for (const N of [1, 2]) {
    spawn(async () => send(Self, ['reader', N, await gen_tcp.recv(S, 0, 1000)]));
    await timer.sleep(20);
  }
  match('ok', await gen_tcp.send(C, Buffer.from('first')));
  match('ok', await gen_tcp.send(C, Buffer.from('second')));
  for (const N of [1, 2]) {
    await receive(on(['reader', N, _], ([, , R]) => io.format('reader ~w: ~p~n', [N, R])));
  }
  spawn(async () => send(Self, ['sender', await gen_tcp.send(S, Buffer.from('from another process'))]));
  await receive(on(['sender', _], ([, R2]) => io.format('send by another process: ~w~n', [R2])));
  io.format('~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
