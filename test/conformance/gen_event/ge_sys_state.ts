// sys on an event manager: get_state is [{Module, Id, State}] (Id false for a bare module),
// replace_state maps each, suspend holds events until resume.
import { io, timer, type Pid } from 'erlts';
import * as gen_event from 'erlts/gen_event';
import * as sys from 'erlts/sys';
import * as self_ from './ge_sys_state.js';
import { names } from '../../otp/gen_event/names.js';

export const MODULE = 'ge_sys_state';

export const init = (S: unknown) => ['ok', S];
export function handle_event(E: unknown, S: unknown) {
  io.format('~p got ~p~n', [S, E]);
  return ['ok', S];
}
export const handle_call = (_Q: unknown, S: unknown) => ['ok', S, S];

export default async function main(): Promise<void> {
  const [, M] = (await gen_event.start(['local', 'ge_sys_mgr'])) as ['ok', Pid];
  await gen_event.add_handler('ge_sys_mgr', self_, 'plain');
  await gen_event.add_handler('ge_sys_mgr', [self_, 7], 'seven');
  io.format('~p~n', [names(await sys.get_state('ge_sys_mgr'))]);
  io.format('~p~n', [
    names(
      await sys.replace_state(M, ([Mod, Id, S]: [unknown, unknown, unknown]): [unknown, unknown, unknown] => [
        Mod,
        Id,
        ['new', S],
      ]),
    ),
  ]);
  io.format('~p~n', [names(await sys.get_state(M))]);
  await sys.suspend(M);
  gen_event.notify(M, 'while_suspended');
  await timer.sleep(30);
  io.format('resuming~n');
  await sys.resume(M);
  await gen_event.sync_notify(M, 'after_resume');
  const [, , , [, State, , , Items]] = await sys.get_status(M);
  if (State !== 'running') throw new Error('not running');
  io.format('~p~n', [(Items as [unknown, unknown][]).find(([K]) => K === 'header')?.[1]]);
  await gen_event.stop('ge_sys_mgr');
}
