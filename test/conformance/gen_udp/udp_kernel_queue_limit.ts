// A passive socket holds only what fits its kernel receive buffer: of 2000
// ten-byte datagrams sent at once, a socket with gen_udp's default recbuf
// (8192, 16384 once Linux doubles it) keeps some but far from all, the rest
// is dropped silently (send says ok for each); one with {recbuf, 65536} keeps
// more. (The exact counts depend on the kernel's per-datagram overhead:
// 19 and 157 on Linux 6.x x86_64.)
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, list, timer, ok, match, type Port } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const Counts: number[] = [];
  for (const Opts of [list(), list(['recbuf', 65536])]) {
    const R = ok(await gen_udp.open(0, ['binary', ['active', false], ...Opts] as never));
    const RP = ok(await inet.port(R));
    const Sent = new Set<unknown>();
    for (let I = 0; I < 2000; I++)
      Sent.add(await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('0123456789')));
    io.format('sends ~w: ~w~n', [Opts, list(...[...Sent].sort())]);
    await timer.sleep(30);
    const N = await count(R, 0);
    match('ok', await gen_udp.close(R));
    Counts.push(N);
  }
  const [N1, N2] = Counts as [number, number];
  io.format('default recbuf keeps some, not all: ~w ~w~n', [N1 > 0, N1 < 2000]);
  io.format('{recbuf, 65536} keeps more: ~w~n', [N2 > N1]);
  match('ok', await gen_udp.close(S));
}

async function count(R: Port, N: number): Promise<number> {
  for (;;) {
    const Result = await gen_udp.recv(R, 0, 0);
    if (Result[0] !== 'ok') return N;
    N++;
  }
}
