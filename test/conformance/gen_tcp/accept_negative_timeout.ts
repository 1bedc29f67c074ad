// gen_tcp:accept(LS, -1): OTP 25 does not check the timeout and the driver
// takes -1 as infinity, so the acceptor just waits (and is served by a
// later connect). Outside the documented contract (timeout() is
// non_neg_integer() | infinity), kept to show the difference.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import {
  io,
  receive,
  on,
  after,
  _,
  spawn,
  self,
  send,
  is_port,
  is_process_alive,
  timer,
  ok,
  match,
} from 'erlts';
import { catch_ } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const Self = self();
  const Acceptor = spawn(async () => send(Self, ['acceptor', await catch_(() => gen_tcp.accept(LS, -1))]));
  await timer.sleep(50);
  io.format('still waiting: ~w~n', [is_process_alive(Acceptor)]);
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  await receive(
    on(['acceptor', ['ok', _]], ([, [, S]]) => io.format('accepted: ~w~n', [is_port(S)])),
    on(['acceptor', _], ([, Other]) => io.format('acceptor: ~w~n', [(Other as unknown[])[0]])),
    after(1000, () => io.format('no answer~n')),
  );
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(LS));
}
