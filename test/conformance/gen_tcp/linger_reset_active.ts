// A reset reaching an active socket: with show_econnreset true the owner
// gets {tcp_error, S, econnreset} then {tcp_closed, S}; with the default
// false only {tcp_closed, S}.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', true]]));
  const Port = ok(await inet.port(LS));
  const C1 = ok(
    await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['linger', [true, 0]]]),
  );
  const S1 = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.close(C1));
  await timer.sleep(50);
  io.format('default: ~w~n', [await drain()]);
  match('ok', await gen_tcp.close(S1));
  const C2 = ok(
    await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['linger', [true, 0]]]),
  );
  const S2 = ok(await gen_tcp.accept(LS));
  match('ok', await inet.setopts(S2, [['show_econnreset', true]]));
  match('ok', await gen_tcp.close(C2));
  await timer.sleep(50);
  io.format('show_econnreset: ~w~n', [await drain()]);
  match('ok', await gen_tcp.close(S2));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
