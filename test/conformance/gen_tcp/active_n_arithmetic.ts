// The {active, N} counter of gen_tcp_misc_SUITE:active_n: setopts adds N to
// a counter, a result of 0 or less makes the socket passive and sends
// {tcp_passive, S}, the sum may not pass 32767, and true/once/false replace
// the counter.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, [['active', 3]]));
  io.format('~w~n', [await inet.getopts(LS, ['active'])]);
  io.format('+2: ~w ~w~n', [await inet.setopts(LS, [['active', 2]]), await inet.getopts(LS, ['active'])]);
  io.format('-4: ~w ~w~n', [await inet.setopts(LS, [['active', -4]]), await inet.getopts(LS, ['active'])]);
  io.format('mailbox: ~w~n', [await drain()]);
  io.format('-1: ~w ~w~n', [await inet.setopts(LS, [['active', -1]]), await inet.getopts(LS, ['active'])]);
  io.format('mailbox: ~w~n', [await drain()]);
  io.format('0: ~w ~w~n', [await inet.setopts(LS, [['active', 0]]), await inet.getopts(LS, ['active'])]);
  io.format('mailbox: ~w~n', [await drain()]);
  io.format('-5 when passive: ~w ~w~n', [
    await inet.setopts(LS, [['active', -5]]),
    await inet.getopts(LS, ['active']),
  ]);
  io.format('mailbox: ~w~n', [await drain()]);
  io.format('32767: ~w~n', [await inet.setopts(LS, [['active', 32767]])]);
  io.format('+1: ~w ~w~n', [await inet.setopts(LS, [['active', 1]]), await inet.getopts(LS, ['active'])]);
  io.format('-32769: ~w~n', [await inet.setopts(LS, [['active', -32769]])]);
  io.format('-32768: ~w ~w~n', [
    await inet.setopts(LS, [['active', -32768]]),
    await inet.getopts(LS, ['active']),
  ]);
  io.format('mailbox: ~w~n', [await drain()]);
  io.format('32768: ~w~n', [await inet.setopts(LS, [['active', 32768]])]);
  match('ok', await inet.setopts(LS, [['active', 3]]));
  io.format('true: ~w ~w~n', [
    await inet.setopts(LS, [['active', true]]),
    await inet.getopts(LS, ['active']),
  ]);
  io.format('+2 when true: ~w ~w~n', [
    await inet.setopts(LS, [['active', 2]]),
    await inet.getopts(LS, ['active']),
  ]);
  io.format('once: ~w ~w~n', [
    await inet.setopts(LS, [['active', 'once']]),
    await inet.getopts(LS, ['active']),
  ]);
  io.format('+2 when once: ~w ~w~n', [
    await inet.setopts(LS, [['active', 2]]),
    await inet.getopts(LS, ['active']),
  ]);
  io.format('twice in one list: ~w ~w~n', [
    await inet.setopts(LS, [
      ['active', 2],
      ['active', 4],
    ]),
    await inet.getopts(LS, ['active']),
  ]);
  io.format('false: ~w ~w~n', [
    await inet.setopts(LS, [['active', false]]),
    await inet.getopts(LS, ['active']),
  ]);
  io.format('mailbox: ~w~n', [await drain()]);
  const LS2 = ok(await gen_tcp.listen(0, [['active', 0]]));
  io.format('listen with 0: ~w~n', [await inet.getopts(LS2, ['active'])]);
  io.format('mailbox: ~w~n', [await drain()]);
  match('ok', await gen_tcp.close(LS2));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
