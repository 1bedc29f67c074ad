// More restarts than the intensity allows: the supervisor shuts its children down and exits shutdown.
import {
  _,
  exit,
  is_process_alive,
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
import * as self_ from './sup_intensity.js';

export const MODULE = 'sup_intensity';

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
  const [, Sup] = (await supervisor.start_link(self_, [
    ['one_for_one', 1, 10],
    [spec('a', 'permanent'), spec('b', 'permanent')],
  ])) as ['ok', Pid];
  const [B1] = await pids(Sup);
  await stop(B1, 'die');
  const [B2, A2] = await pids(Sup);
  io.format('restarted once, alive: ~p~n', [is_process_alive(B2 as Pid)]);
  await stop(B2, 'die');
  await receive(on(['EXIT', Sup, _], (m) => io.format('supervisor exit: ~p~n', [m[2]])));
  io.format('a alive: ~p~n', [is_process_alive(A2 as Pid)]);
}
