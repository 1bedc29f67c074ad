// Every exit-signal case at once: a signal by link (the source dies with
// Reason) or by exit/2, for each Reason, to a target trapping exits or not.
// Each case runs in its own process; results are printed in case order.
import {
  self,
  send,
  spawn,
  spawn_monitor,
  monitor,
  link,
  exit,
  process_flag,
  receive,
  on,
  after,
  _,
  io,
  io_lib,
  type Pid,
} from 'erlts';

type Case = [via: 'link' | 'exit2', reason: unknown, trap: boolean];

export default async function main(): Promise<void> {
  const Self = self();
  const Cases: Case[] = [];
  for (const Via of ['link', 'exit2'] as const)
    for (const Reason of ['normal', 'kill', 'killed', 'shutdown', 'boom', ['tuple', 1]])
      for (const Trap of [false, true]) Cases.push([Via, Reason, Trap]);
  const Indexed = Cases.map((C, I) => [I + 1, C] as const);
  for (const [I, C] of Indexed) spawn(async () => send(Self, ['result', I, await run_case(C)]));
  for (const [I, [Via, Reason, Trap]] of Indexed) {
    await receive(
      on(['result', I, _], ([, , Text]) => io.format('~w ~w trap=~w: ~s~n', [Via, Reason, Trap, Text])),
    );
  }
  await self_cases();
}

async function run_case([Via, Reason, Trap]: Case): Promise<unknown> {
  const Runner = self();
  const Target = spawn(async () => {
    process_flag('trap_exit', Trap);
    send(Runner, 'ready');
    await receive(
      on(_, (M) => send(Runner, ['got', M])),
      after(50, () => send(Runner, 'no_message')),
    );
  });
  await receive(on('ready'));
  const Ref = monitor('process', Target);
  let Source: Pid;
  if (Via === 'link') {
    const S = spawn(async () => {
      link(Target);
      send(Runner, 'linked');
      await receive(on('go', () => exit(Reason)));
    });
    await receive(on('linked'));
    send(S, 'go');
    Source = S;
  } else {
    exit(Target, Reason);
    Source = Runner;
  }
  return receive(
    on(['DOWN', Ref, 'process', Target, _], ([, , , , R]) => io_lib.format('died ~w', [R])),
    on(
      ['got', ['EXIT', _, _]],
      ([, [, From]]) => From === Source,
      ([, [, , R]]) => io_lib.format('trapped ~w from the source', [R]),
    ),
    on(['got', _], ([, Other]) => io_lib.format('got ~w', [Other])),
    on('no_message', () => 'survived'),
  );
}

async function self_cases(): Promise<'ok'> {
  for (const Reason of ['normal', 'kill', 'boom'])
    for (const Trap of [false, true]) {
      const Parent = self();
      const [Pid, Ref] = spawn_monitor(async () => {
        process_flag('trap_exit', Trap);
        exit(self(), Reason);
        await receive(
          on(_, (M) => send(Parent, ['self_got', M])),
          after(50),
        );
      });
      await receive(
        on(['DOWN', Ref, 'process', Pid, _], ([, , , , R]) =>
          receive(
            on(['self_got', _], ([, M]) =>
              io.format('exit(self(), ~w) trap=~w: got ~w, then ~w~n', [Reason, Trap, M, R]),
            ),
            after(0, () => io.format('exit(self(), ~w) trap=~w: died ~w~n', [Reason, Trap, R])),
          ),
        ),
      );
    }
  return 'ok';
}
