// auto_shutdown: any_significant ends the supervisor at the first significant exit, all_significant at the last.
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
import * as self_ from './sup_auto_shutdown.js';

export const MODULE = 'sup_auto_shutdown';

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
  const Sig = (Id: string) => ({ ...spec(Id, 'transient'), significant: true });
  const [, S1] = (await supervisor.start_link(self_, [
    { auto_shutdown: 'any_significant' },
    [Sig('a'), Sig('b'), spec('c', 'permanent')],
  ])) as ['ok', Pid];
  const [, , A1] = await pids(S1);
  await stop(A1, 'stop');
  await receive(on(['EXIT', S1, _], (m) => io.format('any: ~p~n', [m[2]])));
  const [, S2] = (await supervisor.start_link(self_, [
    { auto_shutdown: 'all_significant' },
    [Sig('a'), Sig('b')],
  ])) as ['ok', Pid];
  const [B2, A2] = await pids(S2);
  await stop(A2, 'stop');
  io.format('all, one left: ~p~n', [is_process_alive(S2)]);
  await stop(B2, 'die');
  io.format('all, crash restarts: ~p~n', [is_process_alive(S2)]);
  const B3 = (await supervisor.which_children(S2)).find((c) => c[0] === 'b')?.[1];
  await stop(B3, 'stop');
  await receive(on(['EXIT', S2, _], (m) => io.format('all: ~p~n', [m[2]])));
}
