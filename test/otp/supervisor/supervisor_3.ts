/** supervisor_3.erl: a child whose init waits for the test to tell it what to return (supervisor_SUITE's helper). */
import { on, receive, send, self, timer, _, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as supervisor_3 from './supervisor_3.js';

export const MODULE = 'supervisor_3';

export function start_child(Name: string, Caller: Pid): Promise<unknown> {
  return gen_server.start_link(supervisor_3, [Name, Caller], []);
}
export function init([Name, Caller]: [string, Pid]): Promise<unknown[]> {
  send(Caller, [Name, self()]);
  return receive(on([_, Caller], ([Result]) => Result as unknown[]));
}
export function handle_call(Req: unknown, _From: unknown, State: unknown): unknown[] {
  return ['reply', Req, State];
}
export function handle_info(_: unknown, State: unknown): unknown[] {
  return ['noreply', State];
}
export async function terminate(_Reason: unknown, Time: unknown): Promise<'ok'> {
  if (typeof Time === 'number') await timer.sleep(Time);
  return 'ok';
}
