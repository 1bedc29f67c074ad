// Switching between active and passive while data flows: data that
// arrived while passive waits for recv or for the next active mode; a
// switch to active delivers what is buffered at once.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['list', ['active', true], ['packet', 2]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['list', ['active', false], ['packet', 2]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, 'a'));
  await timer.sleep(30);
  match('ok', await inet.setopts(S, [['active', false]]));
  match('ok', await gen_tcp.send(C, 'b'));
  match('ok', await gen_tcp.send(C, 'c'));
  match('ok', await gen_tcp.send(C, 'd'));
  await timer.sleep(30);
  io.format('mailbox: ~w~n', [await drain()]);
  io.format('recv: ~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await inet.setopts(S, [['active', true]]));
  await timer.sleep(30);
  io.format('mailbox: ~w~n', [await drain()]);
  match('ok', await inet.setopts(S, [['active', false]]));
  match('ok', await gen_tcp.send(C, 'e'));
  await timer.sleep(30);
  match('ok', await inet.setopts(S, [['active', 1]]));
  await timer.sleep(30);
  io.format('mailbox: ~w~n', [await drain()]);
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
