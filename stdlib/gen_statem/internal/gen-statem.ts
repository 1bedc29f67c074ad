/**
 * gen_statem's API as OTP 25's gen_statem.erl exports it: starting (through gen's start and
 * proc_lib), calls and casts, replies, stop, the send_request family, enter_loop, and the sys
 * callbacks (system_continue & co.) that the engine's loop gets its state back through.
 */
import {
  erlangString,
  formatStatus,
  formatStatusHeader,
  type StatusMap,
} from '../../gen/internal/format-status.js';
import { stop as genStop } from '../../gen/internal/start.js';
import {
  ErlangError,
  ExitException,
  get,
  is_pid,
  list,
  node,
  process_info,
  self,
  send as bifSend,
  whereis,
  Pid,
  type Ref,
} from '../../../runtime/index.js';
import { caughtException, describe, isList, termEquals } from '../../../runtime/internal/library-api.js';
import * as gen from '../../gen/internal/call.js';
import { apply, isModule, moduleName, type CallbackModule } from '../../gen/internal/module.js';
import {
  global_whereis_name,
  isServerName,
  nameOf,
  register_name,
  unregister_name,
  where,
  type ServerName,
  type ServerRef,
} from '../../gen/internal/names.js';
import * as proc_lib from '../../proc_lib/internal/proc-lib.js';
import { debug_options, get_log, type Debug } from '../../sys/internal/sys.js';
import {
  enter,
  setSystemModule,
  getCallbackModeSync,
  listTimeouts,
  listify,
  terminate,
  type Continue,
  type Misc,
} from './engine.js';
import type {
  EnterLoopOption,
  From,
  GenStatemModule,
  StartMonitorResult,
  StartOption,
  StartResult,
} from './types.js';

type Linkage = 'nolink' | 'link' | 'monitor';

const knownOptions = ['timeout', 'debug', 'hibernate_after', 'spawn_opt'];

function checkOptions(fn: string, opts: unknown): readonly unknown[] {
  if (!Array.isArray(opts))
    throw new ErlangError('badarg', `${fn}: the options must be a list, got ${describe(opts)}`);
  for (const o of opts) {
    if (!(Array.isArray(o) && o.length === 2 && knownOptions.includes(o[0] as string))) {
      throw new ErlangError(
        'badarg',
        `${fn}: unknown option ${describe(o)} (expected {timeout, T}, {debug, Dbgs}, {hibernate_after, T} or {spawn_opt, Opts})`,
      );
    }
  }
  return opts;
}

function option(opts: readonly unknown[], key: string): unknown {
  const o = opts.find((x) => Array.isArray(x) && x[0] === key) as [string, unknown] | undefined;
  return o === undefined ? undefined : o[1];
}

function startTimeout(fn: string, opts: readonly unknown[]): gen.Timeout {
  const t = option(opts, 'timeout') ?? 'infinity';
  if (!gen.isTimeout(t))
    throw new ErlangError(
      'badarg',
      `${fn}: {timeout, T} must be infinity or an integer >= 0, got ${describe(t)}`,
    );
  return t;
}

/** gen:hibernate_after/1. */
function hibernateAfter(opts: readonly unknown[]): number {
  const t = option(opts, 'hibernate_after');
  return gen.isTimeout(t) ? gen.waitMs(t) : Infinity;
}

/** gen:debug_options/2: a bad debug option list is ignored, as gen does (after a warning). */
function debugOptions(opts: readonly unknown[]): Debug {
  const d = option(opts, 'debug');
  if (d === undefined) return [];
  try {
    return debug_options(d as never);
  } catch {
    return [];
  }
}

