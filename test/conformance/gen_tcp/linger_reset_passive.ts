// {linger, {true, 0}} makes close send a reset. A passive reader with the
// default show_econnreset false sees {error, closed}; with
// show_econnreset true it sees {error, econnreset}, then closed.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C1 = ok(
    await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['linger', [true, 0]]]),
  );
  const S1 = ok(await gen_tcp.accept(LS));
  io.format('~w~n', [await inet.getopts(C1, ['linger'])]);
  io.format('~w~n', [await inet.getopts(S1, ['show_econnreset'])]);
  match('ok', await gen_tcp.close(C1));
  await timer.sleep(30);
  io.format('default: ~p~n', [await gen_tcp.recv(S1, 0, 1000)]);
  io.format('default: ~p~n', [await gen_tcp.recv(S1, 0, 1000)]);
  match('ok', await gen_tcp.close(S1));
  const C2 = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S2 = ok(await gen_tcp.accept(LS));
  match('ok', await inet.setopts(S2, [['show_econnreset', true]]));
  match('ok', await inet.setopts(C2, [['linger', [true, 0]]]));
  match('ok', await gen_tcp.close(C2));
  await timer.sleep(30);
  io.format('show_econnreset: ~p~n', [await gen_tcp.recv(S2, 0, 1000)]);
  io.format('show_econnreset: ~p~n', [await gen_tcp.recv(S2, 0, 1000)]);
  match('ok', await gen_tcp.close(S2));
  match('ok', await gen_tcp.close(LS));
}
