// The peer closes while the socket is active: the data it sent first
// arrives, then {tcp_closed, S}; afterwards send and recv say closed.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', true]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from('last words')));
  match('ok', await gen_tcp.close(C));
  await timer.sleep(50);
  io.format('~w~n', [await drain()]);
  io.format('send: ~w~n', [await gen_tcp.send(S, Buffer.from('x'))]);
  io.format('recv: ~w~n', [await gen_tcp.recv(S, 0, 100)]);
  io.format('close: ~w~n', [await gen_tcp.close(S)]);
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
