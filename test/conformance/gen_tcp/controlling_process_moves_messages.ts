// Handing an active socket to another process moves the socket messages
// already queued in the old owner's mailbox, in order, leaving its other
// messages; later messages go to the new owner.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, spawn, self, send, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', true], ['packet', 2]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 2]]));
  const S = ok(await gen_tcp.accept(LS));
  send(self(), 'before');
  match('ok', await gen_tcp.send(C, Buffer.from('one')));
  match('ok', await gen_tcp.send(C, Buffer.from('two')));
  await timer.sleep(30);
  send(self(), 'between');
  const Self = self();
  const New = spawn(async () => {
    await receive(on('go', () => 'ok'));
    await timer.sleep(30);
    send(Self, ['new_owner_got', await drain()]);
  });
  io.format('~w~n', [await gen_tcp.controlling_process(S, New)]);
  match('ok', await gen_tcp.send(C, Buffer.from('three')));
  send(New, 'go');
  await receive(on(['new_owner_got', _], ([, Got]) => io.format('new owner: ~w~n', [Got])));
  io.format('old owner: ~w~n', [await drain()]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
