/**
 * sys: the system messages every behaviour (and any proc_lib "special process") understands,
 * and the debug facilities behind them, as OTP 25's sys.erl.
 *
 * The server side is {@link handle_system_msg}: a process's loop hands it a `{system, From,
 * Request}` message, and it answers, then goes on by returning `Module.system_continue(Parent,
 * Debug, Misc)` or ends by returning `Module.system_terminate(Reason, Parent, Debug, Misc)`. A
 * port of a special process returns its result, as the Erlang original tail-calls it; the
 * behaviours' own system_continue gives the loop its new state back.
 */
import {
  ErlangError,
  ExitException,
  ThrownValue,
  _,
  get,
  io,
  list,
  on,
  process_info,
  receive,
  self,
  type Pid,
} from '../../../runtime/index.js';
import { List, describe, toList } from '../../../runtime/internal/library-api.js';
import { call, caughtReason, reply, timeoutTerm, type From, type Timeout } from '../../gen/internal/call.js';
import { apply, caughtException, exported, type CallbackModule } from '../../gen/internal/module.js';

/** One debug facility a process runs with (`sys:dbg_opt()`). */
export type DebugEntry =
  | ['trace', true]
  | ['log', [number, List<[unknown, unknown, FormFunc]>]]
  | ['statistics', [unknown, number, number, number]]
  | [unknown, [DebugFun, unknown]];

/** A process's debug facilities (`[sys:dbg_opt()]`): `[]` when none. */
export type Debug = readonly DebugEntry[];

/** How a behaviour prints one of its events for trace and log: `FormFunc(Device, Event, Extra)`. */
export type FormFunc = (device: unknown, event: unknown, extra: unknown) => unknown;

/** An installed debug function: `Func(FuncState, Event, ProcState)` gives its new state, or `done`. */
export type DebugFun = (funcState: unknown, event: unknown, procState: unknown) => unknown;

/** A debug option as start options' `{debug, Opts}` name them. */
export type DebugOption =
  'trace' | 'log' | ['log', number] | 'statistics' | ['log_to_file', string] | ['install', unknown];

/** The module a special process's system messages go back to. */
export interface SystemModule {
  system_continue(parent: Pid, debug: Debug, misc: unknown): unknown;
  system_terminate(reason: unknown, parent: Pid, debug: Debug, misc: unknown): unknown;
  system_get_state?(misc: unknown): unknown;
  system_replace_state?(stateFun: (s: unknown) => unknown, misc: unknown): unknown;
  system_code_change?(misc: unknown, module: unknown, oldVsn: unknown, extra: unknown): unknown;
  format_status?(opt: unknown, statusData: unknown): unknown;
}

// ---- debug ---------------------------------------------------------------------

const defaultLogSize = 10;

function localtime(): [[number, number, number], [number, number, number]] {
  const d = new Date();
  return [
    [d.getFullYear(), d.getMonth() + 1, d.getDate()],
    [d.getHours(), d.getMinutes(), d.getSeconds()],
  ];
}

function reductions(): number {
  const r = process_info(self(), 'reductions');
  return r === 'undefined' ? 0 : (r[1] as number);
}

/** No debug facilities: shared by every process that has none (a Debug is never changed in place). */
export const noDebug: Debug = Object.freeze([]);

/**
 * The debug structure for the options of a start's `{debug, Opts}` (sys:debug_options/1).
 * @example
 * // Deb = sys:debug_options([trace, statistics])
 * const Deb = sys.debug_options(['trace', 'statistics'])
 * @see https://www.erlang.org/doc/man/sys.html#debug_options-1
 */
export function debug_options(options: readonly DebugOption[]): Debug {
  if (!Array.isArray(options))
    throw new ErlangError(
      'badarg',
      `sys:debug_options/1: expected a list of debug options, got ${describe(options)}`,
    );
  let debug: Debug = noDebug;
  for (const o of options) {
    if (o === 'trace') debug = install('trace', true, debug);
    else if (o === 'log') debug = install('log', [defaultLogSize, list()], debug);
    else if (Array.isArray(o) && o[0] === 'log' && Number.isInteger(o[1]) && (o[1] as number) >= 1) {
      debug = install('log', [o[1], list()], debug);
    } else if (o === 'statistics') debug = install('statistics', initStat(), debug);
    else if (Array.isArray(o) && o[0] === 'install' && Array.isArray(o[1]) && o[1].length === 2) {
      debug = install(o[1][0], [o[1][0], o[1][1]], debug);
    }
    // OTP ignores what it does not know here; log_to_file needs a file erlts does not open (DEVIATIONS).
  }
  return debug;
}

