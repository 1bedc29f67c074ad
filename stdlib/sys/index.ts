/**
 * erlts/sys — OTP 25's `sys`: the system messages every behaviour understands (get_state,
 * replace_state, get_status, suspend, resume, terminate, trace, log, statistics) and the
 * functions a hand-written special process uses to understand them too (handle_system_msg,
 * handle_debug, debug_options, get_log).
 *
 * @example
 * import * as sys from 'erlts/sys';
 * // State = sys:get_state(ch3)
 * const State = await sys.get_state('ch3');
 */
export {
  get_state,
  replace_state,
  get_status,
  suspend,
  resume,
  terminate,
  trace,
  statistics,
  log,
  no_debug,
  install_ as install,
  remove_ as remove,
  change_code,
  handle_system_msg,
  handle_debug,
  debug_options,
  get_log,
  type Debug,
  type DebugEntry,
  type DebugOption,
  type DebugFun,
  type FormFunc,
  type SystemModule,
  type SysRef,
} from './internal/sys.js';
