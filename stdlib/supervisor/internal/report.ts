/**
 * The supervisor's reports, in the text OTP 25's logger prints for them (supervisor:format_log/2
 * with the default formatter): a `SUPERVISOR REPORT` at level error for start_error,
 * child_terminated, shutdown_error and shutdown (reached_max_restart_intensity). Progress
 * reports are at level info, which OTP 25's default logger level (notice) does not print, so
 * erlts writes none.
 */
import { io_lib, is_pid, list, type Pid } from '../../../runtime/index.js';
import { logReport, type List } from '../../../runtime/internal/library-api.js';
import { moduleName } from '../../gen/internal/module.js';
import type { Child } from './child-spec.js';

/** The supervisor's name as its reports print it: `{local, Name}`, or `{Pid, Module}` for start_link/2. */
export function printableName(name: unknown): unknown {
  if (Array.isArray(name) && name.length === 2 && is_pid(name[0])) return [name[0], moduleName(name[1])];
  if (Array.isArray(name) && name.length === 3 && name[0] === 'via')
    return ['via', moduleName(name[1]), name[2]];
  return name;
}

/** extract_child/1: the offender as OTP's report lists it, modules by name. */
export function extractChild(c: Child): List {
  const mfargs = [moduleName(c.mfargs[0]), c.mfargs[1], c.mfargs[2]];
  const head: [string, unknown] =
    Array.isArray(c.pid) && c.pid.constructor !== Array ? ['nb_children', c.pid.length] : ['pid', c.pid];
  return list(
    head,
    ['id', c.id],
    ['mfargs', mfargs],
    ['restart_type', c.restart_type],
    ['significant', c.significant],
    ['shutdown', c.shutdown],
    ['child_type', c.child_type],
  );
}

/** The text of a supervisor report (format_log_multi). */
export function reportText(supName: unknown, context: string, reason: unknown, offender: List): string {
  return io_lib.format('    supervisor: ~tp~n    errorContext: ~tp~n    reason: ~tp~n    offender: ~tp~n', [
    printableName(supName),
    context,
    reason,
    offender,
  ]);
}

/** ?report_error(Context, Reason, Child, SupName): a SUPERVISOR REPORT at level error. */
export function reportError(
  context: string,
  reason: unknown,
  child: Child,
  supName: unknown,
  self: Pid,
): void {
  logReport(
    'error',
    'SUPERVISOR REPORT',
    () => reportText(supName, context, reason, extractChild(child)),
    self,
  );
}

/** The report of a message the supervisor does not expect. */
export function unexpectedMessage(msg: unknown, self: Pid): void {
  logReport('error', undefined, io_lib.format('Supervisor received unexpected message: ~tp~n', [msg]), self);
}
