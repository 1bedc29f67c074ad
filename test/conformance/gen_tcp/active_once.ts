// {active, once}: one message, then the socket is passive (getopts says
// false) until the next setopts; what arrives meanwhile waits in the socket.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['packet', 2], ['active', 'once']]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['packet', 2], ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  io.format('~w~n', [await inet.getopts(S, ['active'])]);
  match('ok', await gen_tcp.send(C, Buffer.from('one')));
  match('ok', await gen_tcp.send(C, Buffer.from('two')));
  await receive(
    on(['tcp', S, _], ([, , D1]) => io.format('first: ~p~n', [D1])),
    after(1000, () => io.format('no data~n')),
  );
  io.format('~w~n', [await inet.getopts(S, ['active'])]);
  await receive(
    on(['tcp', S, _], ([, , D2]) => io.format('unexpected: ~p~n', [D2])),
    after(50, () => io.format('nothing while passive~n')),
  );
  match('ok', await inet.setopts(S, [['active', 'once']]));
  await receive(
    on(['tcp', S, _], ([, , D3]) => io.format('second: ~p~n', [D3])),
    after(1000, () => io.format('no data~n')),
  );
  io.format('~w~n', [await inet.getopts(S, ['active'])]);
  io.format('mailbox: ~w~n', [await drain()]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
