// A socket monitor when the socket's owner dies: the socket closes with the
// owner's exit reason, and a monitor set by another process reports it
// (OTP 25 tags that DOWN process, not port); a peer close on an active
// socket closes it at once, with normal.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, spawn, self, send, exit, is, is_port, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const Self = self();
  const Owner = spawn(async () => {
    send(Self, ['accepted', await gen_tcp.accept(LS)]);
    await receive(on(['die', _], ([, Reason]) => exit(Reason)));
  });
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', true]]));
  const S = await receive(on(['accepted', ['ok', is(is_port)]], ([, [, A]]) => A));
  const M = inet.monitor(S);
  send(Owner, ['die', ['shutdown', 'boom']]);
  await receive(
    on(['DOWN', M, _, S, _], ([, , Type, , R]) => io.format('owner died: ~w ~w~n', [Type, R])),
    after(1000, () => io.format('no DOWN~n')),
  );
  await receive(
    on(['tcp_closed', C], () => io.format('peer: tcp_closed~n')),
    after(1000, () => io.format('no tcp_closed~n')),
  );
  const C2 = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', true]]));
  const S2 = ok(await gen_tcp.accept(LS));
  const M2 = inet.monitor(C2);
  match('ok', await gen_tcp.close(S2));
  await receive(
    on(['tcp_closed', C2], () => io.format('tcp_closed~n')),
    after(1000, () => io.format('no tcp_closed~n')),
  );
  await receive(
    on(['DOWN', M2, 'port', C2, _], ([, , , , R2]) => io.format('after peer close: ~w~n', [R2])),
    after(100, () => io.format('no DOWN after peer close~n')),
  );
  match('ok', await gen_tcp.close(C2));
  await receive(
    on(['DOWN', M2, 'port', C2, _], ([, , , , R3]) => io.format('after close: ~w~n', [R3])),
    after(100, () => io.format('no DOWN after close~n')),
  );
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(LS));
}
