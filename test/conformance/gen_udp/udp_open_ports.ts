// gen_udp:open's port: 0 picks a free one; a taken one is
// {error, eaddrinuse} (also for another address on it, or inet6 on it);
// {reuseaddr, true} on both sockets lets a second socket bind it, on the
// second alone it does not. A port out of range exits badarg, an atom that
// names no service raises {badmatch, {error, einval}}, a non-integer is
// function_clause. {port, P} in the options is taken too. From
// gen_udp_SUITE:open_fd and reconnect.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, list, is_port, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

const open_ = gen_udp.open as (...Args: unknown[]) => Promise<unknown>;

export default async function main(): Promise<void> {
  const A = ok(await gen_udp.open(0));
  const PA = ok(await inet.port(A));
  io.format('port 0 gives a port: ~w~n', [PA > 0]);
  io.format('taken: ~w~n', [await try_(() => open_(PA))]);
  io.format('taken, with reuseaddr: ~w~n', [await try_(() => open_(PA, [['reuseaddr', true]]))]);
  io.format('taken, on 127.0.0.1: ~w~n', [await try_(() => open_(PA, [['ip', [127, 0, 0, 1]]]))]);
  io.format('taken, inet6: ~w~n', [await try_(() => open_(PA, ['inet6']))]);
  const B = ok(await gen_udp.open(0, [['reuseaddr', true]]));
  const PB = ok(await inet.port(B));
  io.format('~w~n', [await inet.getopts(B, ['reuseaddr'])]);
  io.format('both reuseaddr: ~w~n', [await try_(() => open_(PB, [['reuseaddr', true]]))]);
  io.format('second only: ~w~n', [await try_(() => open_(PB))]);
  match('ok', await gen_udp.close(A));
  const C = ok(await gen_udp.open(PA));
  io.format('free again: ~w~n', [ok(await inet.port(C)) === PA]);
  match('ok', await gen_udp.close(C));
  const D = ok(await gen_udp.open(0, [['port', PA]]));
  io.format('{port, P} option: ~w~n', [ok(await inet.port(D)) === PA]);
  match('ok', await gen_udp.close(D));
  for (const Port of [-1, 65536, 'no_such_service_name', list(0x30), 1.5]) {
    io.format('open(~w): ~w~n', [Port, await try_(() => open_(Port))]);
  }
  io.format('open(-1, []): ~w~n', [await try_(() => open_(-1, list()))]);
  match('ok', await gen_udp.close(B));
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
