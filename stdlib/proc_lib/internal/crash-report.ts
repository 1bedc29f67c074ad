/**
 * proc_lib's crash report: what a process started by proc_lib writes through `logger` when it
 * ends with a reason other than `normal`, `shutdown` or `{shutdown, _}`, in the text OTP 25's
 * proc_lib:format/1 gives it (docs/design/behaviours.md has a real one):
 *
 *   crasher:
 *     initial call: ch3:init/1
 *     pid: <0.82.0>
 *     registered_name: []
 *     exception error: boom
 *       in function  ...
 *     ancestors: [<0.80.0>]
 *     ...
 *   neighbours:
 */
import { io_lib, list, process_info, self, type Pid } from '../../../runtime/index.js';
import { List, logReport } from '../../../runtime/internal/library-api.js';

/** One exception as a report prints it: class, reason, stack (`{M, F, Arity, Location}` frames). */
export interface ErrorInfo {
  readonly class: 'error' | 'exit' | 'throw';
  readonly reason: unknown;
  readonly stack: readonly unknown[];
}

/** Whether an exit with `reason` is an expected one, which proc_lib does not report. */
export function isQuietExit(cls: ErrorInfo['class'], reason: unknown): boolean {
  if (cls !== 'exit') return false;
  return (
    reason === 'normal' ||
    reason === 'shutdown' ||
    (Array.isArray(reason) && reason.length === 2 && reason[0] === 'shutdown')
  );
}

const wordLimit = 15;

/** `'$ancestors'` of `pid`, from its dictionary. */
function ancestorsOf(pid: Pid): unknown {
  const dict = process_info(pid, 'dictionary');
  if (dict === 'undefined') return list();
  const entry = (dict[1] as [unknown, unknown][]).find(([k]) => k === '$ancestors');
  return entry === undefined ? list() : entry[1];
}

function cleanDictionary(dict: unknown): List {
  return list(...(dict as [unknown, unknown][]).filter(([k]) => k !== '$ancestors' && k !== '$initial_call'));
}

/** The items of a process's part of the report, after its pid, as proc_lib collects them. */
function processItems(pid: Pid): [string, unknown][] | null {
  const info = process_info(pid, [
    'registered_name',
    'message_queue_len',
    'messages',
    'links',
    'dictionary',
    'trap_exit',
    'status',
    'reductions',
  ]);
  if (info === 'undefined') return null;
  const get = (item: string): unknown => (info as [string, unknown][]).find(([k]) => k === item)?.[1];
  return [
    ['registered_name', get('registered_name')],
    ['ancestors', ancestorsOf(pid)],
    ['message_queue_len', get('message_queue_len')],
    ['messages', get('messages')],
    ['links', get('links')],
    ['dictionary', cleanDictionary(get('dictionary'))],
    ['trap_exit', get('trap_exit')],
    ['status', get('status')],
    // erlts has no per-process heap or stack to measure (docs/DEVIATIONS.md).
    ['heap_size', 0],
    ['stack_size', 0],
    ['reductions', get('reductions')],
  ];
}

/** `M:F/A` of a `'$initial_call'` `{M, F, Arity}`. */
function mfaText(mfa: unknown): string | null {
  if (Array.isArray(mfa) && mfa.length === 3 && typeof mfa[2] === 'number') {
    return `${io_lib.format('~w', [mfa[0]])}:${io_lib.format('~w', [mfa[1]])}/${mfa[2]}`;
  }
  return null;
}

function initialCallOf(pid: Pid): string {
  const dict = process_info(pid, 'dictionary');
  const entry =
    dict === 'undefined' ? undefined : (dict[1] as [unknown, unknown][]).find(([k]) => k === '$initial_call');
  const text = entry === undefined ? null : mfaText(entry[1]);
  if (text !== null) return text;
  const ic = process_info(pid, 'initial_call');
  return ic === 'undefined' ? 'undefined' : (mfaText(ic[1]) ?? 'undefined');
}

