// gen_tcp:close/1 removes a {tcp_closed, S} already in the caller's
// mailbox (inet:tcp_close/1 does a receive ... after 0), but leaves the
// data messages and everything else.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import {
  io,
  receive,
  on,
  after,
  _,
  list,
  self,
  send,
  process_info,
  timer,
  ok,
  match,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', true]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from('data')));
  await timer.sleep(30);
  send(self(), 'marker');
  match('ok', await gen_tcp.close(C));
  await timer.sleep(50);
  io.format('before close: ~w~n', [(process_info(self(), 'messages') as unknown[])[1]]);
  match('ok', await gen_tcp.close(S));
  io.format('after close: ~w~n', [await drain()]);
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