function install(item: unknown, data: unknown, debug: Debug): Debug {
  if (debug.some((e) => e[0] === item)) return debug;
  return [[item, data] as DebugEntry, ...debug];
}

function remove(item: unknown, debug: Debug): Debug {
  const i = debug.findIndex((e) => e[0] === item);
  return i < 0 ? debug : [...debug.slice(0, i), ...debug.slice(i + 1)];
}

function getDebug(item: unknown, debug: Debug): unknown {
  return debug.find((e) => e[0] === item)?.[1];
}

function initStat(): [unknown, number, number, number] {
  return [localtime(), reductions(), 0, 0];
}

/**
 * Records `event` with each debug facility of `debug`: prints it (trace), logs it, counts it
 * (statistics), hands it to installed functions. `formFunc(Device, Event, Extra)` prints it.
 * @returns the new debug structure
 * @example
 * // Deb1 = sys:handle_debug(Deb, fun write_debug/3, ch4, {in, Msg})
 * const Deb1 = sys.handle_debug(Deb, write_debug, 'ch4', ['in', Msg])
 * @see https://www.erlang.org/doc/man/sys.html#handle_debug-4
 */
export function handle_debug(debug: Debug, formFunc: FormFunc, extra: unknown, event: unknown): Debug {
  if (debug.length === 0) return debug;
  const out: DebugEntry[] = [];
  for (const entry of debug) {
    const [item, data] = entry;
    if (item === 'trace') {
      formFunc('standard_io', event, extra);
      out.push(entry);
    } else if (item === 'log') {
      const [n, items] = data as [number, List<[unknown, unknown, FormFunc]>];
      const kept = toList<[unknown, unknown, FormFunc]>([[event, extra, formFunc], ...items.slice(0, n - 1)]);
      out.push(['log', [n, kept]]);
    } else if (item === 'statistics') {
      out.push(['statistics', stat(event, data as [unknown, number, number, number])]);
    } else {
      const [func, funcState] = data as [DebugFun, unknown];
      let next: unknown;
      try {
        next = func(funcState, event, extra);
      } catch (e) {
        if (!ThrownValue.is(e)) continue;
        next = e.value;
      }
      if (next !== 'done') out.push([item, [func, next]]);
    }
  }
  return out;
}

function stat(
  event: unknown,
  [time, reds, inN, outN]: [unknown, number, number, number],
): [unknown, number, number, number] {
  if (Array.isArray(event) && event[0] === 'in' && (event.length === 2 || event.length === 3))
    return [time, reds, inN + 1, outN];
  if (Array.isArray(event) && event[0] === 'out' && (event.length === 3 || event.length === 4))
    return [time, reds, inN, outN + 1];
  return [time, reds, inN, outN];
}

/**
 * The events logged by the `log` facility of `debug`, oldest first (sys:get_log/1).
 * @example
 * // Log = sys:get_log(Deb)
 * const Log = sys.get_log(Deb)
 * @see https://www.erlang.org/doc/man/sys.html#get_log-1
 */
export function get_log(debug: Debug): List {
  const log = getDebug('log', debug) as [number, List<[unknown, unknown, FormFunc]>] | undefined;
  return log === undefined ? list() : list(...[...log[1]].reverse().map(([event]) => event));
}

