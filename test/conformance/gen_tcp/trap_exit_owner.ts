// An owner that traps exits: a peer close on its active socket gives only
// {tcp_closed, S}, and closing its own sockets leaves no 'EXIT' message
// behind.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, process_flag, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  process_flag('trap_exit', true);
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', true]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', true]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.close(C));
  await timer.sleep(50);
  io.format('peer closed: ~w~n', [await drain()]);
  match('ok', await gen_tcp.close(S));
  await timer.sleep(20);
  io.format('own close: ~w~n', [await drain()]);
  const C2 = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S2 = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.close(S2));
  await timer.sleep(50);
  io.format('passive, peer closed: ~w~n', [await drain()]);
  io.format('~w~n', [await gen_tcp.recv(C2, 0, 100)]);
  match('ok', await gen_tcp.close(C2));
  match('ok', await gen_tcp.close(LS));
  await timer.sleep(20);
  io.format('all closed: ~w~n', [await drain()]);
  process_flag('trap_exit', false);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