function tag(indent: string, name: string, value: unknown): string {
  return indent + io_lib.format('~p: ~.18tp', [name, value]);
}

/**
 * The text of one exception as erl_error:format_exception/8 gives it for a report whose items
 * are indented by `indent`: `exception Class: Explanation`, then the stack's frames.
 */
function formatException(info: ErrorInfo, indent: string): string {
  const head = `${indent}exception ${info.class}: ${explain(info, indent)}`;
  const lines = [head];
  // An undef's top frame is the missing function, which the explanation names (analyze_exception).
  const frames =
    info.class === 'error' && info.reason === 'undef' && undefFrame(info) ? info.stack.slice(1) : info.stack;
  frames.forEach((frame, i) => {
    const text = frameText(frame);
    if (text !== null) lines.push(`${indent}  ${i === 0 ? 'in function  ' : 'in call from '}${text}`);
  });
  return lines.join('\n');
}

/** One stack frame `{M, F, Arity, Location}` as `M:F/A (File, line N)`. */
function frameText(frame: unknown): string | null {
  if (!Array.isArray(frame) || frame.length !== 4) return null;
  const [m, f, a, loc] = frame as [unknown, unknown, unknown, unknown];
  const arity = Array.isArray(a) ? a.length : a;
  let where = '';
  if (Array.isArray(loc)) {
    const file = (loc as [unknown, unknown][]).find((x) => Array.isArray(x) && x[0] === 'file')?.[1];
    const line = (loc as [unknown, unknown][]).find((x) => Array.isArray(x) && x[0] === 'line')?.[1];
    if (typeof file === 'string' && line !== undefined) where = ` (${file}, line ${String(line)})`;
  }
  return `${io_lib.format('~w', [m])}:${io_lib.format('~w', [f])}/${String(arity)}${where}`;
}

/** The top frame of an undef's stack when it is `{M, F, Args | Arity, Location}`. */
function undefFrame(info: ErrorInfo): [unknown, unknown, unknown, unknown] | null {
  const top = info.stack[0];
  return Array.isArray(top) && top.length === 4 ? (top as [unknown, unknown, unknown, unknown]) : null;
}

/**
 * erl_error:explain_reason/7: the words for the reasons the emulator raises, else the term
 * pretty-printed from the column after `exception Class: ` (the report's indent, one more, then
 * that prefix: `~.22p` for an error under a four-space indent).
 */
function explain(info: ErrorInfo, indent: string): string {
  const { class: cls, reason } = info;
  const exited = `exception ${cls}: `.length;
  const column = indent.length + 1 + exited;
  const p = (t: unknown, col: number): string => io_lib.format(`~.${col}tp`, [t]);
  // format_value/6: the value after the words, or on the next line when that takes fewer lines.
  const value = (words: string, v: unknown): string => {
    const s1 = p(v, column + words.length);
    const n1 = s1.split('\n').length - 1;
    if (n1 > 1) {
      const s2 = p(v, indent.length + 1 + exited);
      if (s2.split('\n').length - 1 < n1) return `${words}\n${indent}${' '.repeat(exited)}${s2}`;
    }
    return words + s1;
  };
  if (cls === 'error') {
    if (reason === 'badarg') return 'bad argument';
    if (reason === 'badarith') return 'an error occurred when evaluating an arithmetic expression';
    if (reason === 'if_clause') return 'no true branch found when evaluating an if expression';
    if (reason === 'noproc') return 'no such process or port';
    if (reason === 'notalive') return 'the node cannot be part of a distributed system';
    if (reason === 'system_limit') return 'a system limit has been reached';
    if (reason === 'timeout_value') return 'bad receive timeout value';
    if (reason === 'function_clause') return 'no function clause matching';
    if (reason === 'undef') {
      const top = undefFrame(info);
      if (top !== null) {
        const [m, f, a] = top;
        const arity = Array.isArray(a) ? a.length : a;
        return `undefined function ${io_lib.format('~w', [m])}:${io_lib.format('~w', [f])}/${String(arity)}`;
      }
    }
    if (Array.isArray(reason) && reason.length === 2) {
      const [kind, v] = reason as [unknown, unknown];
      if (kind === 'badarg') return value('bad argument: ', v);
      if (kind === 'badkey') return value('bad key: ', v);
      if (kind === 'badmap') return value('bad map: ', v);
      if (kind === 'badfun') return value('bad function ', v);
      if (kind === 'badmatch') return value('no match of right hand side value ', v);
      if (kind === 'case_clause') return value('no case clause matching ', v);
      if (kind === 'try_clause') return value('no try clause matching ', v);
    }
  }
  if (cls === 'exit' && reason === 'calling_self') return 'the current process attempted to call itself';
  return p(reason, column);
}

