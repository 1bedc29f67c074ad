// The peer closes a passive socket's connection: recv returns the data sent
// before the close, then {error, closed}, and keeps saying so.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['list', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['list', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, 'pending'));
  match('ok', await gen_tcp.close(C));
  await timer.sleep(30);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('send: ~p~n', [await gen_tcp.send(S, 'x')]);
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
