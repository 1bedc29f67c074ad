/** supervisor_SUITE's own callbacks: the supervisor callback module of the suite, and OTP-9212's servers. */
import { error, timer } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as supervisor from 'erlts/supervisor';
import * as supervisor_SUITE from './supervisor_SUITE.js';

export const MODULE = 'supervisor_SUITE';

/** init(fail) -> erlang:error(fail); init(InitResult) -> InitResult. */
export function init(initResult: unknown): never {
  if (initResult === 'fail') error('fail');
  return initResult as never;
}

export function middle9212(): Promise<unknown> {
  const Child = ['child', [supervisor_SUITE, 'gen_server9212', []], 'permanent', 2000, 'worker', []];
  const InitResult = ['ok', [['one_for_all', 3, 60], [Child]]];
  return supervisor.start_link(['global', 'sup2'], supervisor_SUITE, InitResult);
}

export function gen_server9212(): Promise<unknown> {
  const InitResult = ['ok', []];
  return gen_server.start_link(['global', 'server'], supervisor_SUITE, InitResult, []);
}

export async function handle_info(msg: unknown, _state: unknown): Promise<never> {
  const [, With, After] = msg as ['fail', unknown, number];
  await timer.sleep(After);
  return error(With);
}

export function start_registered_name(name: string): Promise<unknown> {
  return supervisor.start_link(['local', name], supervisor_SUITE, []);
}
