// The {active, N} counter: setopts adds N to what is left (negative N
// subtracts), reaching 0 or less makes the socket passive with a
// {udp_passive, S} message, even when it was passive already ({active, 0});
// the counter must stay within -32768..32767 (einval beyond, and nothing
// changes); true, once and false reset it. open with {active, 0} or a negative
// N gives a passive socket and {udp_passive, S} at once. From
// gen_udp_SUITE:active_n.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List, type Port } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const R = ok(await gen_udp.open(0, [['active', 3]]));
  await step(R, '2 more', [['active', 2]]);
  await step(R, '-4', [['active', -4]]);
  await step(R, '-5', [['active', -5]]);
  await step(R, '0 when passive', [['active', 0]]);
  await step(R, '32767', [['active', 32767]]);
  await step(R, '1 more at the top', [['active', 1]]);
  await step(R, '-32768', [['active', -32768]]);
  await step(R, '-32768 when passive', [['active', -32768]]);
  await step(R, '32768', [['active', 32768]]);
  await step(R, '-32769', [['active', -32769]]);
  await step(R, 'true', [['active', true]]);
  await step(R, '5 after true', [['active', 5]]);
  await step(R, 'once', [['active', 'once']]);
  await step(R, '5 after once', [['active', 5]]);
  await step(R, 'false', [['active', false]]);
  await step(R, '-1 after false', [['active', -1]]);
  await step(R, 'foo', [['active', 'foo']]);
  match('ok', await gen_udp.close(R));
  for (const N of [0, -3]) {
    const S = ok(await gen_udp.open(0, [['active', N]]));
    await timer.sleep(10);
    io.format('open {active, ~w}: ~w ~w~n', [
      N,
      await inet.getopts(S, ['active']),
      passive(S, await drain()),
    ]);
    match('ok', await gen_udp.close(S));
  }
  io.format('open {active, 32768}: ~w~n', [await try_(() => gen_udp.open(0, [['active', 32768]]))]);
}

async function step(R: Port, Label: string, Opts: readonly unknown[]): Promise<void> {
  const Result = await inet.setopts(R, Opts as never);
  await timer.sleep(10);
  io.format('~s: ~w ~w ~w~n', [Label, Result, await inet.getopts(R, ['active']), passive(R, await drain())]);
}

function passive(R: Port, Msgs: List): List {
  return list(
    ...Msgs.map((M) =>
      Array.isArray(M) && M.length === 2 && M[0] === 'udp_passive' && M[1] === R ? 'udp_passive' : M,
    ),
  );
}

/** The result, or {caught, Class, Reason} for what was raised. */
async function try_(F: () => Promise<unknown>): Promise<unknown> {
  try {
    return await F();
  } catch (e) {
    return ['caught', ...classOf(e)];
  }
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
