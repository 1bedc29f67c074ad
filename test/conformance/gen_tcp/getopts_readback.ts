// Options given to listen are inherited by accepted sockets, those given to
// connect and setopts read back with getopts in the order asked.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const Names: inet.socket_getopt[] = [
    'active',
    'mode',
    'packet',
    'packet_size',
    'header',
    'nodelay',
    'keepalive',
    'reuseaddr',
    'exit_on_close',
    'show_econnreset',
    'send_timeout',
    'send_timeout_close',
    'delay_send',
    'linger',
    'deliver',
    'high_watermark',
    'low_watermark',
    'high_msgq_watermark',
    'low_msgq_watermark',
  ];
  const LS = ok(
    await gen_tcp.listen(0, [
      'binary',
      ['active', 'once'],
      ['packet', 4],
      ['nodelay', true],
      ['keepalive', true],
      ['send_timeout', 1000],
      ['exit_on_close', false],
      ['linger', [true, 5]],
      ['high_watermark', 16384],
      ['low_watermark', 2048],
    ]),
  );
  const Port = ok(await inet.port(LS));
  io.format('listen: ~w~n', [await inet.getopts(LS, Names)]);
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, []));
  const S = ok(await gen_tcp.accept(LS));
  io.format('accepted: ~w~n', [await inet.getopts(S, Names)]);
  io.format('connected: ~w~n', [await inet.getopts(C, Names)]);
  match(
    'ok',
    await inet.setopts(C, [
      ['active', false],
      ['packet', 'line'],
      ['packet_size', 100],
      ['show_econnreset', true],
      ['send_timeout_close', true],
      ['delay_send', true],
      ['deliver', 'term'],
      ['nodelay', true],
      ['high_msgq_watermark', 100],
      ['low_msgq_watermark', 50],
    ]),
  );
  io.format('after setopts: ~w~n', [await inet.getopts(C, Names)]);
  io.format('reversed: ~w~n', [
    await inet.getopts(C, (['active', 'packet', 'mode'] satisfies inet.socket_getopt[]).reverse()),
  ]);
  io.format('none: ~w~n', [await inet.getopts(C, [])]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
