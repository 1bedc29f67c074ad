/**
 * erlts/proc_lib — OTP 25's `proc_lib`: processes that know their parent and ancestors, start
 * synchronously (`start`/`start_link`/`start_monitor` with `init_ack`), and write a crash report
 * in OTP's form through `logger` when they fail. Every behaviour runs in one.
 *
 * A function to run is a fun, or `Module, 'Function', Args` where Module is an object (an ES
 * module namespace) and `Module[Function](...Args)` is called.
 *
 * @example
 * import * as proc_lib from 'erlts/proc_lib';
 * // {ok, Pid} = proc_lib:start_link(my_server, init, [self()])
 * const [, Pid] = await proc_lib.start_link(my_server, 'init', [self()]);
 */
export {
  spawn,
  spawn_link,
  spawn_opt,
  start,
  start_link,
  start_monitor,
  init_ack,
  initial_call,
  translate_initial_call,
  stop,
  type SpawnOption,
} from './internal/proc-lib.js';
