// gen_udp:controlling_process: a process that is not the owner gets
// {error, not_owner}, unless it names the current owner (ok, nothing
// changes). Handing it to a dead process is {error, badarg} and leaves the
// socket {active, false}: inet:udp_controlling_process turned it passive to
// move the messages and does not restore it. On a closed socket it raises
// {badmatch, {error, einval}} (it reads the active option unchecked). Not a
// socket or not a pid: function_clause.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, _, spawn, spawn_monitor, self, send, timer, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

const controlling_process_ = gen_udp.controlling_process as (...Args: unknown[]) => Promise<unknown>;

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, [['active', true]]));
  const Self = self();
  const Other = spawn(async () => {
    const R1 = await gen_udp.controlling_process(S, self());
    const R2 = await gen_udp.controlling_process(S, Self);
    send(Self, ['other', R1, R2]);
    await receive(on('stop', () => 'ok'));
  });
  await receive(
    on(['other', _, _], ([, R1, R2]) => io.format('not the owner: ~w, naming the owner: ~w~n', [R1, R2])),
  );
  io.format('to self: ~w~n', [await gen_udp.controlling_process(S, self())]);
  const [Dead, Ref] = spawn_monitor(() => 'ok');
  await receive(on(['DOWN', Ref, 'process', Dead, 'normal'], () => 'ok'));
  io.format('dead pid: ~w ~w~n', [
    await gen_udp.controlling_process(S, Dead),
    await inet.getopts(S, ['active']),
  ]);
  io.format('still the owner: ~w~n', [((await inet.info(S)) as { owner: unknown }).owner === self()]);
  io.format('to other: ~w~n', [await gen_udp.controlling_process(S, Other)]);
  io.format('now not the owner: ~w~n', [await gen_udp.controlling_process(S, self())]);
  io.format('not a pid: ~w~n', [await try_(() => controlling_process_(S, 'foo'))]);
  io.format('not a socket: ~w~n', [await try_(() => controlling_process_('foo', self()))]);
  const C = ok(await gen_udp.open(0));
  match('ok', await gen_udp.close(C));
  io.format('closed socket: ~w~n', [await try_(() => gen_udp.controlling_process(C, Other))]);
  send(Other, 'stop');
  await timer.sleep(20);
  io.format('owner gone: ~w~n', [await inet.port(S)]);
}

/** The result, or {caught, Class, Reason} for what was raised. */
async function try_(F: () => Promise<unknown>): Promise<unknown> {
  try {
    return await F();
  } catch (e) {
    return ['caught', ...classOf(e)];
  }
}
