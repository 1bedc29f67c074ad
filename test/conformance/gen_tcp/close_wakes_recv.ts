// Closing a socket while another process waits in recv on it: the waiter
// gets {error, closed}; likewise for a recv waiting with a timeout.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, spawn, self, send, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  const Self = self();
  spawn(async () => send(Self, ['reader', await gen_tcp.recv(S, 0)]));
  await timer.sleep(20);
  match('ok', await gen_tcp.close(S));
  await receive(
    on(['reader', _], ([, R1]) => io.format('waiting reader: ~w~n', [R1])),
    after(1000, () => io.format('no answer~n')),
  );
  const C2 = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S2 = ok(await gen_tcp.accept(LS));
  spawn(async () => send(Self, ['reader', await gen_tcp.recv(S2, 5, 2000)]));
  await timer.sleep(20);
  match('ok', await gen_tcp.send(C2, Buffer.from('ab')));
  await timer.sleep(20);
  match('ok', await gen_tcp.close(S2));
  await receive(
    on(['reader', _], ([, R2]) => io.format('reader with a timeout: ~w~n', [R2])),
    after(1000, () => io.format('no answer~n')),
  );
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(C2));
  match('ok', await gen_tcp.close(LS));
}
