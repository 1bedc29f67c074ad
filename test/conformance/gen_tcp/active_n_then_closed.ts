// Messages keep their order around the {active, N} boundary: with
// {active, 1}, a peer that sends two packets and closes gives one tcp
// message and tcp_passive; the next {active, N} gives the second packet
// and then tcp_closed.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', 1], ['packet', 2]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 2]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from('one')));
  match('ok', await gen_tcp.send(C, Buffer.from('two')));
  match('ok', await gen_tcp.close(C));
  await timer.sleep(50);
  io.format('~w~n', [await drain()]);
  match('ok', await inet.setopts(S, [['active', 5]]));
  await timer.sleep(50);
  io.format('~w~n', [await drain()]);
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
