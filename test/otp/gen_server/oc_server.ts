/**
 * OTP's gen_server_SUITE_data/oc_server.erl: a server with only the mandatory callbacks
 * (init, and none of handle_call, handle_cast, handle_info, terminate, code_change).
 */
import { list } from 'erlts';

export const MODULE = 'oc_server';

export function init(args: unknown): ['ok', unknown] | ['ok', unknown, ['continue', unknown]] {
  // OTP 21+'s oc_server:init(continue) asks for a handle_continue it does not have.
  return args === 'continue' ? ['ok', list(), ['continue', 'continue']] : ['ok', list()];
}
