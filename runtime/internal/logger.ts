/**
 * Where crash reports go. A report is an event handed to every installed
 * handler; the `default` handler writes it to stderr in the form OTP's
 * logger prints a process crash:
 *
 *   =ERROR REPORT==== 2-Dec-2026::07:02:03.005165 ===
 *   Error in process <0.79.0> with exit value:
 *   {foo,[...]}
 *
 * Tests replace or remove `default` to capture or silence reports.
 */
import { format } from './io-lib-format.js';
import { describe } from './errors.js';
import { list, type List, Pid } from './terms.js';
import { simulator } from './sim-hooks.js';

/** One log event. */
export interface LogEvent {
  readonly level: 'error' | 'warning' | 'notice' | 'info';
  /**
   * The report's kind as OTP's header names it, e.g. `CRASH REPORT` or `SUPERVISOR REPORT`;
   * absent, the level's (`ERROR REPORT`).
   */
  readonly label?: string;
  /** The formatted text, without the header line. */
  readonly text: string;
  readonly meta: {
    readonly pid: Pid | null;
    readonly time: Date;
    /**
     * The same instant in microseconds since the epoch, as OTP's `logger:timestamp()`, where the
     * clock gave them: the header's fraction. Without it the header has `time`'s milliseconds.
     */
    readonly timestamp?: number;
  };
}

/**
 * A log handler: called synchronously with each event. Erlang's handler is a module whose
 * `log/2` callback gets the event and the handler's config; here it is one function.
 * @example
 * // log(#{level := Level, msg := Msg}, _Config) -> io:format(standard_error, "~p: ~p~n", [Level, Msg]).
 * const log: LogHandler = ({ level, text }) => {
 *   process.stderr.write(`${level}: ${text}`);
 * };
 * @see https://www.erlang.org/doc/man/logger.html#HModule:log-2
 */
export type LogHandler = (event: LogEvent) => void;

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * OTP's report header for an event at `time` (local time), as logger_formatter writes it with
 * `legacy_header`: the day of the month unpadded, the rest padded, microseconds.
 * @param timestamp - microseconds since the epoch; when absent, `time`'s milliseconds
 */
export function reportHeader(
  level: LogEvent['level'],
  time: Date,
  timestamp?: number,
  label = `${level.toUpperCase()} REPORT`,
): string {
  const at = timestamp === undefined ? time : new Date(Math.floor(timestamp / 1000));
  const micros = timestamp === undefined ? time.getMilliseconds() * 1000 : timestamp % 1_000_000;
  const stamp =
    `${at.getDate()}-${months[at.getMonth()]}-${at.getFullYear()}::` +
    `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}.` +
    `${String(micros).padStart(6, '0')}`;
  return `=${label}==== ${stamp} ===`;
}

/** Now, in microseconds since the epoch, from the high-resolution clock. */
function timestampNow(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

/**
 * The default handler: OTP's report format on stderr, as `logger_std_h` writes it. Installed
 * as `default`; exported as `logger.default_handler` so a test that removed it can put it back.
 * @param event - the event to print
 * @example
 * // logger:add_handler(default, logger_std_h, #{config => #{type => standard_error}})
 * logger.add_handler('default', logger.default_handler);
 * @see https://www.erlang.org/doc/man/logger_std_h.html
 */
export const stderrHandler: LogHandler = (event) => {
  process.stderr.write(
    `${reportHeader(event.level, event.meta.time, event.meta.timestamp, event.label)}\n${event.text}\n`,
  );
};

const handlers = new Map<string, LogHandler>([['default', stderrHandler]]);

/**
 * Adds a handler under `id`, as logger:add_handler/3: a function here, where Erlang names a
 * handler module and its config.
 * @param id - the handler's id (an atom, a string)
 * @param handler - called synchronously with each event; one that throws is skipped
 * @returns `ok`, or `{error, {already_exist, Id}}`
 * @example
 * // logger:add_handler(my_handler, my_module, #{})
 * const events: logger.LogEvent[] = [];
 * logger.add_handler('my_handler', (event) => events.push(event));
 * @see https://www.erlang.org/doc/man/logger.html#add_handler-3
 */
export function add_handler(id: string, handler: LogHandler): 'ok' | ['error', ['already_exist', string]] {
  if (handlers.has(id)) return ['error', ['already_exist', id]];
  handlers.set(id, handler);
  return 'ok';
}

/**
 * Removes the handler `id`, as logger:remove_handler/1; removing `default` silences crash
 * reports.
 * @param id - the handler's id
 * @returns `ok`, or `{error, {not_found, Id}}`
 * @example
 * // ok = logger:remove_handler(default)
 * logger.remove_handler('default');
 * @see https://www.erlang.org/doc/man/logger.html#remove_handler-1
 */
export function remove_handler(id: string): 'ok' | ['error', ['not_found', string]] {
  if (!handlers.delete(id)) return ['error', ['not_found', id]];
  return 'ok';
}

/**
 * The ids of the installed handlers, as logger:get_handler_ids/0.
 * @returns the handler ids, `[default]` until handlers are added or removed
 * @example
 * // true = lists:member(default, logger:get_handler_ids())
 * logger.get_handler_ids().includes('default');
 * @see https://www.erlang.org/doc/man/logger.html#get_handler_ids-0
 */
export function get_handler_ids(): List<string> {
  return list(...handlers.keys());
}

/** Hands `event` to every handler; a failing handler cannot break the runtime. */
export function log(event: LogEvent): void {
  // A simulation's processes log into its trace (sim-hooks.ts).
  const pid = event.meta.pid;
  if (simulator !== null && pid instanceof Pid && simulator.logged(pid, event.level, event.label, event.text))
    return;
  for (const handler of handlers.values()) {
    try {
      handler(event);
    } catch {
      // A handler that throws is skipped, as OTP's logger removes a crashing one.
    }
  }
}

/**
 * Logs a report of a library (proc_lib's crash report, a supervisor's report) as `pid`, stamped
 * now: `label` is its header's kind (`CRASH REPORT`). `text` may be a function making it, called
 * only when a handler is installed: a test that removed them pays nothing for the formatting.
 */
export function logReport(
  level: LogEvent['level'],
  label: string | undefined,
  text: string | (() => string),
  pid: Pid | null,
): void {
  if (handlers.size === 0) return;
  const timestamp = timestampNow();
  const time = new Date(Math.floor(timestamp / 1000));
  const body = typeof text === 'string' ? text : text();
  log(
    label === undefined
      ? { level, text: body, meta: { pid, time, timestamp } }
      : { level, label, text: body, meta: { pid, time, timestamp } },
  );
}

/** Reports a process crash, as the emulator does for an uncaught error. */
export function reportCrash(pid: Pid, reason: unknown): void {
  let text: string;
  try {
    text = format('Error in process ~p with exit value:~n~p~n', [pid, reason]);
  } catch {
    // ~p refuses a reason that contains itself: the depth-limited rendering never fails.
    text = `Error in process ${pid.toString()} with exit value:\n${describe(reason)}\n`;
  }
  const timestamp = timestampNow();
  log({ level: 'error', text, meta: { pid, time: new Date(Math.floor(timestamp / 1000)), timestamp } });
}
