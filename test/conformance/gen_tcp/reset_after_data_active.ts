// Data followed by a reset, on an active socket with show_econnreset:
// the data comes first, then {tcp_error, S, econnreset}, then
// {tcp_closed, S}; a send afterwards fails.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', true], ['show_econnreset', true]]));
  const Port = ok(await inet.port(LS));
  const C = ok(
    await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['linger', [true, 0]]]),
  );
  const S = ok(await gen_tcp.accept(LS));
  io.format('~w~n', [await inet.getopts(S, ['show_econnreset'])]);
  match('ok', await gen_tcp.send(C, Buffer.from('before the reset')));
  await timer.sleep(20);
  match('ok', await gen_tcp.close(C));
  await timer.sleep(50);
  io.format('~w~n', [await drain()]);
  io.format('send: ~w~n', [await gen_tcp.send(S, Buffer.from('x'))]);
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
