// Any process may recv on a passive socket, not only its owner; but only one
// recv at a time: a second one while the first waits is {error, ealready} at
// once, and the first still gets the next datagram. send, setopts and close
// are allowed to non-owners as well.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, spawn, self, send, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const R = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const RP = ok(await inet.port(R));
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const Self = self();
  spawn(async () => send(Self, ['waiter', await gen_udp.recv(R, 0, 2000)]));
  await timer.sleep(30);
  io.format('second recv: ~w~n', [await gen_udp.recv(R, 0, 50)]);
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('for the waiter')));
  await receive(on(['waiter', ['ok', [_, _, _]]], ([, [, [, , D1]]]) => io.format('waiter: ~p~n', [D1])));
  spawn(async () =>
    send(Self, ['other', await gen_udp.send(R, [127, 0, 0, 1], RP, Buffer.from('to itself'))]),
  );
  await receive(on(['other', _], ([, Sent]) => io.format('send by another process: ~w~n', [Sent])));
  const [, , D2] = ok(await gen_udp.recv(R, 0, 1000));
  io.format('owner got: ~p~n', [D2]);
  spawn(async () => send(Self, ['other', await inet.setopts(R, [['active', 'once']])]));
  await receive(
    on(['other', _], async ([, Set]) =>
      io.format('setopts by another process: ~w ~w~n', [Set, await inet.getopts(R, ['active'])]),
    ),
  );
  spawn(async () => send(Self, ['other', await gen_udp.close(R)]));
  await receive(
    on(['other', _], async ([, Closed]) =>
      io.format('close by another process: ~w ~w~n', [Closed, await inet.port(R)]),
    ),
  );
  await timer.sleep(20);
  io.format('mailbox: ~w~n', [await drain()]);
  match('ok', await gen_udp.close(S));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
