// list and binary mode: the last of list/binary/{mode, M} in an option list
// wins, setopts switches an open socket, and accept inherits the listen
// socket's mode.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', 'list', ['active', false]]));
  io.format('listen: ~w~n', [await inet.getopts(LS, ['mode'])]);
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['list', ['mode', 'binary'], ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  io.format('accepted: ~w, connected: ~w~n', [
    await inet.getopts(S, ['mode']),
    await inet.getopts(C, ['mode']),
  ]);
  match('ok', await gen_tcp.send(C, 'one'));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await inet.setopts(S, ['binary']));
  match('ok', await gen_tcp.send(C, 'two'));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await inet.setopts(S, [['mode', 'list']]));
  match('ok', await gen_tcp.send(C, 'three'));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await inet.setopts(S, [['active', 'once'], 'binary']));
  match('ok', await gen_tcp.send(C, 'four'));
  await receive(
    on(['tcp', S, _], ([, , D]) => io.format('~p~n', [D])),
    after(1000, () => io.format('no data~n')),
  );
  io.format('bad mode: ~w~n', [await inet.setopts(S, [['mode', 'text'] as never])]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
