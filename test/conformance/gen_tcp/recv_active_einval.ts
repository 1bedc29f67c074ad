// recv on a socket in an active mode is {error, einval}, whether the mode is
// true, once or N; the data still arrives as a message.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', true]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  io.format('true: ~p~n', [await gen_tcp.recv(S, 0)]);
  match('ok', await inet.setopts(S, [['active', 'once']]));
  io.format('once: ~p~n', [await gen_tcp.recv(S, 0, 100)]);
  match('ok', await inet.setopts(S, [['active', 2]]));
  io.format('2: ~p~n', [await gen_tcp.recv(S, 5)]);
  match('ok', await gen_tcp.send(C, Buffer.from('data')));
  await receive(
    on(['tcp', S, _], ([, , D]) => io.format('message: ~p~n', [D])),
    after(1000, () => io.format('no data~n')),
  );
  match('ok', await inet.setopts(S, [['active', false]]));
  match('ok', await gen_tcp.send(C, Buffer.from('more')));
  io.format('false: ~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
