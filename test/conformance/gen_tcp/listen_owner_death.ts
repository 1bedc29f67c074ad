// A listen socket belongs to the process that opened it: when that process
// dies, the socket closes and a process waiting in accept gets
// {error, closed}; after controlling_process the old owner's death no
// longer matters.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, spawn, self, send, timer, ok, match, type Port } from 'erlts';

export default async function main(): Promise<void> {
  const Self = self();
  const Owner = spawn(async () => {
    send(Self, ['listening', await gen_tcp.listen(0, ['binary', ['active', false]])]);
    await receive(on('stop', () => 'ok'));
  });
  const LS1 = await receive(on(['listening', ['ok', _]], ([, [, L1]]) => L1 as Port));
  spawn(async () => send(Self, ['acceptor', await gen_tcp.accept(LS1)]));
  await timer.sleep(20);
  send(Owner, 'stop');
  await receive(
    on(['acceptor', _], ([, R]) => io.format('acceptor: ~w~n', [R])),
    after(1000, () => io.format('no answer~n')),
  );
  io.format('port: ~w~n', [await inet.port(LS1)]);
  const Owner2 = spawn(async () => {
    const L = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
    match('ok', await gen_tcp.controlling_process(L, Self));
    send(Self, ['listening', L]);
    await receive(on('stop', () => 'ok'));
  });
  const LS2 = await receive(on(['listening', _], ([, L2]) => L2 as Port));
  send(Owner2, 'stop');
  await timer.sleep(20);
  const Port2 = ok(await inet.port(LS2));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port2, ['binary', ['active', false]]));
  const [Res, S] = await gen_tcp.accept(LS2, 1000);
  io.format('after the old owner died: ~w~n', [Res]);
  match('ok', await gen_tcp.close(S as Port));
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(LS2));
}
