// inet:setopts on a gen_udp socket is not checked against UDP's options as
// open is: TCP options (packet, exit_on_close, nodelay, keepalive,
// send_timeout, delay_send, linger, show_econnreset, ...) are accepted and
// some read back; open-only ones ({ip, _}, {port, _}, inet, inet6) and
// malformed values are {error, einval}, as are ipv6 options on inet and
// reuseport in OTP 25. packet changes nothing on UDP: the datagram still
// arrives as sent. One bad option in the list makes the whole call einval
// and nothing changes. Options that are not a list raise
// {bad_generator, Opts}; getopts with no list is function_clause.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, list, ok, match, type Port } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

const setopts_ = inet.setopts as (S: Port, Opts: unknown) => Promise<unknown>;
const getopts_ = inet.getopts as (S: Port, Opts: unknown) => Promise<unknown>;

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  for (const Opt of [
    ['packet', 2],
    ['packet', 'http'],
    ['packet_size', 10],
    ['exit_on_close', false],
    ['nodelay', true],
    ['keepalive', true],
    ['send_timeout', 10],
    ['send_timeout_close', true],
    ['delay_send', true],
    ['linger', [true, 1]],
    ['high_watermark', 100],
    ['low_watermark', 10],
    ['show_econnreset', true],
    ['line_delimiter', 0x78],
    ['broadcast', true],
    ['dontroute', true],
    ['priority', 3],
    ['ttl', 10],
    ['multicast_ttl', 5],
    ['reuseaddr', true],
    ['high_msgq_watermark', 100],
    ['low_msgq_watermark', 50],
    ['deliver', 'port'],
    'list',
    'binary',
    ['ip', [127, 0, 0, 1]],
    ['port', 1],
    ['ifaddr', [127, 0, 0, 1]],
    'inet',
    'inet6',
    'foo',
    ['foo', 'bar'],
    ['ipv6_v6only', true],
    ['tclass', 5],
    ['recvtclass', true],
    ['reuseport', true],
    ['header', -1],
    ['header', 'foo'],
    ['mode', 'foo'],
    ['deliver', 'foo'],
    ['buffer', 'foo'],
    ['recbuf', 'foo'],
    ['broadcast', 'foo'],
    ['high_msgq_watermark', 0],
    ['active'],
    list('active', true),
  ]) {
    io.format('~w: ~w~n', [Opt, await setopts_(S, [Opt])]);
  }
  io.format('~w~n', [
    await getopts_(S, [
      'packet',
      'packet_size',
      'exit_on_close',
      'keepalive',
      'linger',
      'broadcast',
      'dontroute',
      'priority',
      'ttl',
      'multicast_ttl',
      'reuseaddr',
      'high_msgq_watermark',
      'low_msgq_watermark',
      'deliver',
      'mode',
      'nodelay',
      'send_timeout',
      'delay_send',
      'show_econnreset',
    ]),
  ]);
  const T = ok(await gen_udp.open(0));
  match(
    'ok',
    await gen_udp.send(T, [127, 0, 0, 1], ok(await inet.port(S)), Buffer.from('GET / HTTP/1.1\r\n')),
  );
  const [IP, , Data] = ok(await gen_udp.recv(S, 0, 1000));
  io.format('with {packet, http}: ~w ~p~n', [IP, Data]);
  match('ok', await gen_udp.close(T));
  io.format('one bad: ~w ~w~n', [
    await setopts_(S, [
      ['active', true],
      ['header', 'foo'],
    ]),
    await inet.getopts(S, ['active']),
  ]);
  io.format('empty: ~w~n', [await inet.setopts(S, [])]);
  io.format('not a list: ~w~n', [await try_(() => setopts_(S, 'foo'))]);
  io.format('getopts not a list: ~w~n', [await try_(() => getopts_(S, 'foo'))]);
  match('ok', await gen_udp.close(S));
}

/** The result, or {caught, Class, Reason} for what was raised. */
async function try_(F: () => Promise<unknown>): Promise<unknown> {
  try {
    return await F();
  } catch (e) {
    return ['caught', ...classOf(e)];
  }
}