/**
 * The processes linked to `pid` that do not trap exits, and theirs, at most 15, in the order
 * OTP's neighbours/1 gives them (its visit/2, literally: a visited process goes first).
 */
function neighbours(pid: Pid): Pid[] {
  const visit = (ps: Pid[], n: number, vs: Pid[]): [number, Pid[]] => {
    if (ps.length === 0 || n <= 0) return [n, vs];
    const [p, ...rest] = ps as [Pid, ...Pid[]];
    if (vs.includes(p)) return visit(rest, n, vs);
    const [n1, vs1] = visit(rest, n - 1, [p, ...vs]);
    return visit(adjacent(p), n1, vs1);
  };
  return visit(adjacent(pid), wordLimit, [pid])[1].filter((p) => p !== pid);
}

function adjacent(pid: Pid): Pid[] {
  const links = process_info(pid, 'links');
  if (links === 'undefined') return [];
  return (links[1] as Pid[]).filter((p) => {
    const trap = process_info(p, 'trap_exit');
    return trap !== 'undefined' && trap[1] === false;
  });
}

/**
 * Writes the calling process's crash report: its own part (initial call, the exception, its
 * state) and one part per neighbour.
 */
export function crashReport(info: ErrorInfo, initialCall: unknown): void {
  const me = self();
  const own = processItems(me) ?? [];
  const indent = '    ';
  const lines: string[] = ['  crasher:'];
  const mfa = mfaText(initialCall);
  if (mfa !== null) lines.push(`${indent}initial call: ${mfa}`);
  lines.push(tag(indent, 'pid', me));
  lines.push(tag(indent, 'registered_name', (own[0] as [string, unknown])[1]));
  lines.push(formatException(info, indent));
  for (const [k, v] of own.slice(1)) lines.push(tag(indent, k, v));
  const parts: string[] = [];
  for (const pid of neighbours(me)) {
    const items = processItems(pid);
    if (items === null) continue;
    const item = (k: string): unknown => items.find(([key]) => key === k)?.[1];
    const inner = '      ';
    const current = process_info(pid, 'current_function');
    // make_neighbour_report/1's items: no messages, no dictionary; erlts cannot read another
    // process's stack, so current_stacktrace is [] (docs/DEVIATIONS.md).
    const block = [
      `${indent}neighbour:`,
      tag(inner, 'pid', pid),
      tag(inner, 'registered_name', item('registered_name')),
      `${inner}initial call: ${initialCallOf(pid)}`,
      tag(inner, 'current_function', current === 'undefined' ? 'undefined' : current[1]),
      ...[
        'ancestors',
        'message_queue_len',
        'links',
        'trap_exit',
        'status',
        'heap_size',
        'stack_size',
        'reductions',
      ].map((k) => tag(inner, k, item(k))),
      tag(inner, 'current_stacktrace', list()),
    ];
    parts.push(block.join('\n'));
  }
  const text = `${lines.join('\n')}\n  neighbours:${parts.length > 0 ? `\n${parts.join('\n')}` : ''}\n`;
  logReport('error', 'CRASH REPORT', text, me);
}
