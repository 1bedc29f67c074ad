// count_children of workers and supervisors, running and not.
import { _, exit, io, list, monitor, on, receive, send, spawn_link, timer, unlink, type Pid } from 'erlts';
import * as supervisor from 'erlts/supervisor';
import * as self_ from './sup_count_children.js';

export const MODULE = 'sup_count_children';

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
  const Sub = { id: 'sub', start: [supervisor, 'start_link', [self_, [{}, []]]], type: 'supervisor' };
  const [, Sup] = (await supervisor.start_link(self_, [
    {},
    [spec('a', 'permanent'), spec('b', 'transient'), Sub],
  ])) as ['ok', Pid];
  unlink(Sup);
  io.format('~p~n', [await supervisor.count_children(Sup)]);
  await supervisor.terminate_child(Sup, 'b');
  io.format('~p~n', [await supervisor.count_children(Sup)]);
  io.format('~p~n', [list(...(await supervisor.which_children(Sup)).map((c) => [c[0], c[2]]))]);
  exit(Sup, 'shutdown');
}
