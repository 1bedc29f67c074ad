/** supervisor_2.erl: a child whose terminate takes Time ms (supervisor_SUITE's helper). */
import { ErlangError, process_flag, timer } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as supervisor_2 from './supervisor_2.js';

export const MODULE = 'supervisor_2';

export function start_child(Time: number): Promise<unknown> {
  if (!(Number.isInteger(Time) && Time > 0))
    throw new ErlangError('function_clause', 'supervisor_2:start_child/1');
  return gen_server.start_link(supervisor_2, Time, []);
}
export function init(Time: number): ['ok', number] {
  process_flag('trap_exit', true);
  return ['ok', Time];
}
export function handle_call(Req: unknown, _From: unknown, State: unknown): unknown[] {
  return ['reply', Req, State];
}
export function handle_info(_: unknown, State: unknown): unknown[] {
  return ['noreply', State];
}
export async function terminate(_Reason: unknown, Time: number): Promise<'ok'> {
  await timer.sleep(Time);
  return 'ok';
}
