// connect to a port nobody listens on is {error, econnrefused}; listen on
// a port in use is {error, eaddrinuse}; connect with a timeout to a live
// listener works, and "localhost" resolves to the loopback.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS0 = ok(await gen_tcp.listen(0, [['ip', [127, 0, 0, 1]]]));
  const Free = ok(await inet.port(LS0));
  match('ok', await gen_tcp.close(LS0));
  io.format('refused: ~w~n', [await gen_tcp.connect([127, 0, 0, 1], Free, [])]);
  io.format('refused with timeout: ~w~n', [await gen_tcp.connect([127, 0, 0, 1], Free, [], 1000)]);
  const LS = ok(
    await gen_tcp.listen(0, [
      ['ip', [127, 0, 0, 1]],
      ['active', false],
    ]),
  );
  const Port = ok(await inet.port(LS));
  io.format('in use: ~w~n', [await gen_tcp.listen(Port, [['ip', [127, 0, 0, 1]]])]);
  const C = ok(await gen_tcp.connect(list(...Buffer.from('localhost')), Port, [['active', false]], 1000));
  const S = ok(await gen_tcp.accept(LS));
  const [PeerAddr] = ok(await inet.peername(C));
  io.format('localhost peer: ~w~n', [PeerAddr]);
  const C2 = ok(await gen_tcp.connect('localhost', Port, [['active', false]]));
  const S2 = ok(await gen_tcp.accept(LS));
  const [PeerAddr2] = ok(await inet.peername(C2));
  io.format('localhost atom peer: ~w~n', [PeerAddr2]);
  for (const X of [C, S, C2, S2, LS]) match('ok', await gen_tcp.close(X));
}
