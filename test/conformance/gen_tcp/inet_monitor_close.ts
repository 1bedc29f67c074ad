// inet:monitor/1 on a socket: {'DOWN', Ref, port, S, normal} when it is
// closed; monitoring an already closed socket gives a DOWN with noproc;
// cancel_monitor removes a monitor.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, spawn, self, send, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  const MC = inet.monitor(C);
  const MS = inet.monitor(S);
  const MS2 = inet.monitor(S);
  io.format('cancel: ~w~n', [inet.cancel_monitor(MS2)]);
  match('ok', await gen_tcp.close(C));
  await receive(
    on(['DOWN', MC, 'port', C, _], (D1) => io.format('~w ~w~n', [D1, D1[4]])),
    after(1000, () => io.format('no DOWN~n')),
  );
  match('ok', await gen_tcp.close(S));
  await receive(
    on(['DOWN', MS, 'port', S, _], ([, , , , R2]) => io.format('DOWN for S: ~w~n', [R2])),
    after(1000, () => io.format('no DOWN~n')),
  );
  const MC2 = inet.monitor(C);
  await receive(
    on(['DOWN', MC2, _, C, _], ([, , Type, , R3]) => io.format('closed socket: ~w ~w~n', [Type, R3])),
    after(1000, () => io.format('no DOWN~n')),
  );
  const ML = inet.monitor(LS);
  const Self = self();
  spawn(async () => send(Self, ['closed', await gen_tcp.close(LS)]));
  await receive(on(['closed', 'ok'], () => 'ok'));
  await receive(
    on(['DOWN', ML, 'port', LS, _], ([, , , , R4]) =>
      io.format('listen socket closed by another process: ~w~n', [R4]),
    ),
    after(1000, () => io.format('no DOWN~n')),
  );
  await timer.sleep(20);
  io.format('mailbox: ~w~n', [await drain()]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
