// A supervisor stops its children in reverse start order.
import {
  _,
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
import * as self_ from './sup_shutdown_order.js';

export const MODULE = 'sup_shutdown_order';

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
    {},
    [spec('a', 'permanent'), spec('b', 'permanent'), spec('c', 'permanent')],
  ])) as ['ok', Pid];
  const w = await supervisor.which_children(Sup);
  const Refs = w.map((c) => [monitor('process', c[1] as Pid), c[0]] as const);
  exit(Sup, 'shutdown');
  const Order = [];
  for (const [Ref, I] of Refs)
    Order.push(await receive(on(['DOWN', Ref, 'process', _, _], (m) => [I, m[4]])));
  io.format('down: ~p~n', [list(...Order)]);
  await receive(on(['EXIT', Sup, _], (m) => io.format('supervisor exit: ~p~n', [m[2]])));
}
