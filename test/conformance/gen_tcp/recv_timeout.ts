// recv with a timeout gives {error, timeout} when nothing comes, leaves the
// socket usable, and a timeout of 0 polls.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 50)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 0)]);
  io.format('~p~n', [await gen_tcp.recv(S, 4, 30)]);
  match('ok', await gen_tcp.send(C, Buffer.from('late')));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.send(C, Buffer.from('now')));
  await timer.sleep(30);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 0)]);
  io.format('~p~n', [await gen_tcp.recv(C, 0, 20)]);
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
