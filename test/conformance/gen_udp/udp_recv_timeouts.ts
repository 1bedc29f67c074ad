// recv/3 timeouts: 0 polls ({error, timeout} when nothing is there, the
// datagram when one is); a negative, non-integer or too large (>= 2^32-1)
// timeout is {error, einval}; infinity waits. After an {active, once}
// delivery, recv with timeout 0 still sees later datagrams (OTP-16059).
// From gen_udp_SUITE:recv_poll_after_active_once.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, is, is_binary, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const R = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const RP = ok(await inet.port(R));
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const SP = ok(await inet.port(S));
  io.format('poll empty: ~w~n', [await gen_udp.recv(R, 0, 0)]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('x')));
  await timer.sleep(20);
  io.format('poll: ~p~n', [data(await gen_udp.recv(R, 0, 0))]);
  io.format('timeout 30: ~w~n', [await gen_udp.recv(R, 0, 30)]);
  io.format('bad timeouts: ~w ~w ~w ~w~n', [
    await gen_udp.recv(R, 0, -1),
    await gen_udp.recv(R, 0, 1.5),
    await gen_udp.recv(R, 0, 'foo' as never),
    await gen_udp.recv(R, 0, 0xffffffff),
  ]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('y')));
  io.format('infinity: ~p~n', [data(await gen_udp.recv(R, 0, 'infinity'))]);
  match('ok', await inet.setopts(R, [['active', 'once']]));
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('Hej!')));
  await receive(
    on(['udp', R, [127, 0, 0, 1], SP, is(is_binary)], async ([, , , , Msg1]) => {
      io.format('once: ~p~n', [Msg1]);
      io.format('poll after once: ~w~n', [await gen_udp.recv(R, 0, 0)]);
      match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('Hej igen!')));
      await timer.sleep(30);
      io.format('poll again: ~p~n', [data(await gen_udp.recv(R, 0, 0))]);
    }),
    after(1000, () => io.format('nothing~n')),
  );
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}

function data(Result: unknown): unknown {
  if (Array.isArray(Result) && Result[0] === 'ok') {
    const [Addr, Port, Data] = Result[1] as [number[], number, unknown];
    if (Addr.join('.') === '127.0.0.1' && Number.isInteger(Port)) return Data;
  }
  return Result;
}
