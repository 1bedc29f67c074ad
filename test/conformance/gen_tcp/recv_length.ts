// recv(S, Length) in raw mode returns exactly Length bytes, waiting for
// more if needed; recv(S, 0) returns all that is buffered.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, spawn, self, send, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from('abcdefgh')));
  io.format('~p~n', [await gen_tcp.recv(S, 3, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 2, 1000)]);
  const Self = self();
  spawn(async () => {
    await timer.sleep(30);
    match('ok', await gen_tcp.send(C, Buffer.from('ijk')));
    send(Self, 'sent');
  });
  io.format('~p~n', [await gen_tcp.recv(S, 5, 1000)]);
  await receive(on('sent', () => 'ok'));
  await timer.sleep(20);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.send(C, Buffer.from('lmn')));
  io.format('~p~n', [await gen_tcp.recv(S, 4, 100)]);
  io.format('~p~n', [await gen_tcp.recv(S, 3, 100)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
