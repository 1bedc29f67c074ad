// Closing a socket that has unread input sends a reset (as the kernel
// does); a show_econnreset peer then fails its recv with econnreset and a
// send with closed. From gen_tcp_misc_SUITE:show_econnreset_passive.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(
    await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['show_econnreset', true]]),
  );
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from('never read')));
  await timer.sleep(30);
  match('ok', await gen_tcp.close(S));
  await timer.sleep(30);
  io.format('~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.send(C, Buffer.from('x'))]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(LS));
}
