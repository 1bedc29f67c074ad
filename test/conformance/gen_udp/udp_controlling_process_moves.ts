// Handing an active socket to another process moves the {udp, S, ...}
// messages already queued in the old owner's mailbox, in order, and leaves
// everything else, {udp_passive, S} included; the active state in force is
// kept ({active, 2} used up stays passive), and later datagrams go to the
// new owner, who is now the socket's owner and only link.
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
  timer,
  ok,
  match,
  type List,
  type Port,
} from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const R = ok(await gen_udp.open(0, ['binary', ['active', 2]]));
  const RP = ok(await inet.port(R));
  send(self(), 'before');
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('one')));
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('two')));
  await timer.sleep(30);
  send(self(), 'between');
  const Self = self();
  const New = spawn(async () => {
    await receive(on('go', () => 'ok'));
    await timer.sleep(30);
    send(Self, ['new_owner_got', await drain()]);
    await receive(on('stop', () => 'ok'));
  });
  io.format('~w~n', [await gen_udp.controlling_process(R, New)]);
  io.format('~w~n', [await inet.getopts(R, ['active'])]);
  match('ok', await inet.setopts(R, [['active', true]]));
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('three')));
  send(New, 'go');
  await receive(
    on(['new_owner_got', _], ([, Got]) =>
      io.format('new owner: ~w~n', [list(...(Got as unknown[]).map((M) => data(R, M)))]),
    ),
  );
  io.format('old owner: ~w~n', [list(...(await drain()).map((M) => data(R, M)))]);
  const Info = (await inet.info(R)) as unknown as { owner: unknown; links: unknown[] };
  io.format('owner: ~w, links: ~w~n', [Info.owner === New, Info.links.length === 1 && Info.links[0] === New]);
  send(New, 'stop');
  match('ok', await gen_udp.close(S));
}

function data(R: Port, M: unknown): unknown {
  if (Array.isArray(M) && M.length === 5 && M[0] === 'udp' && M[1] === R) {
    if ((M[2] as number[]).join('.') === '127.0.0.1' && Number.isInteger(M[3])) return M[4];
  }
  if (Array.isArray(M) && M.length === 2 && M[0] === 'udp_passive' && M[1] === R) return 'udp_passive';
  return M;
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