function debugCmd(what: unknown, debug: Debug): [unknown, Debug] {
  if (Array.isArray(what) && what.length === 2) {
    const [cmd, arg] = what as [unknown, unknown];
    if (cmd === 'trace' && arg === true) return ['ok', install('trace', true, debug)];
    if (cmd === 'trace' && arg === false) return ['ok', remove('trace', debug)];
    if (cmd === 'log' && arg === true)
      return [
        'ok',
        [
          ['log', [defaultLogSize, (getDebug('log', debug) as [number, List] | undefined)?.[1] ?? list()]],
          ...remove('log', debug),
        ] as Debug,
      ];
    if (
      cmd === 'log' &&
      Array.isArray(arg) &&
      arg[0] === true &&
      Number.isInteger(arg[1]) &&
      (arg[1] as number) >= 1
    ) {
      const old = (getDebug('log', debug) as [number, List] | undefined)?.[1] ?? list();
      return [
        'ok',
        [['log', [arg[1], list(...old.slice(0, arg[1] as number))]], ...remove('log', debug)] as Debug,
      ];
    }
    if (cmd === 'log' && arg === false) return ['ok', remove('log', debug)];
    if (cmd === 'log' && arg === 'get') {
      const log = getDebug('log', debug) as [number, List<[unknown, unknown, FormFunc]>] | undefined;
      return [['ok', list(...[...(log?.[1] ?? [])].reverse().map(([event]) => event))], debug];
    }
    if (cmd === 'log' && arg === 'print') {
      const log = getDebug('log', debug) as [number, List<[unknown, unknown, FormFunc]>] | undefined;
      for (const [event, extra, form] of [...(log?.[1] ?? [])].reverse()) form('standard_io', event, extra);
      return ['ok', debug];
    }
    if (cmd === 'statistics' && arg === true) return ['ok', install('statistics', initStat(), debug)];
    if (cmd === 'statistics' && arg === false) return ['ok', remove('statistics', debug)];
    if (cmd === 'statistics' && arg === 'get') {
      const s = getDebug('statistics', debug) as [unknown, number, number, number] | undefined;
      if (s === undefined) return [['ok', 'no_statistics'], debug];
      return [
        [
          'ok',
          list(
            ['start_time', s[0]],
            ['current_time', localtime()],
            ['reductions', reductions() - s[1]],
            ['messages_in', s[2]],
            ['messages_out', s[3]],
          ),
        ],
        debug,
      ];
    }
    if (cmd === 'install' && Array.isArray(arg) && arg.length === 2)
      return ['ok', install(arg[0], [arg[0], arg[1]], debug)];
    if (cmd === 'install' && Array.isArray(arg) && arg.length === 3)
      return ['ok', install(arg[0], [arg[1], arg[2]], debug)];
    if (cmd === 'remove') return ['ok', remove(arg, debug)];
    if (cmd === 'log_to_file') return [['error', 'open_file'], debug];
  }
  if (what === 'no_debug') return ['ok', []];
  return ['unknown_debug', debug];
}

// ---- the server side ---------------------------------------------------------------

type SysState = 'running' | 'suspended';

/**
 * The behaviours' own sys hosts (gen_server's, gen_statem's...): where OTP names the behaviour
 * module in a reply (`{module, gen_server}` in get_status, `{callback_failed, {gen_server,
 * system_replace_state}, ...}`), sys names a host by its `MODULE`, since no user holds the host
 * object to compare with. A user's own special process module stays the object it passed.
 */
const behaviourHosts = new WeakSet<object>();

/** Marks `host` as a behaviour's sys host, named by its `MODULE` in sys's replies. */
export function behaviourHost<T extends { readonly MODULE: string }>(host: T): T {
  behaviourHosts.add(host);
  return host;
}

function moduleTerm(mod: object): unknown {
  return behaviourHosts.has(mod) ? (mod as { MODULE: string }).MODULE : mod;
}

function callbackFailed(fn: unknown, e: unknown): ['error', unknown] {
  const c = caughtException(e);
  return ['error', ['callback_failed', fn, [c.class, c.reason]]];
}

