// shutdown(S, read_write): the peer sees the connection closed, the
// socket stays open (its buffered input can still be read) but cannot
// send; shutdown(S, read) alone lets both directions carry on, as Linux
// does.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, timer, ok, match } from 'erlts';
import { catch_ } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from('buffered')));
  await timer.sleep(20);
  io.format('shutdown read_write: ~w~n', [await gen_tcp.shutdown(S, 'read_write')]);
  io.format('peer: ~w~n', [await gen_tcp.recv(C, 0, 1000)]);
  io.format('recv: ~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('send: ~w~n', [await gen_tcp.send(S, Buffer.from('q'))]);
  io.format('bad how: ~w~n', [((await catch_(() => gen_tcp.shutdown(S, 'both' as 'read'))) as unknown[])[0]]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  const C2 = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S2 = ok(await gen_tcp.accept(LS));
  io.format('shutdown read: ~w~n', [await gen_tcp.shutdown(S2, 'read')]);
  match('ok', await gen_tcp.send(S2, Buffer.from('out')));
  io.format('peer: ~p~n', [await gen_tcp.recv(C2, 0, 1000)]);
  match('ok', await gen_tcp.close(C2));
  match('ok', await gen_tcp.close(S2));
  match('ok', await gen_tcp.close(LS));
}
