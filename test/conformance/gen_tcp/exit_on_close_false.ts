// {exit_on_close, false}: after the peer's FIN, recv says closed but the
// socket stays open for sending, so a reply still reaches a peer that only
// shut down its write side.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false], ['exit_on_close', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  io.format('~w~n', [await inet.getopts(S, ['exit_on_close'])]);
  match('ok', await gen_tcp.send(C, Buffer.from('request')));
  match('ok', await gen_tcp.shutdown(C, 'write'));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('reply: ~p~n', [await gen_tcp.send(S, Buffer.from('reply'))]);
  match('ok', await gen_tcp.close(S));
  io.format('~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(LS));
}
