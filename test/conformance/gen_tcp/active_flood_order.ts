// Many small packets to an active socket arrive complete and in order;
// the sender is not slowed down by the receiver's mailbox.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, ok, match, type List, type Port } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', true], ['packet', 2]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 2]]));
  const S = ok(await gen_tcp.accept(LS));
  const N = 2000;
  for (let I = 1; I <= N; I++) {
    const B = Buffer.alloc(4);
    B.writeUInt32BE(I);
    match('ok', await gen_tcp.send(C, B));
  }
  const Got = await collect(S, N, []);
  io.format('received ~w, in order: ~w~n', [Got.length, Got.every((I, K) => I === K + 1)]);
  io.format('mailbox: ~w~n', [await drain()]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}

async function collect(S: Port, K: number, Acc: number[]): Promise<number[]> {
  while (K > 0) {
    const I = await receive(
      on(['tcp', S, _], ([, , B]) => (B as Buffer).readUInt32BE(0)),
      after(2000, () => null),
    );
    if (I === null) break;
    Acc.push(I);
    K--;
  }
  return Acc;
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