/** What the proc_lib process runs: gen:init_it, then gen_statem:init_it. */
async function initIt(
  starter: Pid,
  parent: Pid | 'self',
  name: ServerName | null,
  module: CallbackModule,
  args: unknown,
  opts: readonly unknown[],
): Promise<unknown> {
  const me = self();
  if (name !== null) {
    const registered = register_name(name, me);
    const r = registered instanceof Promise ? await registered : registered;
    if (r !== true) {
      proc_lib.init_ack(starter, ['error', ['already_started', r[1]]]);
      return 'normal';
    }
  }
  const parentPid = parent === 'self' ? me : parent;
  const procName = name === null ? me : nameOf(name);
  const debug = debugOptions(opts);
  const hib = hibernateAfter(opts);
  let result: unknown;
  try {
    result = await apply(module, 'init', [args]);
  } catch (e) {
    const c = caughtException(e);
    if (c.class === 'throw') result = c.reason;
    else if (e instanceof Error && e.name === 'ProcessExited') throw e;
    else {
      const u = unregistering(name);
      if (u !== undefined) await u;
      proc_lib.init_ack(starter, ['error', c.reason]);
      // OTP's error_info for an init crash: the report of a machine that never had a state.
      throw e;
    }
  }
  const tuple = Array.isArray(result) && !isList(result);
  const r = (tuple ? result : []) as unknown[];
  if (r.length === 3 && r[0] === 'ok') {
    proc_lib.init_ack(starter, ['ok', me]);
    return enter(parentPid, debug, module, procName, hib, r[1], r[2], list());
  }
  if (r.length === 4 && r[0] === 'ok') {
    proc_lib.init_ack(starter, ['ok', me]);
    return enter(parentPid, debug, module, procName, hib, r[1], r[2], r[3]);
  }
  if (r.length === 2 && r[0] === 'stop') {
    const u = unregistering(name);
    if (u !== undefined) await u;
    proc_lib.init_ack(starter, ['error', r[1]]);
    throw new ExitException(r[1]);
  }
  if (result === 'ignore') {
    const u = unregistering(name);
    if (u !== undefined) await u;
    proc_lib.init_ack(starter, 'ignore');
    throw new ExitException('normal');
  }
  const u = unregistering(name);
  if (u !== undefined) await u;
  const error = ['bad_return_from_init', result];
  proc_lib.init_ack(starter, ['error', error]);
  throw new ExitException(error);
}

async function doStart(
  fn: string,
  link: Linkage,
  name: ServerName | null,
  module: unknown,
  args: unknown,
  options: unknown,
): Promise<unknown> {
  if (name !== null && !isServerName(name))
    throw new ErlangError('function_clause', `${fn}: ${describe(name)} is not a server name`);
  if (!isModule(module))
    throw new ErlangError('badarg', `${fn}: the callback module must be an object, got ${describe(module)}`);
  const opts = checkOptions(fn, options);
  if (name !== null) {
    const pid = where(name);
    if (pid !== 'undefined') return ['error', ['already_started', pid]];
  }
  const timeout = startTimeout(fn, opts);
  const spawnOpts = (option(opts, 'spawn_opt') ?? []) as proc_lib.SpawnOption[];
  const me = self();
  // proc_lib names the process's initial call {Module, init, 1}, as OTP's proc_lib translates
  // gen:init_it for a behaviour.
  const host = {
    MODULE: moduleName(module),
    init: (packed: [Pid, Pid | 'self']) => initIt(packed[0], packed[1], name, module, args, opts),
  };
  if (link === 'link') return proc_lib.start_link(host, 'init', [[me, me]], timeout, spawnOpts);
  if (link === 'monitor') {
    const [ret, mon] = await proc_lib.start_monitor(host, 'init', [[me, me]], timeout, spawnOpts);
    if (Array.isArray(ret) && ret[0] === 'ok' && is_pid(ret[1])) return ['ok', [ret[1], mon]];
    const { receive, on, _ } = await import('../../../runtime/index.js');
    await receive(on(['DOWN', mon, 'process', _, _], () => 'ok'));
    return ret;
  }
  return proc_lib.start(host, 'init', [[me, 'self']], timeout, spawnOpts);
}

function splitStart(args: unknown[]): [ServerName | null, unknown, unknown, unknown] {
  if (args.length === 4) return args as [ServerName, unknown, unknown, unknown];
  return [null, args[0], args[1], args[2]];
}

