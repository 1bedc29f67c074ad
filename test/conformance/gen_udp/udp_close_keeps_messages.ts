// Closing an active socket leaves the {udp, S, ...} messages already in the
// owner's mailbox there, and sends no {udp_closed, S}: UDP sockets in
// inet_drv never report being closed. Datagrams the kernel held for the
// socket are gone with it.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const R = ok(await gen_udp.open(0, ['binary', ['active', 1]]));
  const RP = ok(await inet.port(R));
  for (const I of [1, 2, 3]) match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from([I])));
  await timer.sleep(30);
  io.format('close: ~w~n', [await gen_udp.close(R)]);
  await timer.sleep(30);
  io.format('mailbox: ~w~n', [
    list(
      ...(await drain()).map((M) => {
        if (Array.isArray(M) && M.length === 5 && M[0] === 'udp' && M[1] === R) {
          if ((M[2] as number[]).join('.') === '127.0.0.1' && Number.isInteger(M[3])) return ['udp', M[4]];
        }
        if (Array.isArray(M) && M.length === 2 && M[0] === 'udp_passive' && M[1] === R) return 'udp_passive';
        return M;
      }),
    ),
  ]);
  match('ok', await gen_udp.close(S));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
