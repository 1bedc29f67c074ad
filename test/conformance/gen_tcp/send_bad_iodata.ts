// send with something that is not iodata (a byte out of range, a float, a
// pid in a list) gives {error, einval}, and the socket stays usable.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, list, self, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  for (const Bad of [list(256), list(-1), 1.5, list(self()), list(Buffer.from('ok'), list(300))]) {
    io.format('~w~n', [await gen_tcp.send(C, Bad)]);
  }
  match('ok', await gen_tcp.send(C, Buffer.from('fine')));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