/**
 * Starts a state machine, not linked to the caller, and waits until its init/1 returned.
 * @param args - `(Module, Args, Opts)` or `(ServerName, Module, Args, Opts)`
 * @returns `{ok, Pid}`, `ignore`, `{error, {already_started, Pid}}` or `{error, Reason}`
 * @example
 * // {ok, Pid} = gen_statem:start({local, code_lock}, code_lock, [1,2,3,4], [])
 * const [, Pid] = await gen_statem.start(['local', 'code_lock'], code_lock, [1, 2, 3, 4], []);
 * @see https://www.erlang.org/docs/25/man/gen_statem.html#start-3
 */
export function start(
  module: GenStatemModule,
  args: unknown,
  opts: readonly StartOption[],
): Promise<StartResult>;
export function start(
  name: ServerName,
  module: GenStatemModule,
  args: unknown,
  opts: readonly StartOption[],
): Promise<StartResult>;
export function start(...args: unknown[]): Promise<StartResult> {
  const [n, m, a, o] = splitStart(args);
  return doStart('gen_statem:start/4', 'nolink', n, m, a, o) as Promise<StartResult>;
}

/**
 * As {@link start}, linked to the caller (the caller is the machine's parent).
 * @example
 * // {ok, Pid} = gen_statem:start_link({local, code_lock}, code_lock, [1,2,3,4], [])
 * const [, Pid] = await gen_statem.start_link(['local', 'code_lock'], code_lock, [1, 2, 3, 4], []);
 * @see https://www.erlang.org/docs/25/man/gen_statem.html#start_link-3
 */
export function start_link(
  module: GenStatemModule,
  args: unknown,
  opts: readonly StartOption[],
): Promise<StartResult>;
export function start_link(
  name: ServerName,
  module: GenStatemModule,
  args: unknown,
  opts: readonly StartOption[],
): Promise<StartResult>;
export function start_link(...args: unknown[]): Promise<StartResult> {
  const [n, m, a, o] = splitStart(args);
  return doStart('gen_statem:start_link/4', 'link', n, m, a, o) as Promise<StartResult>;
}

/**
 * As {@link start}, monitored by the caller: `{ok, {Pid, Mon}}`.
 * @example
 * // {ok, {Pid, Mon}} = gen_statem:start_monitor(code_lock, [1,2,3,4], [])
 * const [, [Pid, Mon]] = await gen_statem.start_monitor(code_lock, [1, 2, 3, 4], []);
 * @see https://www.erlang.org/docs/25/man/gen_statem.html#start_monitor-3
 */
export function start_monitor(
  module: GenStatemModule,
  args: unknown,
  opts: readonly StartOption[],
): Promise<StartMonitorResult>;
export function start_monitor(
  name: ServerName,
  module: GenStatemModule,
  args: unknown,
  opts: readonly StartOption[],
): Promise<StartMonitorResult>;
export function start_monitor(...args: unknown[]): Promise<StartMonitorResult> {
  const [n, m, a, o] = splitStart(args);
  return doStart('gen_statem:start_monitor/4', 'monitor', n, m, a, o) as Promise<StartMonitorResult>;
}

/**
 * Stops a state machine with `reason` (default `normal`): its terminate/3 runs, and stop waits
 * until it is gone. Exits `noproc` if there is none, `timeout` if it takes longer than `timeout`.
 * @example
 * // ok = gen_statem:stop(code_lock)
 * await gen_statem.stop('code_lock');
 * @see https://www.erlang.org/docs/25/man/gen_statem.html#stop-3
 */
export function stop(
  serverRef: ServerRef,
  reason: unknown = 'normal',
  timeout: number | 'infinity' = 'infinity',
): Promise<'ok'> {
  return genStop(serverRef, reason, timeout, 'gen_statem:stop/3');
}

/**
 * Sends an asynchronous event to a state machine: it arrives as `cast` with content `msg`.
 * Always `ok`, even when there is no such machine.
 * @example
 * // gen_statem:cast(code_lock, {button, 1})
 * gen_statem.cast('code_lock', ['button', 1]);
 * @see https://www.erlang.org/docs/25/man/gen_statem.html#cast-2
 */
