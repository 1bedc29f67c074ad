// controlling_process: only the owner may hand a socket over
// ({error, not_owner} otherwise), a dead new owner gives {error, badarg},
// handing it to the owner itself is ok, and a closed socket gives
// {error, closed}.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, _, spawn, spawn_monitor, self, send, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  const Self = self();
  const Other = spawn(async () => {
    send(Self, ['other', await gen_tcp.controlling_process(S, self())]);
    await receive(on('stop', () => 'ok'));
  });
  await receive(on(['other', _], ([, R1]) => io.format('not the owner: ~w~n', [R1])));
  const [Dead, Ref] = spawn_monitor(() => 'ok');
  await receive(on(['DOWN', Ref, 'process', Dead, 'normal'], () => 'ok'));
  io.format('dead pid: ~w~n', [await gen_tcp.controlling_process(S, Dead)]);
  io.format('to self: ~w~n', [await gen_tcp.controlling_process(S, self())]);
  io.format('to other: ~w~n', [await gen_tcp.controlling_process(S, Other)]);
  io.format('now not the owner: ~w~n', [await gen_tcp.controlling_process(S, self())]);
  io.format('listen socket: ~w~n', [await gen_tcp.controlling_process(LS, Other)]);
  match('ok', await gen_tcp.close(C));
  io.format('closed socket: ~w~n', [await gen_tcp.controlling_process(C, Other)]);
  send(Other, 'stop');
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
