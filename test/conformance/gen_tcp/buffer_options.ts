// Buffer sizes: buffer set explicitly reads back as set; recbuf and sndbuf
// read back as the kernel reports them (Linux doubles the value asked).
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['buffer', 4096]]));
  const S = ok(await gen_tcp.accept(LS));
  io.format('~w~n', [await inet.getopts(C, ['buffer'])]);
  match(
    'ok',
    await inet.setopts(S, [
      ['recbuf', 65536],
      ['sndbuf', 32768],
    ]),
  );
  io.format('~w~n', [await inet.getopts(S, ['recbuf', 'sndbuf'])]);
  match('ok', await inet.setopts(S, [['buffer', 1000]]));
  io.format('~w~n', [await inet.getopts(S, ['buffer'])]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
