/** naughty_child.erl: a child that unlinks from its supervisor (supervisor_SUITE's helper). */
import { unlink, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as naughty_child from './naughty_child.js';

export const MODULE = 'naughty_child';

export function start_link(Pid: Pid): Promise<unknown> {
  return gen_server.start_link(['local', 'naughty_foo'], naughty_child, [Pid], []);
}
export function init([Pid]: [Pid]): ['ok', []] {
  unlink(Pid);
  return ['ok', []];
}
export function handle_call(_Request: unknown, _From: unknown, State: unknown): unknown[] {
  return ['reply', 'ok', State];
}
export function handle_cast(_Msg: unknown, State: unknown): unknown[] {
  return ['noreply', State];
}
export function handle_info(_Info: unknown, State: unknown): unknown[] {
  return ['noreply', State];
}
export function terminate(): 'ok' {
  return 'ok';
}
