/**
 * erlts/gen_statem — OTP 25's `gen_statem`: a state machine behaviour. A callback module (an ES
 * module namespace) says its `callback_mode()` (`state_functions`, where the state `locked`
 * calls the module's `locked(EventType, EventContent, Data)`, or `handle_event_function`,
 * optionally with `state_enter`), `init(Args)` returns `['ok', State, Data]`, and each event's
 * callback returns a transition (`['next_state', S, D, Actions]`, `'keep_state_and_data'`,
 * `['stop', R]`, ...) with actions (`'postpone'`, `['next_event', T, C]`, `['reply', From, R]`,
 * `['state_timeout', T, Msg]`, ...), with OTP's ordering of events, timeouts and replies, and
 * OTP's exit reasons for bad results.
 *
 * @example
 * import * as gen_statem from 'erlts/gen_statem';
 * // {ok, Pid} = gen_statem:start_link({local, code_lock}, code_lock, [1,2,3,4], [])
 * const [, Pid] = await gen_statem.start_link(['local', 'code_lock'], code_lock, [1, 2, 3, 4], []);
 */
export {
  start,
  start_link,
  start_monitor,
  stop,
  cast,
  call,
  reply,
  send_request,
  wait_response,
  receive_response,
  check_response,
  enter_loop,
  system_continue,
  system_terminate,
  system_get_state,
  system_replace_state,
  system_code_change,
  format_status,
} from './internal/gen-statem.js';
export type {
  Action,
  Actions,
  CallbackMode,
  CallbackModeName,
  EnterLoopOption,
  EventTimeout,
  EventType,
  From,
  GenStatemModule,
  InitResult,
  StartMonitorResult,
  StartOption,
  StartResult,
  StateCallbackResult,
  StateFunction,
  TimeoutEventType,
  TimeoutOption,
} from './internal/types.js';
export type { ServerName, ServerRef } from '../gen/internal/names.js';