function doCmd(
  state: SysState,
  msg: unknown,
  parent: Pid,
  mod: SystemModule,
  debug: Debug,
  misc: unknown,
): { state: SysState | ['terminating', unknown]; reply: unknown; debug: Debug; misc: unknown } {
  if (msg === 'suspend') return { state: 'suspended', reply: 'ok', debug, misc };
  if (msg === 'resume') return { state: 'running', reply: 'ok', debug, misc };
  if (msg === 'get_state') {
    if (!exported(mod, 'system_get_state')) return { state, reply: misc, debug, misc };
    try {
      const r = apply(mod, 'system_get_state', [misc]);
      if (!Array.isArray(r) || r.length !== 2 || r[0] !== 'ok') throw new ErlangError(['badmatch', r]);
      return { state, reply: r[1], debug, misc };
    } catch (e) {
      return { state, reply: callbackFailed([moduleTerm(mod), 'system_get_state'], e), debug, misc };
    }
  }
  if (Array.isArray(msg) && msg.length === 2 && msg[0] === 'replace_state') {
    const fun = msg[1] as (s: unknown) => unknown;
    if (exported(mod, 'system_replace_state')) {
      try {
        const r = apply(mod, 'system_replace_state', [fun, misc]);
        if (!Array.isArray(r) || r.length !== 3 || r[0] !== 'ok') throw new ErlangError(['badmatch', r]);
        return { state, reply: r[1], debug, misc: r[2] };
      } catch (e) {
        return { state, reply: callbackFailed([moduleTerm(mod), 'system_replace_state'], e), debug, misc };
      }
    }
    try {
      const n = fun(misc);
      return { state, reply: n, debug, misc: n };
    } catch (e) {
      return { state, reply: callbackFailed(fun, e), debug, misc };
    }
  }
  if (msg === 'get_status') {
    const pdict = get();
    const data = list(pdict, state, parent, list(...debug), misc);
    const fmt = exported(mod, 'format_status') ? apply(mod, 'format_status', ['normal', data]) : misc;
    return {
      state,
      reply: ['status', self(), ['module', moduleTerm(mod)], list(pdict, state, parent, list(...debug), fmt)],
      debug,
      misc,
    };
  }
  if (Array.isArray(msg) && msg.length === 2 && msg[0] === 'debug') {
    const [r, d] = debugCmd(msg[1], debug);
    return { state, reply: r, debug: d, misc };
  }
  if (Array.isArray(msg) && msg.length === 2 && msg[0] === 'terminate') {
    return { state: ['terminating', msg[1]], reply: 'ok', debug, misc };
  }
  if (state === 'suspended' && Array.isArray(msg) && msg.length === 4 && msg[0] === 'change_code') {
    let r: unknown;
    try {
      r = apply(mod, 'system_code_change', [misc, msg[1], msg[2], msg[3]]);
    } catch (e) {
      const c = caughtException(e);
      // `catch Mod:system_code_change(...)`: an error keeps its stack.
      r = c.class === 'throw' ? c.reason : ['EXIT', c.class === 'error' ? [c.reason, c.stack] : c.reason];
    }
    if (Array.isArray(r) && r.length === 2 && r[0] === 'ok') return { state, reply: 'ok', debug, misc: r[1] };
    return { state, reply: ['error', r], debug, misc };
  }
  return { state, reply: ['error', ['unknown_system_msg', msg]], debug, misc };
}

/**
 * Handles a system message `{system, From, Request}` that arrived at a special process: answers
 * From, then returns `Module.system_continue(Parent, Debug, Misc)` to go on, or
 * `Module.system_terminate(Reason, Parent, Debug, Misc)` to end. Suspended (sys:suspend), it
 * waits here for system messages only, and for its parent's EXIT.
 * @example
 * // {system, From, Request} -> sys:handle_system_msg(Request, From, Parent, ?MODULE, Deb, Chs)
 * on(['system', _, _], ([, From, Request]) => sys.handle_system_msg(Request, From, Parent, ch4, Deb, Chs))
 * @see https://www.erlang.org/doc/man/sys.html#handle_system_msg-6
 */
export async function handle_system_msg(
  request: unknown,
  from: From,
  parent: Pid,
  module: SystemModule | CallbackModule,
  debug: Debug,
  misc: unknown,
): Promise<unknown> {
  const mod = module as SystemModule;
  let state: SysState = 'running';
  let req = request;
  let replyTo = from;
  for (;;) {
    const r = doCmd(state, req, parent, mod, debug, misc);
    reply(replyTo, r.reply);
    debug = r.debug;
    misc = r.misc;
    if (Array.isArray(r.state)) return apply(mod, 'system_terminate', [r.state[1], parent, debug, misc]);
    state = r.state;
    if (state === 'running') return apply(mod, 'system_continue', [parent, debug, misc]);
    const next = await receive(
      on(['system', _, _], (m) => ({ kind: 'system' as const, from: m[1] as From, req: m[2] })),
      on(['EXIT', parent, _], (m) => ({ kind: 'exit' as const, reason: m[2] })),
    );
    if (next.kind === 'exit') return apply(mod, 'system_terminate', [next.reason, parent, debug, misc]);
    req = next.req;
    replyTo = next.from;
  }
}

// ---- the client side ------------------------------------------------------------