export function cast(serverRef: ServerRef, msg: unknown): 'ok' {
  const wrapped = ['$gen_cast', msg];
  try {
    if (serverRef instanceof Pid || typeof serverRef === 'string' || is_pid(serverRef))
      bifSend(serverRef, wrapped);
    else if (Array.isArray(serverRef) && serverRef[0] === 'global') {
      const pid = global_whereis_name(serverRef[1]);
      if (pid !== 'undefined') bifSend(pid, wrapped);
    } else if (Array.isArray(serverRef) && serverRef[0] === 'via' && serverRef.length === 3) {
      apply(serverRef[1], 'send', [serverRef[2], wrapped]);
    } else if (Array.isArray(serverRef) && serverRef.length === 2 && serverRef[1] === node()) {
      bifSend(serverRef[0], wrapped);
    }
  } catch {
    // A cast to nobody is dropped, as gen_statem's send/2 and cast/2 catch the error.
  }
  return 'ok';
}

/**
 * Calls a state machine: the event `{call, From}` with content `request`, and waits for its
 * reply. A failure exits with `{Reason, {gen_statem, call, [ServerRef, Request, Timeout]}}`
 * (Reason `noproc`, `timeout`, `calling_self`, or the machine's exit reason).
 * @param timeout - ms, `infinity` (the default), `{clean_timeout, T}` or `{dirty_timeout, T}`
 * @example
 * // open = gen_statem:call(code_lock, get_state, 1000)
 * const state = await gen_statem.call('code_lock', 'get_state', 1000);
 * @see https://www.erlang.org/docs/25/man/gen_statem.html#call-3
 */
export async function call(
  serverRef: ServerRef,
  request: unknown,
  timeout: number | 'infinity' | ['clean_timeout' | 'dirty_timeout', number | 'infinity'] = 'infinity',
): Promise<unknown> {
  let t: unknown = timeout;
  if (Array.isArray(timeout)) {
    if (timeout.length === 2 && (timeout[0] === 'clean_timeout' || timeout[0] === 'dirty_timeout'))
      t = timeout[1];
    else
      throw new ErlangError(
        'badarg',
        `gen_statem:call/3: the timeout must be ms, infinity, {clean_timeout, T} or {dirty_timeout, T}, got ${describe(timeout)}`,
      );
  }
  try {
    return await gen.call(serverRef, '$gen_call', request, t, 'gen_statem:call/3');
  } catch (e) {
    if (ExitException.is(e)) {
      const tt = Array.isArray(timeout)
        ? [timeout[0], gen.timeoutTerm(timeout[1])]
        : gen.timeoutTerm(timeout);
      throw new ExitException([e.reason, ['gen_statem', 'call', list(serverRef, request, tt)]]);
    }
    throw e;
  }
}

/**
 * Replies to a caller: `reply(From, Reply)`, or `reply({reply, From, Reply})`, or a list of
 * such reply actions. Always `ok`.
 * @example
 * // gen_statem:reply(From, ok)
 * gen_statem.reply(From, 'ok');
 * @see https://www.erlang.org/docs/25/man/gen_statem.html#reply-2
 */
export function reply(from: From, reply: unknown): 'ok';
export function reply(replies: ['reply', From, unknown] | readonly (readonly unknown[])[]): 'ok';
export function reply(...args: unknown[]): 'ok' {
  if (args.length === 2) return gen.reply(args[0], args[1], 'gen_statem:reply/2');
  const [r] = args;
  const isOne = Array.isArray(r) && r.length === 3 && r[0] === 'reply' && !isList(r);
  const replies = isOne ? [r] : (r as unknown[]);
  if (!Array.isArray(replies))
    throw new ErlangError(
      'function_clause',
      `gen_statem:reply/1: expected reply actions, got ${describe(r)}`,
    );
  for (const one of replies) {
    if (!(Array.isArray(one) && one.length === 3 && one[0] === 'reply'))
      throw new ErlangError(
        'function_clause',
        `gen_statem:reply/1: ${describe(one)} is not {reply, From, Reply}`,
      );
    gen.reply(one[1], one[2], 'gen_statem:reply/1');
  }
  return 'ok';
}

