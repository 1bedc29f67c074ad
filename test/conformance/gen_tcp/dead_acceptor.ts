// A process killed while waiting in accept takes nothing with it: the next
// acceptor gets the connection.
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
  const A1 = spawn(async () => send(Self, ['a1', await gen_tcp.accept(LS)]));
  await timer.sleep(20);
  spawn(async () => {
    const Res = await gen_tcp.accept(LS);
    if (Res[0] === 'ok') match('ok', await gen_tcp.controlling_process(Res[1], Self));
    send(Self, ['a2', Res]);
  });
  await timer.sleep(20);
  exit(A1, 'kill');
  await timer.sleep(20);
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = (await receive(
    on(['a1', _], ([, R1]) => {
      io.format('killed acceptor answered: ~w~n', [R1]);
      return 'none';
    }),
    on(['a2', ['ok', _]], ([, [, S2]]) => {
      io.format('second acceptor got it~n');
      return S2;
    }),
    after(1000, () => {
      io.format('nobody accepted~n');
      return 'none';
    }),
  )) as Port;
  match('ok', await gen_tcp.send(C, Buffer.from('data')));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('mailbox: ~w~n', [await drain()]);
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
