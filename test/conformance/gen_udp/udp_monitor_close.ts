// inet:monitor/1 on a gen_udp socket: {'DOWN', Ref, port, S, normal} when
// its owner closes it, or another process does; cancel_monitor removes a
// monitor (no DOWN); several monitors each get their DOWN. An owner that
// traps exits finds no 'EXIT' after closing its own socket, but gets
// {'EXIT', S, normal} when another process closes it. From
// gen_udp_SUITE:socket_monitor1, socket_monitor1_manyc and
// socket_monitor1_demon_after.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import {
  io,
  receive,
  on,
  after,
  _,
  list,
  spawn,
  self,
  send,
  process_flag,
  timer,
  ok,
  match,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0));
  const M1 = inet.monitor(S);
  const M2 = inet.monitor(S);
  const M3 = inet.monitor(S);
  io.format('cancel: ~w~n', [inet.cancel_monitor(M3)]);
  match('ok', await gen_udp.close(S));
  await receive(
    on(['DOWN', M1, 'port', S, _], ([, , , , R1]) => io.format('first: ~w~n', [R1])),
    after(1000, () => io.format('no DOWN~n')),
  );
  await receive(
    on(['DOWN', M2, 'port', S, _], ([, , , , R2]) => io.format('second: ~w~n', [R2])),
    after(1000, () => io.format('no DOWN~n')),
  );
  await timer.sleep(20);
  io.format('mailbox: ~w~n', [await drain()]);
  process_flag('trap_exit', true);
  const S2 = ok(await gen_udp.open(0));
  const M4 = inet.monitor(S2);
  match('ok', await gen_udp.close(S2));
  await receive(
    on(['DOWN', M4, 'port', S2, _], ([, , , , R4]) => io.format('own close: ~w~n', [R4])),
    after(1000, () => io.format('no DOWN~n')),
  );
  await timer.sleep(20);
  io.format('mailbox: ~w~n', [await drain()]);
  const S3 = ok(await gen_udp.open(0));
  const M5 = inet.monitor(S3);
  const Self = self();
  spawn(async () => send(Self, ['closed', await gen_udp.close(S3)]));
  await receive(on(['closed', _], ([, C]) => io.format('closed by another process: ~w~n', [C])));
  await receive(
    on(['DOWN', M5, 'port', S3, _], ([, , , , R5]) => io.format('DOWN: ~w~n', [R5])),
    after(1000, () => io.format('no DOWN~n')),
  );
  await timer.sleep(20);
  io.format('mailbox: ~w~n', [
    list(
      ...(await drain()).map((M) =>
        Array.isArray(M) && M.length === 3 && M[0] === 'EXIT' && M[1] === S3 ? ['EXIT', 'socket', M[2]] : M,
      ),
    ),
  ]);
  process_flag('trap_exit', false);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
