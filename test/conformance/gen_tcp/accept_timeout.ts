// accept with a timeout: {error, timeout} when nobody connects, and the
// listen socket still accepts afterwards; a timeout of 0 polls.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, is_port, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  io.format('~w~n', [await gen_tcp.accept(LS, 50)]);
  io.format('~w~n', [await gen_tcp.accept(LS, 0)]);
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS, 1000));
  io.format('accepted: ~w~n', [is_port(S)]);
  const C2 = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  await timer.sleep(30);
  const S2 = ok(await gen_tcp.accept(LS, 0));
  io.format('accepted with 0: ~w~n', [is_port(S2)]);
  io.format('mailbox: ~w~n', [await drain()]);
  for (const X of [C, S, C2, S2, LS]) match('ok', await gen_tcp.close(X));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
