// A {packet, 2} receiver reassembles packets from however the bytes arrive:
// a header split from its body, two packets in one segment, a zero-length
// packet.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false], ['packet', 2]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from([0])));
  await timer.sleep(20);
  match('ok', await gen_tcp.send(C, Buffer.from([3, ...Buffer.from('ab')])));
  await timer.sleep(20);
  match(
    'ok',
    await gen_tcp.send(C, Buffer.from([...Buffer.from('c'), 0, 1, ...Buffer.from('d'), 0, 0, 0, 2])),
  );
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 50)]);
  match('ok', await gen_tcp.send(C, Buffer.from('ef')));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await inet.setopts(S, [['active', true]]));
  match('ok', await gen_tcp.send(C, Buffer.from([0, 1, ...Buffer.from('x'), 0, 2, ...Buffer.from('yz')])));
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
