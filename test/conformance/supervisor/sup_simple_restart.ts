// simple_one_for_one: start_child with extra args, a crashed child is restarted, count_children.
import { _, exit, io, list, monitor, on, receive, send, spawn_link, timer, unlink, type Pid } from 'erlts';
import * as supervisor from 'erlts/supervisor';
import * as self_ from './sup_simple_restart.js';

export const MODULE = 'sup_simple_restart';

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
    { strategy: 'simple_one_for_one' },
    [{ id: 'w', start: [self_, 'start_worker', []] }],
  ])) as ['ok', Pid];
  unlink(Sup);
  const [, P1] = await supervisor.start_child(Sup, ['one']);
  const [, P2] = await supervisor.start_child(Sup, ['two']);
  io.format('children: ~p~n', [(await supervisor.which_children(Sup)).length]);
  await stop(P1, 'die');
  const Ps = await pids(Sup);
  io.format('p1 gone: ~p, p2 kept: ~p, count: ~p~n', [
    !Ps.includes(P1 as Pid),
    Ps.includes(P2 as Pid),
    Ps.length,
  ]);
  io.format('counts: ~p~n', [await supervisor.count_children(Sup)]);
  io.format('terminate by id: ~p~n', [await supervisor.terminate_child(Sup, 'w')]);
  io.format('terminate by pid: ~p~n', [await supervisor.terminate_child(Sup, P2)]);
  io.format('restart: ~p, delete: ~p~n', [
    await supervisor.restart_child(Sup, 'w'),
    await supervisor.delete_child(Sup, 'w'),
  ]);
  io.format('counts: ~p~n', [await supervisor.count_children(Sup)]);
  exit(Sup, 'shutdown');
}
