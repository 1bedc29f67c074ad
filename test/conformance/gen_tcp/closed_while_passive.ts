// Data and the peer's close reach a passive socket; nothing is delivered
// until {active, once}: first the data, then, on the next once,
// {tcp_closed, S}.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from('data')));
  match('ok', await gen_tcp.close(C));
  await timer.sleep(30);
  io.format('before: ~w~n', [await drain()]);
  match('ok', await inet.setopts(S, [['active', 'once']]));
  await timer.sleep(30);
  io.format('once: ~w~n', [await drain()]);
  io.format('setopts: ~w~n', [await inet.setopts(S, [['active', 'once']])]);
  await timer.sleep(30);
  io.format('once again: ~w~n', [await drain()]);
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
