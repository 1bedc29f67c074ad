// shutdown(C, write) on an active socket: C can no longer send; the peer
// reads to the end, and with the default exit_on_close its socket closes
// there (its reply fails with closed), so C gets {tcp_closed, C}.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', true]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from('ping')));
  io.format('shutdown: ~w~n', [await gen_tcp.shutdown(C, 'write')]);
  io.format('send after shutdown: ~w~n', [await gen_tcp.send(C, Buffer.from('more'))]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.send(S, Buffer.from('pong'))]);
  await timer.sleep(30);
  io.format('~w~n', [await drain()]);
  match('ok', await gen_tcp.close(S));
  await timer.sleep(30);
  io.format('~w~n', [await drain()]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
