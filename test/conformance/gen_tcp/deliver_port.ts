// {deliver, port} makes an active socket deliver port-style messages,
// {S, {data, Data}}, instead of {tcp, S, Data}; {deliver, term} restores
// the usual form.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', true]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await inet.setopts(S, [['deliver', 'port']]));
  io.format('~w~n', [await inet.getopts(S, ['deliver'])]);
  match('ok', await gen_tcp.send(C, Buffer.from('as port')));
  await timer.sleep(30);
  io.format('~w~n', [await drain()]);
  match('ok', await inet.setopts(S, [['deliver', 'term']]));
  match('ok', await gen_tcp.send(C, Buffer.from('as term')));
  await timer.sleep(30);
  io.format('~w~n', [await drain()]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
