/**
 * gen_server's reports, in the text OTP 25's gen_server:format_log/1 gives them: the error
 * report of a server that terminates abnormally, and the warning for a message nobody handles.
 */
import { io_lib, is_process_alive, list, type Pid } from '../../../runtime/index.js';
import { logReport, type List } from '../../../runtime/internal/library-api.js';
import { moduleName } from '../../gen/internal/module.js';

/** What the terminate report tells. */
export interface TerminateReport {
  readonly name: unknown;
  readonly lastMessage: unknown;
  readonly state: unknown;
  readonly reason: unknown;
  readonly log: List;
  /** The caller of the call being handled, if the last message was a call. */
  readonly client: Pid | null;
}

/** Logs `** Generic server Name terminating ...` at level error. */
export function terminateReport(r: TerminateReport, self: Pid): void {
  const lines = [
    io_lib.format('** Generic server ~tp terminating ', [r.name]),
    io_lib.format('** Last message in was ~tp', [r.lastMessage]),
    io_lib.format('** When Server state == ~tp', [r.state]),
    '** Reason for termination ==',
    io_lib.format('** ~tp', [r.reason]),
  ];
  if (r.log.length > 0)
    lines.push(`** Log ==\n** [${r.log.map((e) => io_lib.format('~tp', [e])).join(',\n    ')}]`);
  if (r.client !== null) {
    if (!is_process_alive(r.client)) lines.push(io_lib.format('** Client ~tp is dead', [r.client]));
    else {
      // erlts cannot read another process's stack (docs/DEVIATIONS.md): the list is empty.
      lines.push(io_lib.format('** Client ~tp stacktrace', [r.client]), io_lib.format('** ~tp', [list()]));
    }
  }
  logReport('error', undefined, `${lines.join('\n')}\n`, self);
}

/** Logs `** Undefined handle_info in Mod` at level warning. */
export function noHandleInfo(mod: object, msg: unknown, self: Pid): void {
  const text =
    io_lib.format('** Undefined handle_info in ~p', [moduleName(mod)]) +
    '\n' +
    io_lib.format('** Unhandled message: ~tp', [msg]) +
    '\n';
  logReport('warning', undefined, text, self);
}
