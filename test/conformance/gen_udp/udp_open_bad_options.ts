// gen_udp:open's option checks: an option gen_udp does not know (foo,
// {foo, bar}, TCP's exit_on_close, packet, nodelay, keepalive, linger,
// send_timeout; erlts takes reuseport, which OTP 25 refuses, as OTP 26 does),
// a malformed value, or a list where a
// tuple belongs exits badarg, as does an {ip, ...} that is no address of the
// family; options that are not a list are function_clause (a bare tuple is
// left out: in TypeScript it is a list). Values the
// driver or the kernel refuse are {error, einval} (read_packets 0, ttl 300,
// high_msgq_watermark 0, ipv6_v6only or tclass on inet). Accepted oddities:
// {buffer, -1}, {recbuf, -1}, {tos, 1000}, {multicast_ttl, 300}, a membership
// of a unicast group.
import * as gen_udp from 'erlts/gen_udp';
import { io, list, is_port, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

const open_ = gen_udp.open as (...Args: unknown[]) => Promise<unknown>;

export default async function main(): Promise<void> {
  for (const Opts of [
    list('foo'),
    list(['foo', 'bar']),
    list(['exit_on_close', false]),
    list(['packet', 2]),
    list(['nodelay', true]),
    list(['keepalive', true]),
    list(['linger', [true, 1]]),
    list(['send_timeout', 10]),
    list(['active', 'foo']),
    list(['active', 32768]),
    list(['mode', 'foo']),
    list(['buffer', 'foo']),
    list(['header', -1]),
    list(['deliver', 'foo']),
    list(['read_packets', -1]),
    list(['debug', 'foo']),
    list(list('active', true)),
    list(['active']),
    list(['ip', [127, 0, 0, 256]]),
    list(['ip', 'foo']),
    list(['ip', list(...Buffer.from('127.0.0.1', 'latin1'))]),
    list(['add_membership', 'foo']),
    list('binary', ['inet_backend', 'inet']),
    list(['read_packets', 0]),
    list(['ttl', 300]),
    list(['high_msgq_watermark', 0]),
    list(['ipv6_v6only', true]),
    list(['tclass', 5]),
    list(['buffer', -1]),
    list(['recbuf', -1]),
    list(['tos', 1000]),
    list(['multicast_ttl', 300]),
    list([
      'add_membership',
      [
        [1, 2, 3, 4],
        [127, 0, 0, 1],
      ],
    ]),
    list(['inet_backend', 'inet'], 'binary'),
    list(['deliver', 'port'], ['broadcast', true], ['reuseaddr', true], ['dontroute', true], ['priority', 1]),
  ]) {
    io.format('~w: ~w~n', [Opts, await try_(() => open_(0, Opts))]);
  }
  for (const NotAList of ['active', { active: true }]) {
    io.format('options ~w: ~w~n', [NotAList, await try_(() => open_(0, NotAList))]);
  }
}

/** The result (ok for a socket, closed at once), or {caught, Class, Reason} for what was raised. */
async function try_(F: () => Promise<unknown>): Promise<unknown> {
  try {
    const Result = await F();
    if (Array.isArray(Result) && Result[0] === 'ok' && is_port(Result[1])) {
      match('ok', await gen_udp.close(Result[1]));
      return 'ok';
    }
    return Result;
  } catch (e) {
    return ['caught', ...classOf(e)];
  }
}
