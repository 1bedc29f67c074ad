// A large send followed at once by close: close waits for the pending
// output, so the reader gets every byte before {error, closed}. From
// gen_tcp_misc_SUITE:data_before_close and otp_3924.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, _, spawn, self, send, ok, match, type Port } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const Self = self();
  const Bytes = 512 * 1024;
  const Data = Buffer.from(Array.from({ length: Bytes }, (_x, I) => (I + 1) % 256));
  spawn(async () => {
    const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary']));
    match('ok', await gen_tcp.send(C, Data));
    send(Self, ['closed', await gen_tcp.close(C)]);
  });
  const S = ok(await gen_tcp.accept(LS));
  const [Total, Chunks, End] = await count_bytes(S, Buffer.alloc(0), 0);
  io.format('received ~w bytes, same as sent: ~w, then ~w~n', [Total.length, Total.equals(Data), End]);
  io.format('more than one chunk: ~w~n', [Chunks > 1]);
  await receive(on(['closed', _], ([, R]) => io.format('sender close: ~w~n', [R])));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}

async function count_bytes(S: Port, Acc: Buffer, N: number): Promise<[Buffer, number, unknown]> {
  const R = await gen_tcp.recv(S, 0, 2000);
  if (R[0] === 'ok') return count_bytes(S, Buffer.concat([Acc, R[1] as Buffer]), N + 1);
  return [Acc, N, R];
}
