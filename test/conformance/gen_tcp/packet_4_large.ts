// A {packet, 4} packet much larger than a TCP segment arrives as one
// message in active once mode, and as one recv in passive mode.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', 'once'], ['packet', 4]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 4]]));
  const S = ok(await gen_tcp.accept(LS));
  const Big = Buffer.from(Array.from({ length: 300000 }, (_x, I) => (I + 1) % 251));
  match('ok', await gen_tcp.send(C, Big));
  match('ok', await gen_tcp.send(C, Buffer.from('small')));
  await receive(
    on(['tcp', S, _], ([, , D]) =>
      io.format('active once: ~w bytes, same: ~w~n', [(D as Buffer).length, (D as Buffer).equals(Big)]),
    ),
    after(2000, () => io.format('no data~n')),
  );
  io.format('then: ~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.send(S, Big));
  const Back = ok(await gen_tcp.recv(C, 0, 2000)) as Buffer;
  io.format('passive: ~w bytes, same: ~w~n', [Back.length, Back.equals(Big)]);
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
