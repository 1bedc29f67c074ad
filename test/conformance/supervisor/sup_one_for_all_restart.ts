// one_for_all: a crashed child is restarted, with the siblings the strategy names; pids change accordingly.
import {
  _,
  exit,
  is_process_alive,
  io,
  list,
  monitor,
  on,
  receive,
  send,
  spawn_link,
  timer,
  unlink,
  type Pid,
} from 'erlts';
import * as supervisor from 'erlts/supervisor';
import * as self_ from './sup_one_for_all_restart.js';

export const MODULE = 'sup_one_for_all_restart';

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
  const [, Sup] = (await supervisor.start_link(self_, [
    { strategy: 'one_for_all', intensity: 5, period: 10 },
    [spec('a', 'permanent'), spec('b', 'permanent'), spec('c', 'permanent')],
  ])) as ['ok', Pid];
  unlink(Sup);
  io.format('ids: ~p~n', [await ids(Sup)]);
  const [C1, B1, A1] = await pids(Sup);
  await stop(B1, 'die');
  const [C2, B2, A2] = await pids(Sup);
  io.format('a changed: ~p, b changed: ~p, c changed: ~p~n', [A1 !== A2, B1 !== B2, C1 !== C2]);
  io.format('all alive: ~p~n', [[A2, B2, C2].every((p) => is_process_alive(p as Pid))]);
  io.format('ids after: ~p~n', [await ids(Sup)]);
  exit(Sup, 'shutdown');
}
