// What a listen socket answers to the calls of a connected one: send and
// recv say enotconn, peername enotconn, shutdown enotconn; sockname and
// port work, and the address is the one asked for with {ip, IP}.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false], ['ip', [127, 0, 0, 1]]]));
  const Port = ok(await inet.port(LS));
  const [Addr, Port2] = ok(await inet.sockname(LS));
  io.format('sockname: ~w, same port: ~w~n', [Addr, Port2 === Port]);
  io.format('peername: ~w~n', [await inet.peername(LS)]);
  io.format('send: ~w~n', [await gen_tcp.send(LS, Buffer.from('x'))]);
  io.format('recv: ~w~n', [await gen_tcp.recv(LS, 0, 100)]);
  io.format('shutdown: ~w~n', [await gen_tcp.shutdown(LS, 'write')]);
  io.format('nonzero port: ~w~n', [Port > 0]);
  const LS2 = ok(await gen_tcp.listen(0, []));
  const [Any] = ok(await inet.sockname(LS2));
  io.format('no ip: ~w~n', [Any]);
  match('ok', await gen_tcp.close(LS2));
  match('ok', await gen_tcp.close(LS));
}
