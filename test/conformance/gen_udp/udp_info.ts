// inet:info/1 on gen_udp sockets: the keys; states [open] and
// [connected, open] once connected; owner and links are the owner; monitors
// lists what the port monitors (not who monitors it: empty); counters are
// getstat's. A closed socket gives #{states => [closed]}. (memory, input
// and output, port internals, are not printed: OTP's UDP input stays 0 and
// output counts the bytes of the port commands, address headers included.)
// From gen_udp_SUITE:otp_17492.
import { isDeepStrictEqual } from 'node:util';
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, self, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const R = ok(await gen_udp.open(0, ['binary', ['active', true]]));
  const RP = ok(await inet.port(R));
  inet.monitor(R);
  for (let I = 0; I < 2; I++) match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('hello')));
  await timer.sleep(20);
  for (const X of [S, R]) {
    const Info = (await inet.info(X)) as unknown as Record<string, unknown>;
    io.format('keys: ~w~n', [list(...Object.keys(Info).sort())]);
    io.format('states: ~w, owner: ~w, links: ~w, monitors: ~w~n', [
      Info.states,
      Info.owner === self(),
      isDeepStrictEqual([...(Info.links as unknown[])], [self()]),
      Info.monitors,
    ]);
    const Counters = Object.entries(Info.counters as Record<string, number>).sort();
    const Stat = [...ok(await inet.getstat(X))].map(([K, V]) => [K, V]).sort();
    io.format('counters: ~w~n', [isDeepStrictEqual(Counters, Stat)]);
  }
  match('ok', await gen_udp.connect(S, [127, 0, 0, 1], RP));
  io.format('connected: ~w~n', [((await inet.info(S)) as { states: unknown }).states]);
  match('ok', await gen_udp.close(S));
  io.format('closed: ~w~n', [await inet.info(S)]);
  match('ok', await gen_udp.close(R));
  io.format('mailbox: ~w~n', [list(...(await drain()).map((M) => (M as unknown[])[0]))]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
