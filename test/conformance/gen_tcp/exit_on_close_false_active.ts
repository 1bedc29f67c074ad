// {exit_on_close, false} on an active socket: the peer's FIN gives
// {tcp_closed, S}, but the socket stays open: its options can still be
// read and a reply still reaches the half-closed peer.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', true], ['exit_on_close', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from('question')));
  match('ok', await gen_tcp.shutdown(C, 'write'));
  await timer.sleep(50);
  io.format('~w~n', [await drain()]);
  io.format('getopts: ~w~n', [await inet.getopts(S, ['active', 'exit_on_close'])]);
  io.format('send: ~w~n', [await gen_tcp.send(S, Buffer.from('answer'))]);
  io.format('peer: ~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  match('ok', await gen_tcp.close(S));
  io.format('peer: ~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