/**
 * Sends a call request without waiting: the request id to wait for with
 * {@link wait_response}, {@link receive_response} or {@link check_response}.
 * @example
 * // ReqId = gen_statem:send_request(code_lock, get_state)
 * const ReqId = gen_statem.send_request('code_lock', 'get_state');
 * @see https://www.erlang.org/docs/25/man/gen_statem.html#send_request-2
 */
export function send_request(serverRef: ServerRef, request: unknown): Ref {
  return gen.send_request(serverRef, '$gen_call', request, 'gen_statem:send_request/2');
}

/**
 * Waits for the response to a request: `{reply, Reply}`, `{error, {Reason, ServerRef}}` or
 * `timeout` (the request stays pending).
 * @example
 * // {reply, locked} = gen_statem:wait_response(ReqId, 1000)
 * const [, Reply] = await gen_statem.wait_response(ReqId, 1000);
 * @see https://www.erlang.org/docs/25/man/gen_statem.html#wait_response-2
 */
export function wait_response(reqId: Ref, timeout: number | 'infinity' = 'infinity'): Promise<unknown> {
  return gen.wait_response(reqId, timeout, 'gen_statem:wait_response/2');
}

/**
 * As {@link wait_response}, but a timeout abandons the request (a late reply is dropped).
 * @example
 * // {reply, locked} = gen_statem:receive_response(ReqId, 1000)
 * const [, Reply] = await gen_statem.receive_response(ReqId, 1000);
 * @see https://www.erlang.org/docs/25/man/gen_statem.html#receive_response-2
 */
export function receive_response(reqId: Ref, timeout: number | 'infinity' = 'infinity'): Promise<unknown> {
  return gen.receive_response(reqId, timeout, 'gen_statem:receive_response/2');
}

/**
 * Whether `msg` (a received message) is the response to `reqId`: `{reply, Reply}`,
 * `{error, {Reason, ServerRef}}`, or `no_reply`.
 * @example
 * // {reply, R} = gen_statem:check_response(Msg, ReqId)
 * const [, R] = gen_statem.check_response(Msg, ReqId);
 * @see https://www.erlang.org/docs/25/man/gen_statem.html#check_response-2
 */
export function check_response(msg: unknown, reqId: Ref): unknown {
  return gen.check_response(msg, reqId, 'gen_statem:check_response/2');
}

// ---- enter_loop ----------------------------------------------------------------------

/** gen:get_parent/0. */
function getParent(): Pid {
  const ancestors = get('$ancestors');
  const parent: unknown = Array.isArray(ancestors) ? ancestors[0] : undefined;
  if (is_pid(parent)) return parent;
  if (typeof parent === 'string') {
    const pid = whereis(parent);
    if (pid !== 'undefined') return pid;
    const g = global_whereis_name(parent);
    if (g !== 'undefined') return g;
    throw new ExitException('could_not_find_registered_name');
  }
  throw new ExitException('process_was_not_started_by_proc_lib');
}

/** gen:get_proc_name/1. */
function getProcName(server: unknown): unknown {
  const me = self();
  if (is_pid(server)) return server;
  if (!isServerName(server))
    throw new ErlangError(
      'function_clause',
      `gen_statem:enter_loop/6: ${describe(server)} is not a server name`,
    );
  switch (server[0]) {
    case 'local': {
      const reg = process_info(me, 'registered_name');
      if (Array.isArray(reg) && reg[1] === server[1]) return server[1];
      throw new ExitException('process_not_registered');
    }
    case 'global':
      if (global_whereis_name(server[1]) === me) return server[1];
      throw new ExitException('process_not_registered_globally');
    case 'via':
      if (termEquals(apply(server[1], 'whereis_name', [server[2]]), me)) return server[2];
      throw new ExitException(['process_not_registered_via', server[1]]);
  }
}

