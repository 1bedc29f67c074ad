// The {active, N} counter of gen_tcp_misc_SUITE:active_n on a connected
// socket: setopts adds N to a counter, a result of 0 or less makes the socket
// passive and sends {tcp_passive, S} at once, the sum may not pass 32767,
// and true/once/false replace the counter; connect with {active, 0} starts
// passive with a tcp_passive.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, []));
  const Port = ok(await inet.port(LS));
  const S = ok(await gen_tcp.connect([127, 0, 0, 1], Port, [['active', 3]]));
  const A = ok(await gen_tcp.accept(LS));
  io.format('~w~n', [await inet.getopts(S, ['active'])]);
  io.format('+2: ~w ~w~n', [await inet.setopts(S, [['active', 2]]), await inet.getopts(S, ['active'])]);
  io.format('-4: ~w ~w~n', [await inet.setopts(S, [['active', -4]]), await inet.getopts(S, ['active'])]);
  io.format('mailbox: ~w~n', [await drain()]);
  io.format('-1: ~w ~w~n', [await inet.setopts(S, [['active', -1]]), await inet.getopts(S, ['active'])]);
  io.format('mailbox: ~w~n', [await drain()]);
  io.format('0: ~w ~w~n', [await inet.setopts(S, [['active', 0]]), await inet.getopts(S, ['active'])]);
  io.format('mailbox: ~w~n', [await drain()]);
  io.format('-5 when passive: ~w ~w~n', [
    await inet.setopts(S, [['active', -5]]),
    await inet.getopts(S, ['active']),
  ]);
  io.format('mailbox: ~w~n', [await drain()]);
  io.format('32767: ~w~n', [await inet.setopts(S, [['active', 32767]])]);
  io.format('+1: ~w ~w~n', [await inet.setopts(S, [['active', 1]]), await inet.getopts(S, ['active'])]);
  io.format('-32769: ~w~n', [await inet.setopts(S, [['active', -32769]])]);
  io.format('-32768: ~w ~w~n', [
    await inet.setopts(S, [['active', -32768]]),
    await inet.getopts(S, ['active']),
  ]);
  io.format('mailbox: ~w~n', [await drain()]);
  io.format('32768: ~w~n', [await inet.setopts(S, [['active', 32768]])]);
  match('ok', await inet.setopts(S, [['active', 3]]));
  io.format('true: ~w ~w~n', [await inet.setopts(S, [['active', true]]), await inet.getopts(S, ['active'])]);
  io.format('+2 when true: ~w ~w~n', [
    await inet.setopts(S, [['active', 2]]),
    await inet.getopts(S, ['active']),
  ]);
  io.format('once: ~w ~w~n', [
    await inet.setopts(S, [['active', 'once']]),
    await inet.getopts(S, ['active']),
  ]);
  io.format('+2 when once: ~w ~w~n', [
    await inet.setopts(S, [['active', 2]]),
    await inet.getopts(S, ['active']),
  ]);
  io.format('twice in one list: ~w ~w~n', [
    await inet.setopts(S, [
      ['active', 2],
      ['active', 4],
    ]),
    await inet.getopts(S, ['active']),
  ]);
  io.format('false: ~w ~w~n', [
    await inet.setopts(S, [['active', false]]),
    await inet.getopts(S, ['active']),
  ]);
  io.format('mailbox: ~w~n', [await drain()]);
  const S2 = ok(await gen_tcp.connect([127, 0, 0, 1], Port, [['active', 0]]));
  const A2 = ok(await gen_tcp.accept(LS));
  io.format('connect with 0: ~w~n', [await inet.getopts(S2, ['active'])]);
  io.format('mailbox: ~w~n', [await drain()]);
  match('ok', await gen_tcp.close(A2));
  match('ok', await gen_tcp.close(S2));
  match('ok', await gen_tcp.close(A));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
