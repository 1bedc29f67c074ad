// A socket is linked to its owner: when the owner exits, normally or not,
// the socket closes, and an inet:monitor on it gets {'DOWN', Ref, port, S,
// Reason} with the owner's exit reason. Sending to its old port is still ok
// (UDP). From gen_udp_SUITE:socket_monitor2.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import {
  io,
  receive,
  on,
  after,
  _,
  is,
  is_port,
  list,
  spawn_monitor,
  self,
  send,
  exit,
  timer,
  ok,
  match,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  const Self = self();
  const Other = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  for (const Reason of ['normal', 'kill', 'foo']) {
    const [Owner, ORef] = spawn_monitor(async () => {
      const S0 = ok(await gen_udp.open(0, ['binary', ['active', true]]));
      send(Self, ['sock', S0]);
      await receive(on('stop', () => exit(Reason)));
    });
    const S = await receive(on(['sock', is(is_port)], ([, X]) => X));
    const P = ok(await inet.port(S));
    const M = inet.monitor(S);
    if (Reason === 'kill') exit(Owner, 'kill');
    else send(Owner, 'stop');
    await receive(on(['DOWN', ORef, 'process', Owner, _], ([, , , , R1]) => io.format('owner: ~w~n', [R1])));
    await receive(
      on(['DOWN', M, _, S, _], ([, , Type, , R2]) => io.format('socket: ~w ~w~n', [Type, R2])),
      after(1000, () => io.format('no DOWN~n')),
    );
    io.format('send to its port: ~w~n', [
      await gen_udp.send(Other, [127, 0, 0, 1], P, Buffer.from('anyone?')),
    ]);
    io.format('send on it: ~w, port: ~w~n', [
      await gen_udp.send(S, [127, 0, 0, 1], P, Buffer.from('x')),
      await inet.port(S),
    ]);
  }
  await timer.sleep(20);
  io.format('mailbox: ~w~n', [await drain()]);
  match('ok', await gen_udp.close(Other));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