function mfa(name: unknown, req: unknown, timeout: Timeout | undefined): [string, string, List] {
  let f: string;
  let args: unknown[];
  if (Array.isArray(req) && req[0] === 'debug' && Array.isArray(req[1]))
    [f, args] = [req[1][0] as string, [name, req[1][1]]];
  else if (Array.isArray(req) && req[0] === 'change_code')
    [f, args] = ['change_code', [name, req[1], req[2], req[3]]];
  else if (Array.isArray(req) && req[0] === 'terminate') [f, args] = ['terminate', [name, req[1]]];
  else if (Array.isArray(req) && req[0] === 'replace_state') [f, args] = ['replace_state', [name, req[1]]];
  else if (req === 'no_debug' || (Array.isArray(req) && req[1] === 'no_debug'))
    [f, args] = ['no_debug', [name]];
  else [f, args] = [String(req), [name]];
  if (timeout !== undefined) args.push(timeoutTerm(timeout));
  return ['sys', f, list(...args)];
}

/** sys's send_system_msg: a call with label `system`; failures exit `{Reason, {sys, F, Args}}`. */
async function send_system_msg(name: unknown, request: unknown, timeout?: Timeout): Promise<unknown> {
  try {
    return await call(name, 'system', request, timeout ?? 5000, 'sys:send_system_msg/3');
  } catch (e) {
    throw new ExitException([caughtReason(e), mfa(name, request, timeout)]);
  }
}

function stateOrError(r: unknown): unknown {
  if (Array.isArray(r) && r.length === 2 && r[0] === 'error') throw new ErlangError(r[1]);
  return r;
}

/** A process a sys function can reach: a pid, a registered name, `{global, N}`, `{via, M, N}`. */
export type SysRef = Pid | string | [string, string] | ['global', unknown] | ['via', CallbackModule, unknown];

/**
 * The state of a process: a gen_server's State, a gen_statem's `{State, Data}`, a gen_event's
 * handlers.
 * @example
 * // State = sys:get_state(ch3)
 * const State = await sys.get_state('ch3')
 * @see https://www.erlang.org/doc/man/sys.html#get_state-1
 */
export async function get_state(name: SysRef, timeout?: Timeout): Promise<unknown> {
  return stateOrError(await send_system_msg(name, 'get_state', timeout));
}

/**
 * Replaces a process's state with `stateFun(State)`, returning the new state.
 * @example
 * // sys:replace_state(ch3, fun(S) -> [9 | S] end)
 * await sys.replace_state('ch3', (S) => [9, ...S])
 * @see https://www.erlang.org/doc/man/sys.html#replace_state-2
 */
export async function replace_state<S>(
  name: SysRef,
  stateFun: (state: S) => S,
  timeout?: Timeout,
): Promise<S> {
  return stateOrError(await send_system_msg(name, ['replace_state', stateFun], timeout)) as S;
}

/**
 * The status of a process: `{status, Pid, {module, Mod}, [PDict, SysState, Parent, Dbg, Misc]}`.
 * @example
 * // {status, Pid, {module, gen_server}, Items} = sys:get_status(ch3)
 * const [, Pid, [, Mod], Items] = await sys.get_status('ch3')
 * @see https://www.erlang.org/doc/man/sys.html#get_status-1
 */
export async function get_status(
  name: SysRef,
  timeout?: Timeout,
): Promise<['status', Pid, ['module', unknown], List]> {
  return (await send_system_msg(name, 'get_status', timeout)) as ['status', Pid, ['module', unknown], List];
}

/**
 * Suspends a process: it answers system messages only until {@link resume}.
 * @example
 * // ok = sys:suspend(ch3)
 * await sys.suspend('ch3')
 * @see https://www.erlang.org/doc/man/sys.html#suspend-1
 */
export async function suspend(name: SysRef, timeout?: Timeout): Promise<'ok'> {
  return (await send_system_msg(name, 'suspend', timeout)) as 'ok';
}

/**
 * Resumes a suspended process.
 * @example
 * // ok = sys:resume(ch3)
 * await sys.resume('ch3')
 * @see https://www.erlang.org/doc/man/sys.html#resume-1
 */
export async function resume(name: SysRef, timeout?: Timeout): Promise<'ok'> {
  return (await send_system_msg(name, 'resume', timeout)) as 'ok';
}

