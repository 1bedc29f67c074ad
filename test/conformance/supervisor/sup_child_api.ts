// start_child, terminate_child, restart_child, delete_child and get_childspec: results and errors.
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
import * as self_ from './sup_child_api.js';

export const MODULE = 'sup_child_api';

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
  const [, Sup] = (await supervisor.start_link(self_, [{}, []])) as ['ok', Pid];
  unlink(Sup);
  const [, P] = await supervisor.start_child(Sup, spec('a', 'permanent'));
  const again = (await supervisor.start_child(Sup, spec('a', 'permanent'))) as unknown[];
  io.format('again: ~p~n', [
    again[0] === 'error' &&
      (again[1] as unknown[])[0] === 'already_started' &&
      (again[1] as unknown[])[1] === P,
  ]);
  io.format('~p ~p~n', [await supervisor.delete_child(Sup, 'a'), await supervisor.restart_child(Sup, 'a')]);
  io.format('~p ~p~n', [
    await supervisor.terminate_child(Sup, 'a'),
    await supervisor.terminate_child(Sup, 'nope'),
  ]);
  io.format('~p ~p~n', [
    await supervisor.start_child(Sup, spec('a', 'permanent')),
    list(...(await supervisor.which_children(Sup)).map((c) => [c[0], c[1], c[2]])),
  ]);
  const [, P2] = await supervisor.restart_child(Sup, 'a');
  io.format('restarted: ~p~n', [is_pid(P2) && P2 !== P]);
  const [, Spec] = (await supervisor.get_childspec(Sup, 'a')) as ['ok', supervisor.FullChildSpec];
  io.format('spec: ~p ~p ~p ~p~n', [Spec.restart, Spec.shutdown, Spec.type, Spec.significant]);
  io.format('~p~n', [await supervisor.get_childspec(Sup, 'nope')]);
  await supervisor.terminate_child(Sup, 'a');
  io.format('~p ~p~n', [await supervisor.delete_child(Sup, 'a'), await supervisor.delete_child(Sup, 'a')]);
  const [, [Bad]] = (await supervisor.start_child(Sup, { id: 'j', start: [self_, 'start_junk', []] })) as [
    'error',
    [unknown],
  ];
  io.format('junk start: ~p~n', [Bad]);
  io.format('~p~n', [
    await supervisor.start_child(Sup, {
      id: 'k',
      start: [self_, 'start_worker', ['k']],
      restart: 'sometimes',
    }),
  ]);
  exit(Sup, 'shutdown');
}
