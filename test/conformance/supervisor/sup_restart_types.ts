// permanent, transient and temporary children ending normally and abnormally.
import {
  _,
  exit,
  is_pid,
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
import * as self_ from './sup_restart_types.js';

export const MODULE = 'sup_restart_types';

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
    { intensity: 10 },
    [spec('p', 'permanent'), spec('t', 'transient'), spec('x', 'temporary')],
  ])) as ['ok', Pid];
  unlink(Sup);
  const [X1, T1, P1] = await pids(Sup);
  await stop(P1, 'stop');
  await stop(T1, 'stop');
  await stop(X1, 'stop');
  const flags = async () => list(...(await supervisor.which_children(Sup)).map((c) => [c[0], is_pid(c[1])]));
  io.format('after normal exits: ~p~n', [await flags()]);
  const [, T2] = await supervisor.restart_child(Sup, 't');
  await stop(T2, 'die');
  io.format('after transient crash: ~p~n', [await flags()]);
  const [, X2] = await supervisor.start_child(Sup, spec('x', 'temporary'));
  await stop(X2, 'die');
  io.format('after temporary crash: ~p~n', [await ids(Sup)]);
  exit(Sup, 'shutdown');
}