/**
 * Stops a process with `reason`: its terminate callback runs first.
 * @example
 * // ok = sys:terminate(ch3, shutdown)
 * await sys.terminate('ch3', 'shutdown')
 * @see https://www.erlang.org/doc/man/sys.html#terminate-2
 */
export async function terminate(name: SysRef, reason: unknown, timeout?: Timeout): Promise<'ok'> {
  return (await send_system_msg(name, ['terminate', reason], timeout)) as 'ok';
}

/**
 * Turns printing of a process's events on or off (`*DBG* ch3 got call alloc from <0.80.0>`).
 * @example
 * // ok = sys:trace(ch3, true)
 * await sys.trace('ch3', true)
 * @see https://www.erlang.org/doc/man/sys.html#trace-2
 */
export async function trace(name: SysRef, flag: boolean, timeout?: Timeout): Promise<'ok'> {
  return (await send_system_msg(name, ['debug', ['trace', flag]], timeout)) as 'ok';
}

/**
 * Turns statistics on or off, or gets them: `{ok, [{start_time, T}, {current_time, T},
 * {reductions, N}, {messages_in, N}, {messages_out, N}]}`.
 * @example
 * // {ok, Stats} = sys:statistics(ch3, get)
 * const [, Stats] = await sys.statistics('ch3', 'get')
 * @see https://www.erlang.org/doc/man/sys.html#statistics-2
 */
export async function statistics(name: SysRef, flag: boolean | 'get', timeout?: Timeout): Promise<unknown> {
  return send_system_msg(name, ['debug', ['statistics', flag]], timeout);
}

/**
 * Turns the event log on (`true`, or `{true, N}`) or off, or gets (`get`) or prints (`print`) it.
 * @example
 * // {ok, Events} = sys:log(ch3, get)
 * const [, Events] = await sys.log('ch3', 'get')
 * @see https://www.erlang.org/doc/man/sys.html#log-2
 */
export async function log(
  name: SysRef,
  flag: boolean | ['true', number] | [true, number] | 'get' | 'print',
  timeout?: Timeout,
): Promise<unknown> {
  const f = Array.isArray(flag) ? [true, flag[1]] : flag;
  return send_system_msg(name, ['debug', ['log', f]], timeout);
}

/**
 * Turns every debug facility of a process off.
 * @example
 * // ok = sys:no_debug(ch3)
 * await sys.no_debug('ch3')
 * @see https://www.erlang.org/doc/man/sys.html#no_debug-1
 */
export async function no_debug(name: SysRef, timeout?: Timeout): Promise<'ok'> {
  return (await send_system_msg(name, ['debug', 'no_debug'], timeout)) as 'ok';
}

/**
 * Installs a debug function `Func(FuncState, Event, ProcState)` in a process.
 * @example
 * // ok = sys:install(ch3, {fun count/3, 0})
 * await sys.install('ch3', [count, 0])
 * @see https://www.erlang.org/doc/man/sys.html#install-2
 */
export async function install_(
  name: SysRef,
  spec: [DebugFun, unknown] | [unknown, DebugFun, unknown],
  timeout?: Timeout,
): Promise<'ok'> {
  return (await send_system_msg(name, ['debug', ['install', spec]], timeout)) as 'ok';
}

/**
 * Removes an installed debug function (by the function or its id).
 * @example
 * // ok = sys:remove(ch3, fun count/3)
 * await sys.remove('ch3', count)
 * @see https://www.erlang.org/doc/man/sys.html#remove-2
 */
export async function remove_(name: SysRef, funcOrId: unknown, timeout?: Timeout): Promise<'ok'> {
  return (await send_system_msg(name, ['debug', ['remove', funcOrId]], timeout)) as 'ok';
}

/**
 * Asks a suspended process to change its code: calls its system_code_change.
 * @example
 * // ok = sys:change_code(ch3, ch3, "1", [])
 * await sys.change_code('ch3', ch3, '1', [])
 * @see https://www.erlang.org/doc/man/sys.html#change_code-4
 */
export async function change_code(
  name: SysRef,
  module: unknown,
  oldVsn: unknown,
  extra: unknown,
  timeout?: Timeout,
): Promise<unknown> {
  return send_system_msg(name, ['change_code', module, oldVsn, extra], timeout);
}

/** The io device a FormFunc gets: printing goes to stdout through io:format. */
export function printTo(_device: unknown, fmt: string, args: readonly unknown[]): void {
  io.format(fmt, args as unknown[]);
}
