// send on a {packet, 1|2|4} socket prepends the length header, big-endian;
// a raw peer sees the header bytes. setopts switches the packet type of an
// open socket.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 1]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from('abc')));
  io.format('1: ~w~n', [await gen_tcp.recv(S, 4, 1000)]);
  match('ok', await inet.setopts(C, [['packet', 2]]));
  match('ok', await gen_tcp.send(C, 'abc'));
  io.format('2: ~w~n', [await gen_tcp.recv(S, 5, 1000)]);
  match('ok', await inet.setopts(C, [['packet', 4]]));
  match('ok', await gen_tcp.send(C, list(Buffer.from('ab'), 0x63)));
  io.format('4: ~w~n', [await gen_tcp.recv(S, 7, 1000)]);
  match('ok', await gen_tcp.send(C, Buffer.alloc(0)));
  io.format('4, empty: ~w~n', [await gen_tcp.recv(S, 4, 1000)]);
  match('ok', await inet.setopts(C, [['packet', 2]]));
  match('ok', await gen_tcp.send(C, Buffer.alloc(300, 'x')));
  io.format('2, 300 bytes: ~w~n', [await gen_tcp.recv(S, 2, 1000)]);
  io.format('body: ~w~n', [(ok(await gen_tcp.recv(S, 300, 1000)) as Buffer).length]);
  match('ok', await inet.setopts(C, [['packet', 'raw']]));
  io.format('~w~n', [await inet.getopts(C, ['packet'])]);
  match('ok', await gen_tcp.send(C, Buffer.from('abc')));
  io.format('raw: ~w~n', [await gen_tcp.recv(S, 3, 1000)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
