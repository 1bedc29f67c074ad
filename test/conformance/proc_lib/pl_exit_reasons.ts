// The exit reason of a proc_lib process whose function returns, exits,
// raises an error or throws, seen through a link and a monitor; and what
// proc_lib keeps in its dictionary ($ancestors, $initial_call).
import * as erlang from 'erlts';
import {
  _,
  exit,
  get,
  io,
  monitor,
  on,
  process_flag,
  process_info,
  receive,
  register,
  self,
  send,
  unregister,
  type Pid,
} from 'erlts';
import * as proc_lib from 'erlts/proc_lib';
import * as self_ from './pl_exit_reasons.js';

export const MODULE = 'pl_exit_reasons';

export default async function main(): Promise<void> {
  process_flag('trap_exit', true);
  for (const How of [
    'return',
    ['exit', 'normal'],
    ['exit', ['shutdown', 'x']],
    ['exit', 'boom'],
    ['error', 'badarg'],
    ['throw', 'oops'],
  ]) {
    const P = proc_lib.spawn_link(self_, 'run', [How]);
    const M = monitor('process', P);
    const Down = await receive(on(['DOWN', M, 'process', P, _], ([, , , , D]) => head(D)));
    const Exit = await receive(on(['EXIT', P, _], ([, , E]) => head(E)));
    p([How, Down, Exit]);
  }
  register('pl_parent', self());
  const P = proc_lib.spawn(self_, 'info', [self()]);
  p(await receive(on(['info', _], ([, I]) => I)));
  p(proc_lib.initial_call(P));
  p(proc_lib.translate_initial_call(P));
  p(proc_lib.initial_call(self()));
  p(proc_lib.translate_initial_call(self()));
  send(P, 'go');
  unregister('pl_parent');
}

function head(R: unknown): unknown {
  if (
    Array.isArray(R) &&
    R.length === 2 &&
    Array.isArray(R[1]) &&
    Array.isArray(R[1][0]) &&
    R[1][0].length === 4
  )
    return [R[0], 'stack'];
  return R;
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

export function run(How: unknown): unknown {
  if (How === 'return') return 'done';
  const [C, R] = How as [string, unknown];
  if (C === 'exit') return exit(R);
  if (C === 'error') return erlang.error(R);
  return erlang.throw(R);
}

export async function info(Parent: Pid): Promise<void> {
  send(Parent, ['info', [get('$ancestors'), get('$initial_call'), process_info(self(), 'initial_call')]]);
  await receive(on('go', () => 'ok'));
}
