// Any process may recv on and send to a passive socket, not only its owner.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, _, spawn, self, send, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false], ['packet', 2]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 2]]));
  const S = ok(await gen_tcp.accept(LS));
  const Self = self();
  spawn(async () => send(Self, ['reader', await gen_tcp.recv(S, 0, 1000)]));
  await timer.sleep(20);
  match('ok', await gen_tcp.send(C, Buffer.from('first')));
  await receive(on(['reader', _], ([, R]) => io.format('reader: ~p~n', [R])));
  spawn(async () => send(Self, ['sender', await gen_tcp.send(S, Buffer.from('from another process'))]));
  await receive(on(['sender', _], ([, R2]) => io.format('send by another process: ~w~n', [R2])));
  io.format('~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  spawn(async () => send(Self, ['timed_out', await gen_tcp.recv(S, 0, 30)]));
  await receive(on(['timed_out', _], ([, R3]) => io.format('reader with a timeout: ~p~n', [R3])));
  match('ok', await gen_tcp.send(C, Buffer.from('second')));
  io.format('owner: ~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
