/**
 * erlts/gen_event — OTP 25's `gen_event`: an event manager process with any number of event
 * handlers installed in it. Each event (notify, sync_notify) goes to every handler's
 * handle_event in turn; a handler can be called (call), swapped for another (swap_handler),
 * removed, and supervised by the process that installed it (add_sup_handler, with
 * `{gen_event_EXIT, Handler, Reason}` messages). A handler module is an object whose functions
 * are the callbacks, normally an ES module namespace.
 *
 * @example
 * import * as gen_event from 'erlts/gen_event';
 * import * as terminal_logger from './terminal_logger.js';
 * // {ok, Pid} = gen_event:start({local, error_man}),
 * // ok = gen_event:add_handler(error_man, terminal_logger, []),
 * // ok = gen_event:notify(error_man, no_reply)
 * const [, Pid] = await gen_event.start(['local', 'error_man']);
 * await gen_event.add_handler('error_man', terminal_logger, []);
 * gen_event.notify('error_man', 'no_reply');
 */
export {
  start,
  start_link,
  start_monitor,
  stop,
  add_handler,
  add_sup_handler,
  delete_handler,
  swap_handler,
  swap_sup_handler,
  which_handlers,
  notify,
  sync_notify,
  call,
  send_request,
  wait_response,
  receive_response,
  check_response,
  type StartOption,
  type EventMgrRef,
  type RequestId,
} from './internal/api.js';
export type {
  GenEventHandler,
  HandlerModule,
  HandlerId,
  InitResult,
  HandleEventResult,
  HandleCallResult,
  FormatStatus,
  GenEventExit,
  StartResult,
} from './internal/types.js';
