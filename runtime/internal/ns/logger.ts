/** Crash-report handlers, as the `logger` namespace of `erlts`. */
export {
  add_handler,
  remove_handler,
  get_handler_ids,
  stderrHandler as default_handler,
  type LogEvent,
  type LogHandler,
} from '../logger.js';
