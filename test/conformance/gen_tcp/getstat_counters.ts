// inet:getstat/1,2: the counter names, and the octet and packet counts
// after known traffic (one packet each way, with {packet, 2} headers
// counted in the octets).
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false], ['packet', 2]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 2]]));
  const S = ok(await gen_tcp.accept(LS));
  const All = ok(await inet.getstat(C));
  io.format('names: ~w~n', [list(...All.map(([K]) => K).sort())]);
  io.format('fresh: ~w~n', [await inet.getstat(C, ['recv_oct', 'recv_cnt', 'send_oct', 'send_cnt'])]);
  match('ok', await gen_tcp.send(C, Buffer.from('hello')));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.send(S, Buffer.from('a reply')));
  io.format('~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  io.format('client: ~w~n', [
    await inet.getstat(C, [
      'send_oct',
      'send_cnt',
      'send_max',
      'recv_oct',
      'recv_cnt',
      'recv_max',
      'send_pend',
    ]),
  ]);
  io.format('server: ~w~n', [
    await inet.getstat(S, ['recv_oct', 'recv_cnt', 'recv_max', 'send_oct', 'send_cnt', 'send_max']),
  ]);
  io.format('empty: ~w~n', [await inet.getstat(S, [])]);
  io.format('unknown: ~w~n', [await inet.getstat(S, ['recv_oct', 'bogus' as never])]);
  match('ok', await gen_tcp.close(C));
  io.format('closed: ~w~n', [await inet.getstat(C, ['recv_oct'])]);
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
