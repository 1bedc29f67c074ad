// Child-spec and flag validation: OTP's error terms.
import {
  _,
  after,
  exit,
  io,
  list,
  monitor,
  on,
  process_flag,
  receive,
  send,
  spawn_link,
  timer,
  type Pid,
} from 'erlts';
import * as supervisor from 'erlts/supervisor';
import * as self_ from './sup_spec_errors.js';

export const MODULE = 'sup_spec_errors';

export function init([Flags, Specs]: [object, object[]]) {
  return ['ok', [Flags, Specs]];
}
export function start_junk() {
  return 'junk';
}
export function start_worker(_Id: unknown) {
  return ['ok', spawn_link(loop)];
}
export async function loop(): Promise<unknown> {
  return receive(
    on('die', () => exit('died')),
    on('stop', () => 'ok'),
  );
}
export async function stop(Pid: unknown, How: string): Promise<void> {
  const Ref = monitor('process', Pid as Pid);
  send(Pid as Pid, How);
  await receive(on(['DOWN', Ref, 'process', Pid, _], () => 'ok'));
  await timer.sleep(20);
}
export const spec = (Id: string, Restart: string) => ({
  id: Id,
  start: [self_, 'start_worker', [Id]],
  restart: Restart,
  shutdown: 100,
});
export const pids = async (Sup: Pid) => list(...(await supervisor.which_children(Sup)).map((c) => c[1]));
export const ids = async (Sup: Pid) => list(...(await supervisor.which_children(Sup)).map((c) => c[0]));

export default async function main(): Promise<void> {
  process_flag('trap_exit', true);
  const M = [self_, 'start_worker', ['x']];
  const cs = (specs: unknown, ...a: unknown[]) =>
    io.format('~p~n', [supervisor.check_childspecs(specs, ...(a as []))]);
  cs([{ id: 'a', start: M }]);
  cs([{ start: M }]);
  cs([{ id: 'a' }]);
  cs([{ id: 'a', start: M, shutdown: -1 }]);
  cs([{ id: 'a', start: M, type: 'boss' }]);
  cs([{ id: 'a', start: M, significant: 'yes' }]);
  cs([{ id: 'a', start: M, modules: 7 }]);
  cs([
    { id: 'a', start: M },
    { id: 'a', start: M },
  ]);
  cs([{ id: 'a', start: M, significant: true }], 'never');
  cs([{ id: 'a', start: M, significant: true }], 'any_significant');
  cs(list('oops'));
  cs([], 'sometimes');
  io.format('~p~n', [await supervisor.start_link(self_, [{ strategy: 'all_for_one' }, []])]);
  io.format('~p~n', [await supervisor.start_link(self_, [{ intensity: -1 }, []])]);
  io.format('~p~n', [await supervisor.start_link(self_, [['one_for_one', 1], []])]);
  io.format('~p~n', [await supervisor.start_link(self_, [{ strategy: 'simple_one_for_one' }, list()])]);
  io.format('~p~n', [
    await supervisor.start_link(self_, [{}, [{ id: 'a', start: [self_, 'start_junk', []] }]]),
  ]);
  for (;;) {
    const r = await receive(
      on(['EXIT', _, _], (m) => m[2]),
      after(50, () => null),
    );
    if (r === null) break;
    io.format('exit: ~p~n', [r]);
  }
}
