// Flow control with send_timeout: a sender whose peer never reads fills
// the kernel buffers, then send returns {error, timeout}, and the socket
// stays open (send_timeout_close is false by default).
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match, type Port } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const Chunk = Buffer.alloc(65536, 'x');
  const C1 = ok(
    await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['send_timeout', 50]]),
  );
  const S1 = ok(await gen_tcp.accept(LS));
  io.format('fill: ~w~n', [await fill(C1, Chunk, 0)]);
  io.format('send again: ~w~n', [await gen_tcp.send(C1, Buffer.from('y'))]);
  io.format('still open: ~w~n', [await inet.getopts(C1, ['send_timeout', 'send_timeout_close'])]);
  // The reader closes first: its unread data makes that a reset, which
  // ends the sender's pending output (else close would wait for it).
  match('ok', await gen_tcp.close(S1));
  match('ok', await gen_tcp.close(C1));
  match('ok', await gen_tcp.close(LS));
}

// Sends until an error; the number of chunks depends on the host's buffers.
async function fill(C: Port, Chunk: Buffer, N: number): Promise<unknown> {
  if (N < 1000) {
    const R = await gen_tcp.send(C, Chunk);
    if (R === 'ok') return fill(C, Chunk, N + 1);
    return [R, N > 0];
  }
  return 'never_blocked';
}
