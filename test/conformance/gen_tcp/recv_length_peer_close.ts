// recv(S, Length) when the peer closes before Length bytes came: OTP 25
// gives {error, closed} and the partial data is lost; the next recv says
// enotconn.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from('abc')));
  match('ok', await gen_tcp.close(C));
  await timer.sleep(30);
  io.format('recv 10: ~p~n', [await gen_tcp.recv(S, 10, 1000)]);
  io.format('recv 0: ~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
