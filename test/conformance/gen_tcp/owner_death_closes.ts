// A socket is linked to its owner: when the owner dies, normally or not,
// the socket closes and the peer sees {tcp_closed, C}.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import {
  io,
  receive,
  on,
  after,
  _,
  list,
  spawn,
  self,
  send,
  exit,
  timer,
  ok,
  match,
  type List,
  type Port,
} from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const Self = self();
  const Owner1 = spawn(async () => {
    send(Self, ['accepted', await gen_tcp.accept(LS)]);
    await receive(on('stop', () => 'ok'));
  });
  const C1 = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', true]]));
  const S1 = await receive(on(['accepted', ['ok', _]], ([, [, A1]]) => A1 as Port));
  send(Owner1, 'stop');
  await timer.sleep(50);
  io.format('normal exit: ~w~n', [await drain()]);
  io.format('~w~n', [await gen_tcp.send(S1, Buffer.from('x'))]);
  const Owner2 = spawn(async () => {
    send(Self, ['accepted', await gen_tcp.accept(LS)]);
    await receive(on('stop', () => 'ok'));
  });
  const C2 = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', true]]));
  const S2 = await receive(on(['accepted', ['ok', _]], ([, [, A2]]) => A2 as Port));
  exit(Owner2, 'kill');
  await timer.sleep(50);
  io.format('killed: ~w~n', [await drain()]);
  io.format('~w~n', [await inet.getopts(S2, ['active'])]);
  match('ok', await gen_tcp.close(C1));
  match('ok', await gen_tcp.close(C2));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
