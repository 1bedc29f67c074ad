// Bytes already buffered in a passive socket are framed by the packet type
// in force when they are read: raw bytes read as {packet, 1} packets, and
// the rest of a {packet, 2} stream read raw.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from([2, ...Buffer.from('ab'), 1, ...Buffer.from('c')])));
  await timer.sleep(30);
  match('ok', await inet.setopts(S, [['packet', 1]]));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await inet.setopts(S, [['packet', 2]]));
  match('ok', await gen_tcp.send(C, Buffer.from([0, 2, ...Buffer.from('de'), ...Buffer.from('rest of it')])));
  await timer.sleep(30);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await inet.setopts(S, [['packet', 'raw']]));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.send(C, Buffer.from('one\ntwo\n')));
  await timer.sleep(30);
  match(
    'ok',
    await inet.setopts(S, [
      ['packet', 'line'],
      ['active', true],
    ]),
  );
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
