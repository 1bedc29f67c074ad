// inet:cancel_monitor/1 answers as erlang:demonitor(MRef, [info]): true for
// an active monitor; false for one cancelled already, one that has fired
// (its DOWN stays in the mailbox), one on a closed socket, and a ref that
// never was a monitor; badarg for what is not a ref.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, make_ref, timer, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  const M1 = inet.monitor(C);
  io.format('active: ~w~n', [inet.cancel_monitor(M1)]);
  io.format('cancelled already: ~w~n', [inet.cancel_monitor(M1)]);
  const ML = inet.monitor(LS);
  io.format('active on a listen socket: ~w~n', [inet.cancel_monitor(ML)]);
  const M2 = inet.monitor(S);
  match('ok', await gen_tcp.close(S));
  await timer.sleep(20);
  io.format('fired: ~w~n', [inet.cancel_monitor(M2)]);
  await receive(
    on(['DOWN', M2, 'port', S, _], ([, , , , R2]) => io.format('its DOWN stays: ~w~n', [R2])),
    after(0, () => io.format('no DOWN~n')),
  );
  const M3 = inet.monitor(S);
  await receive(
    on(['DOWN', M3, 'port', S, _], ([, , , , R3]) =>
      io.format('closed socket: ~w, cancel ~w~n', [R3, inet.cancel_monitor(M3)]),
    ),
    after(1000, () => io.format('no DOWN~n')),
  );
  io.format('never a monitor: ~w~n', [inet.cancel_monitor(make_ref())]);
  try {
    const V = inet.cancel_monitor('foo' as never);
    io.format('not a ref: ~w~n', [V]);
  } catch (e) {
    const [Class, Reason] = classOf(e);
    io.format('not a ref: ~w:~w~n', [Class, Reason]);
  }
  match('ok', await gen_tcp.close(C));
  await receive(
    on(['DOWN', M1, _, _, _], () => io.format('a cancelled monitor sent DOWN~n')),
    after(50, () => io.format('no DOWN after cancel~n')),
  );
  match('ok', await gen_tcp.close(LS));
}