/**
 * Makes the calling process (started by proc_lib) a gen_statem, in `state` with `data`, as if
 * init/1 had returned `{ok, State, Data, Actions}`. Never returns.
 * @param rest - `(Server_or_Actions)` or `(Server, Actions)`: the name it is registered as
 *   (`{local, N}`...) or its pid, and the actions
 * @example
 * // gen_statem:enter_loop(code_lock, [], locked, Data, {local, code_lock})
 * await gen_statem.enter_loop(code_lock, [], 'locked', Data, ['local', 'code_lock']);
 * @see https://www.erlang.org/docs/25/man/gen_statem.html#enter_loop-6
 */
export async function enter_loop(
  module: GenStatemModule,
  opts: readonly EnterLoopOption[],
  state: unknown,
  data: unknown,
  ...rest: [] | [unknown] | [ServerName | Pid, unknown]
): Promise<never> {
  let server: unknown = self();
  let actions: unknown = list();
  if (rest.length === 1) {
    const x = rest[0];
    if (is_pid(x) || isServerName(x)) server = x;
    else actions = x;
  } else if (rest.length === 2) [server, actions] = rest;
  if (!isModule(module)) throw new ErlangError(['atom', module]);
  const parent = getParent();
  const name = getProcName(server);
  const o = Array.isArray(opts) ? opts : [];
  return enter(parent, debugOptions(o), module, name, hibernateAfter(o), state, data, actions);
}

// ---- sys callbacks ----------------------------------------------------------------------

/**
 * sys callback: goes on after a system message (the loop takes its state back).
 * @example
 * // gen_statem:system_continue(Parent, Debug, Misc)  % called by sys only
 * gen_statem.system_continue(Parent, Debug, Misc);
 * @see https://www.erlang.org/docs/25/man/sys.html#Mod:system_continue-3
 */
export function system_continue(parent: Pid, debug: Debug, misc: Misc): Continue {
  return { continueLoop: true, parent, debug, misc };
}

/**
 * sys callback: terminates the machine with `reason` (its terminate/3 runs).
 * @example
 * // gen_statem:system_terminate(Reason, Parent, Debug, Misc)  % called by sys only
 * await gen_statem.system_terminate(Reason, Parent, Debug, Misc);
 * @see https://www.erlang.org/docs/25/man/sys.html#Mod:system_terminate-4
 */
export function system_terminate(reason: unknown, parent: Pid, debug: Debug, misc: Misc): Promise<never> {
  const [p, s] = misc;
  return terminate(new ExitException(reason), null, { ...p, parent }, debug, s, []);
}

/**
 * sys callback: the machine's state for sys:get_state, `{ok, {State, Data}}`.
 * @example
 * // {ok, {State, Data}} = gen_statem:system_get_state(Misc)  % called by sys only
 * const [, [State, Data]] = gen_statem.system_get_state(Misc);
 * @see https://www.erlang.org/docs/25/man/sys.html#Mod:system_get_state-1
 */
export function system_get_state(misc: Misc): ['ok', [unknown, unknown]] {
  return ['ok', misc[1].stateData];
}

/**
 * sys callback: replaces `{State, Data}` with `stateFun({State, Data})`.
 * @example
 * // {ok, New, Misc1} = gen_statem:system_replace_state(Fun, Misc)  % called by sys only
 * const [, New, Misc1] = gen_statem.system_replace_state(Fun, Misc);
 * @see https://www.erlang.org/docs/25/man/sys.html#Mod:system_replace_state-2
 */
export function system_replace_state(
  stateFun: (stateData: [unknown, unknown]) => unknown,
  misc: Misc,
): ['ok', unknown, Misc] {
  const [p, s] = misc;
  const n = stateFun(s.stateData);
  if (!(Array.isArray(n) && n.length === 2)) throw new ErlangError(['badmatch', n]);
  return ['ok', n, [p, { ...s, stateData: n as [unknown, unknown] }]];
}

