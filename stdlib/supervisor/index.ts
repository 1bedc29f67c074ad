/**
 * erlts/supervisor — OTP 25's `supervisor`: the behaviour that starts, watches and restarts
 * other processes. A supervisor is a gen_server (as in OTP) whose callback module's `init`
 * gives its flags and child specifications, as objects or as OTP's old tuples:
 *
 * @example
 * // -module(ch_sup). -behaviour(supervisor).
 * // start_link() -> supervisor:start_link(ch_sup, []).
 * // init(_Args) ->
 * //     SupFlags = #{strategy => one_for_one, intensity => 1, period => 5},
 * //     ChildSpecs = [#{id => ch3, start => {ch3, start_link, []},
 * //                     restart => permanent, shutdown => brutal_kill,
 * //                     type => worker, modules => [ch3]}],
 * //     {ok, {SupFlags, ChildSpecs}}.
 * import * as supervisor from 'erlts/supervisor';
 * import * as ch3 from './ch3.js';
 * import * as ch_sup from './ch_sup.js';
 * export const start_link = () => supervisor.start_link(ch_sup, []);
 * export function init(_Args: unknown) {
 *   const SupFlags = { strategy: 'one_for_one', intensity: 1, period: 5 };
 *   const ChildSpecs = [{ id: 'ch3', start: [ch3, 'start_link', []],
 *                         restart: 'permanent', shutdown: 'brutal_kill',
 *                         type: 'worker', modules: [ch3] }];
 *   return ['ok', [SupFlags, ChildSpecs]];
 * }
 */
export {
  start_link,
  start_child,
  restart_child,
  delete_child,
  terminate_child,
  get_childspec,
  which_children,
  count_children,
  check_childspecs,
  get_callback_module,
  type SupState,
  type StartLinkResult,
  type StartChildResult,
  type ChildInfo,
  type ChildCounts,
} from './internal/supervisor.js';
export type {
  SupervisorModule,
  SupervisorCallbacks,
  SupFlags,
  SupFlagsMap,
  ChildSpec,
  ChildSpecMap,
  FullChildSpec,
  InitResult,
  Strategy,
  AutoShutdown,
  Restart,
  Shutdown,
  ChildType,
  MFArgs,
} from './internal/types.js';
