// A passive socket in list mode: recv(S, 0) returns what is there as a
// string, whatever iodata the peer sent (a binary, a string, a deep list).
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['list', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from('abc')));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.send(C, 'def'));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.send(C, list(0x67, list(Buffer.from('hi'), 'j'), Buffer.alloc(0), list(list()))));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.send(C, Buffer.from([0, 1, 255, 200])));
  io.format('~w~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.send(S, 'back'));
  io.format('~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  io.format('~w~n', [await inet.getopts(S, ['mode', 'active'])]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