/**
 * sys callback: code change of a suspended machine: Module:code_change(OldVsn, State, Data, Extra).
 * @example
 * // {ok, Misc1} = gen_statem:system_code_change(Misc, code_lock, "1", [])  % called by sys only
 * const [, Misc1] = gen_statem.system_code_change(Misc, code_lock, '1', []);
 * @see https://www.erlang.org/docs/25/man/sys.html#Mod:system_code_change-4
 */
export function system_code_change(misc: Misc, _mod: unknown, oldVsn: unknown, extra: unknown): unknown {
  // sys calls this synchronously: code_change/4 and callback_mode/0 must answer without a promise.
  const [p, s] = misc;
  const module = p.modules[0] as CallbackModule;
  let r: unknown;
  try {
    r = apply(module, 'code_change', [oldVsn, s.stateData[0], s.stateData[1], extra]);
  } catch (e) {
    const c = caughtException(e);
    if (c.class !== 'throw') throw e;
    r = c.reason;
  }
  if (Array.isArray(r) && r.length === 3 && r[0] === 'ok') {
    const cm = getCallbackModeSync(p, p.modules);
    if ('error' in cm) throw cm.error;
    return ['ok', [cm.params, { ...s, stateData: [r[1], r[2]] }]];
  }
  if (Array.isArray(r) && r.length === 2 && r[0] === 'ok') throw new ErlangError(['case_clause', r]);
  return r;
}

/** A JS string as an Erlang string (a list of character codes). */
const str = erlangString;

/**
 * sys callback: the status sys:get_status shows, `[{header, H}, {data, [...]} | Status]`.
 * @example
 * // gen_statem:format_status(normal, [PDict, SysState, Parent, Debug, Misc])  % called by sys only
 * gen_statem.format_status('normal', [PDict, SysState, Parent, Debug, Misc]);
 * @see https://www.erlang.org/docs/25/man/gen_statem.html#Module:format_status-2
 */
export function format_status(opt: unknown, statusData: readonly unknown[]): unknown {
  const [pdict, sysState, parent, debug, misc] = statusData as [unknown, unknown, unknown, Debug, Misc];
  const [p, s] = misc;
  const [state, data] = s.stateData;
  const [numTimers, timeouts] = listTimeouts(s);
  const status = formatStatus(
    p.modules[0],
    opt,
    { state, data, postponed: list(...s.postponed), log: get_log(debug), timeouts },
    [pdict, state, data],
  ) as StatusMap;
  // OTP's: a crash shows `{State, Why}`; format_status/2's result is a list of sections or one.
  let sections: unknown;
  if (status['EXIT'] !== undefined) sections = list(['data', list([str('State'), [state, status['EXIT']]])]);
  else if ('$status' in status)
    sections = isList(status['$status']) ? status['$status'] : list(status['$status']);
  else sections = list(['data', list([str('State'), [status['state'], status['data']]])]);
  return list(
    ['header', formatStatusHeader('Status for state machine', p.name)],
    [
      'data',
      list(
        [str('Status'), sysState],
        [str('Parent'), parent],
        [str('Modules'), list(...p.modules)],
        [str('Time-outs'), [numTimers, status['timeouts']]],
        [str('Logged Events'), status['log']],
        [str('Postponed'), status['postponed']],
      ),
    ],
    ...(sections as unknown[]),
  );
}

export { listify };

/**
 * The module sys calls back for a gen_statem's system messages (OTP's `gen_statem` module as
 * sys:handle_system_msg gets it): sys:get_status shows it as `{module, M}` with `M.MODULE`
 * `gen_statem`.
 */
export const sysModule = {
  MODULE: 'gen_statem',
  system_continue,
  system_terminate,
  system_get_state,
  system_replace_state,
  system_code_change,
  format_status,
};
setSystemModule(sysModule);

/** gen:unregister_name/1 of the start's name, if any: a promise only when it asks other nodes. */
function unregistering(name: ServerName | null): void | Promise<void> {
  return name === null ? undefined : unregister_name(name);
}
