// An active socket delivers {tcp, S, Data} to its owner, and {tcp_closed, S}
// once the peer closes; nothing else is left in the mailbox.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', true]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  io.format('active: ~w~n', [await inet.getopts(S, ['active'])]);
  match('ok', await gen_tcp.send(C, Buffer.from('hello')));
  await receive(
    on(['tcp', S, _], ([, , D]) => io.format('tcp: ~p~n', [D])),
    after(1000, () => io.format('no data~n')),
  );
  match('ok', await gen_tcp.close(C));
  await receive(
    on(['tcp_closed', S], (M) => io.format('~w~n', [M])),
    after(1000, () => io.format('no tcp_closed~n')),
  );
  io.format('mailbox: ~w~n', [await drain()]);
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
