// setopts on a listen socket after listen changes what later accepted
// sockets inherit; a setopts on an accepted socket does not touch the
// listen socket.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['list', ['active', false]]));
  const Port = ok(await inet.port(LS));
  match('ok', await inet.setopts(LS, ['binary', ['packet', 2], ['active', 'once'], ['nodelay', true]]));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 2]]));
  const S = ok(await gen_tcp.accept(LS));
  io.format('accepted: ~w~n', [await inet.getopts(S, ['mode', 'packet', 'active', 'nodelay'])]);
  match('ok', await inet.setopts(S, ['list', ['packet', 0]]));
  io.format('listen: ~w~n', [await inet.getopts(LS, ['mode', 'packet', 'active', 'nodelay'])]);
  match('ok', await gen_tcp.send(C, Buffer.from('hi')));
  await receive(
    on(['tcp', S, _], ([, , D]) => io.format('~p~n', [D])),
    after(1000, () => io.format('no data~n')),
  );
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
