/**
 * gen_server, as OTP 25's gen_server.erl: the client functions (start, call, cast, reply,
 * stop, multi_call, abcast, enter_loop, send_request and friends) and the server loop that
 * calls the callback module.
 *
 * The loop is one async function iterating where OTP's tail-recursive `loop/7` calls itself; a
 * callback may return its result or a Promise of it. What a callback throws with erlang's
 * `throw` is its result (as OTP's `catch throw:R -> {ok, R}`); an error or exit it raises ends
 * the server through `terminate`, with OTP's error report and exit reason.
 */
import { isTuple } from '../../gen/internal/terms.js';
import {
  ErlangError,
  ExitException,
  _,
  after,
  cancel_timer,
  demonitor,
  exit,
  get,
  io,
  is_alive,
  is_pid,
  list,
  make_ref,
  monitor,
  node,
  on,
  process_flag,
  receive,
  self,
  send,
  spawn,
  start_timer,
  whereis,
  type Pid,
  type Ref,
} from '../../../runtime/index.js';
import {
  ProcessExited,
  describe,
  noMessage,
  setCurrentFunction,
  takeQueued,
  List,
  isList,
} from '../../../runtime/internal/library-api.js';
import * as gen from '../../gen/internal/call.js';
import { type From, type Timeout, isTimeout, waitMs } from '../../gen/internal/call.js';
import {
  apply,
  caughtException,
  exported,
  moduleName,
  type CallbackModule,
} from '../../gen/internal/module.js';
import {
  exitWith,
  global_send,
  isServerName,
  nameOf,
  register_name,
  unregister_name,
  where,
  type ServerName,
  type ServerRef,
} from '../../gen/internal/names.js';
import {
  start as genStart,
  stop as genStop,
  startOptions,
  debugOf,
  type StartOption,
  type StartOptions,
} from '../../gen/internal/start.js';
import { init_ack } from '../../proc_lib/internal/proc-lib.js';
import {
  behaviourHost,
  get_log,
  handle_debug,
  handle_system_msg,
  type Debug,
} from '../../sys/internal/sys.js';
import { noHandleInfo, terminateReport } from './report.js';
import {
  erlangString,
  formatStatus,
  formatStatusHeader,
  type StatusMap,
} from '../../gen/internal/format-status.js';
import type { GenServerCallbacks, Next } from './types.js';

export type { From, Timeout, ServerName, ServerRef, StartOption };

/** A running server's loop state (OTP's loop/7 arguments). */
interface Server {
  readonly parent: Pid;
  readonly name: unknown;
  state: unknown;
  readonly mod: CallbackModule;
  readonly hibAfter: Timeout;
  debug: Debug;
}

/** A callback that raised an error or an exit (a thrown value is a result, not a failure). */
class Failed {
  constructor(readonly error: unknown) {}
}

function failedWith(error: unknown): unknown {
  if (error instanceof ProcessExited) throw error;
  const c = caughtException(error);
  return c.class === 'throw' ? c.reason : new Failed(error);
}

function identity(value: unknown): unknown {
  return value;
}

/**
 * Calls a callback as OTP's try_dispatch does: its result, a thrown value as the result, or a
 * {@link Failed}. Synchronous unless the callback returned a Promise, so a server whose
 * callbacks are plain functions goes through a message without a promise of its own.
 */
function attempt(mod: CallbackModule, fn: string, args: readonly unknown[]): unknown {
  try {
    const value = apply(mod, fn, args);
    return value instanceof Promise ? value.then(identity, failedWith) : value;
  } catch (error) {
    return failedWith(error);
  }
}

function isNext(x: unknown): x is Next {
  return isTimeout(x) || x === 'hibernate' || (Array.isArray(x) && x.length === 2 && x[0] === 'continue');
}

// ---- starting ---------------------------------------------------------------------

/** `{Mod, init, 1}`, made once per module: every server of a module shares it. */
const initialCalls = new WeakMap<CallbackModule, [string, string, number]>();
function initialCall(mod: CallbackModule): [string, string, number] {
  let mfa = initialCalls.get(mod);
  if (mfa === undefined) initialCalls.set(mod, (mfa = [moduleName(mod), 'init', 1]));
  return mfa;
}

function checkModule(mod: unknown, fn: string): asserts mod is CallbackModule {
  if ((typeof mod !== 'object' && typeof mod !== 'function') || mod === null) {
    throw new ErlangError(
      'badarg',
      `${fn}: the callback module must be an object (an ES module namespace), got ${describe(mod)}`,
    );
  }
}

/** The arguments of start/3,4 and its kin: `(Module, Args, Options)` or `(Name, Module, Args, Options)`. */
type StartArgs =
  | [GenServerCallbacks, unknown, readonly StartOption[]]
  | [ServerName, GenServerCallbacks, unknown, readonly StartOption[]];

function startWith(fn: string, kind: 'nolink' | 'link' | 'monitor', args: unknown[]): Promise<unknown> {
  const [name, mod, initArgs, options] = args.length === 4 ? args : [null, ...args];
  checkModule(mod, fn);
  return genStart(fn, kind, name, mod, initArgs, options ?? [], init_it, initialCall(mod), self());
}

/**
 * gen_server's start for a behaviour built on gen_server (the supervisor, as OTP's supervisor
 * is a gen_server callback module): as start/start_link/start_monitor, with the
 * `'$initial_call'` the behaviour names, since OTP's proc_lib shows a supervisor as
 * `{supervisor, Module, 1}` rather than `{supervisor, init, 1}`.
 */
export function startWithInitialCall(
  fn: string,
  kind: 'nolink' | 'link' | 'monitor',
  name: ServerName | null,
  mod: CallbackModule,
  args: unknown,
  options: unknown,
  call: [string, string, number],
): Promise<unknown> {
  checkModule(mod, fn);
  return genStart(fn, kind, name, mod, args, options, init_it, call, self());
}

/**
 * Starts a gen_server, not linked to the caller; returns once its init has run.
 * @returns `{ok, Pid}`, `ignore`, `{error, Reason}` (init failed or returned `{stop, Reason}`),
 *   `{error, {already_started, Pid}}`
 * @example
 * // {ok, Pid} = gen_server:start({local, ch3}, ch3, [], [])
 * const [, Pid] = await gen_server.start(['local', 'ch3'], ch3, [], [])
 * @see https://www.erlang.org/doc/man/gen_server.html#start-4
 */
export function start(...args: StartArgs): Promise<['ok', Pid] | 'ignore' | ['error', unknown]> {
  return startWith('gen_server:start/4', 'nolink', args) as Promise<
    ['ok', Pid] | 'ignore' | ['error', unknown]
  >;
}

/**
 * Starts a gen_server linked to the caller (the way a supervisor starts one).
 * @example
 * // {ok, Pid} = gen_server:start_link({local, ch3}, ch3, [], [])
 * const [, Pid] = await gen_server.start_link(['local', 'ch3'], ch3, [], [])
 * @see https://www.erlang.org/doc/man/gen_server.html#start_link-4
 */
export function start_link(...args: StartArgs): Promise<['ok', Pid] | 'ignore' | ['error', unknown]> {
  return startWith('gen_server:start_link/4', 'link', args) as Promise<
    ['ok', Pid] | 'ignore' | ['error', unknown]
  >;
}

/**
 * Starts a gen_server monitored by the caller: `{ok, {Pid, Mon}}`.
 * @example
 * // {ok, {Pid, Mon}} = gen_server:start_monitor(ch3, [], [])
 * const [, [Pid, Mon]] = await gen_server.start_monitor(ch3, [], [])
 * @see https://www.erlang.org/doc/man/gen_server.html#start_monitor-4
 */
export function start_monitor(
  ...args: StartArgs
): Promise<['ok', [Pid, Ref]] | 'ignore' | ['error', unknown]> {
  return startWith('gen_server:start_monitor/4', 'monitor', args) as Promise<
    ['ok', [Pid, Ref]] | 'ignore' | ['error', unknown]
  >;
}

/** The new server's process: registers its name, runs init, acks its starter, loops. */
function init_it(
  starter: Pid,
  parent0: Pid | 'self',
  name0: ServerName | null,
  mod: object,
  args: unknown,
  options: StartOptions,
): unknown {
  const me = self();
  if (name0 !== null) {
    const r = register_name(name0, me);
    // A global name on a distributed node is registered on every node: wait for that.
    if (r instanceof Promise) {
      return r.then((r2) =>
        r2 === true ? initRegistered(starter, parent0, name0, mod, args, options) : taken(starter, r2),
      );
    }
    if (r !== true) return taken(starter, r);
  }
  return initRegistered(starter, parent0, name0, mod, args, options);
}

/** The name is someone else's: the start fails with `{already_started, Pid}`. */
function taken(starter: Pid, r: [false, Pid | 'undefined']): undefined {
  init_ack(starter, ['error', ['already_started', r[1]]]);
  return undefined;
}

/** init_it once the name (if any) is the server's. */
function initRegistered(
  starter: Pid,
  parent0: Pid | 'self',
  name0: ServerName | null,
  mod: object,
  args: unknown,
  options: StartOptions,
): unknown {
  const me = self();
  const s: Server = {
    parent: parent0 === 'self' ? me : parent0,
    name: name0 === null ? me : nameOf(name0),
    state: undefined,
    mod,
    hibAfter: options.hibernateAfter,
    debug: debugOf(options),
  };
  let result: unknown;
  try {
    result = apply(mod, 'init', [args]);
  } catch (error) {
    result = initRaised(error, starter, name0);
  }
  // No async frame here: it would stay alive as long as the server.
  if (result instanceof Promise) {
    return result.then(
      (r: unknown) => initResult(r, s, starter, name0),
      (e: unknown) => initResult(initRaised(e, starter, name0), s, starter, name0),
    );
  }
  return initResult(result, s, starter, name0);
}

/** init raised: a thrown value is its result; an error or exit fails the start and is raised again. */
function initRaised(error: unknown, starter: Pid, name0: ServerName | null): unknown {
  if (error instanceof ProcessExited) throw error;
  const c = caughtException(error);
  if (c.class === 'throw') return c.reason;
  if (name0 !== null) void unregister_name(name0);
  init_ack(starter, ['error', c.class === 'error' ? [c.reason, c.stack] : c.reason]);
  throw error;
}

function initResult(result: unknown, s: Server, starter: Pid, name0: ServerName | null): unknown {
  if (isTuple(result, 2, 'ok') || (isTuple(result, 3, 'ok') && isNext(result[2]))) {
    s.state = result[1];
    init_ack(starter, ['ok', self()]);
    return loop(s, result.length === 3 ? (result[2] as Next) : 'infinity');
  }
  if (isTuple(result, 2, 'stop')) {
    if (name0 !== null) void unregister_name(name0);
    init_ack(starter, ['error', result[1]]);
    throw new ExitException(result[1]);
  }
  if (result === 'ignore') {
    if (name0 !== null) void unregister_name(name0);
    init_ack(starter, 'ignore');
    return undefined;
  }
  const error = ['bad_return_value', result];
  init_ack(starter, ['error', error]);
  throw new ExitException(error);
}

// ---- the loop -----------------------------------------------------------------------

const loopFunction: [string, string, number] = ['gen_server', 'loop', 7];
const hibernating: [string, string, number] = ['erlang', 'hibernate', 3];
/** What the host's system_continue gives the loop back. */
const sysContinue = Symbol('system_continue');
const hibernateNow = Symbol('hibernate_after');

async function loop(s: Server, first: Next): Promise<never> {
  setCurrentFunction(loopFunction);
  let time = first;
  for (;;) {
    if (Array.isArray(time)) {
      // {continue, C}: handle_continue before the next message.
      const msg = time;
      let outcome = attempt(s.mod, 'handle_continue', [msg[1], s.state]);
      if (outcome instanceof Promise) outcome = await outcome;
      if (s.debug.length > 0) s.debug = handle_debug(s.debug, print_event, s.name, msg);
      time = await commonReply(outcome, s, null, msg);
      continue;
    }
    // A message already queued is taken at once, without a promise (a burst of casts or calls).
    let msg: unknown = time === 'hibernate' ? noMessage : takeQueued();
    if (msg !== noMessage) {
      // Taken.
    } else if (time === 'infinity' || time === Infinity || time === 'hibernate') {
      if (time !== 'hibernate' && s.hibAfter !== 'infinity') {
        msg = await receive(
          on(_, (m) => m),
          after(waitMs(s.hibAfter), () => hibernateNow),
        );
        if (msg === hibernateNow) msg = await hibernate();
      } else if (time === 'hibernate') {
        msg = await hibernate();
      } else {
        msg = await receive();
      }
    } else {
      msg = await receive(
        on(_, (m) => m),
        after(time, () => 'timeout'),
      );
    }
    const next = decode(msg, s, time);
    time = next instanceof Promise ? await next : next;
  }
}

/** Waits for a message as a hibernating process: nothing to compact in JS, only process_info shows it. */
async function hibernate(): Promise<unknown> {
  setCurrentFunction(hibernating);
  const msg = await receive();
  setCurrentFunction(loopFunction);
  return msg;
}

function decode(msg: unknown, s: Server, time: Next): Next | Promise<Next> {
  if (Array.isArray(msg) && msg.length === 3) {
    if (msg[0] === '$gen_call') {
      if (s.debug.length > 0) s.debug = handle_debug(s.debug, print_event, s.name, ['in', msg]);
      return handleCall(msg[1] as From, msg[2], s);
    }
    if (msg[0] === 'system') return systemMessage(msg as ['system', From, unknown], s, time);
    if (msg[0] === 'EXIT' && msg[1] === s.parent)
      return terminate('exit', msg[2], list(), false, s, null, msg);
  }
  if (s.debug.length > 0) s.debug = handle_debug(s.debug, print_event, s.name, ['in', msg]);
  let outcome: unknown;
  if (Array.isArray(msg) && msg.length === 2 && msg[0] === '$gen_cast') {
    outcome = attempt(s.mod, 'handle_cast', [msg[1], s.state]);
  } else if (!exported(s.mod, 'handle_info')) {
    noHandleInfo(s.mod, msg, self());
    outcome = ['noreply', s.state];
  } else {
    outcome = attempt(s.mod, 'handle_info', [msg, s.state]);
  }
  if (outcome instanceof Promise) return outcome.then((o: unknown) => commonReply(o, s, null, msg));
  return commonReply(outcome, s, null, msg);
}

async function systemMessage(msg: ['system', From, unknown], s: Server, time: Next): Promise<Next> {
  const misc = list(s.name, s.state, s.mod, time, s.hibAfter);
  // A hibernating server stays hibernated while sys holds it (OTP's suspend_loop_hib).
  if (time === 'hibernate') setCurrentFunction(hibernating);
  const r = (await handle_system_msg(msg[2], msg[1], s.parent, host, s.debug, misc)) as [symbol, Debug, List];
  setCurrentFunction(loopFunction);
  s.debug = r[1];
  s.state = r[2][1];
  return r[2][3] as Next;
}

function handleCall(from: From, request: unknown, s: Server): Next | Promise<Next> {
  const outcome = attempt(s.mod, 'handle_call', [request, from, s.state]);
  if (outcome instanceof Promise) return outcome.then((o: unknown) => callReply(o, from, request, s));
  return callReply(outcome, from, request, s);
}

function callReply(r: unknown, from: From, request: unknown, s: Server): Next | Promise<Next> {
  if (isTuple(r, 3, 'reply')) {
    s.state = r[2];
    replyAndTrace(from, r[1], s);
    return 'infinity';
  }
  if (isTuple(r, 4, 'reply') && isNext(r[3])) {
    s.state = r[2];
    replyAndTrace(from, r[1], s);
    return r[3];
  }
  if (isTuple(r, 4, 'stop')) {
    s.state = r[3];
    return terminate('exit', r[1], list(), false, s, from, request).finally(() =>
      replyAndTrace(from, r[2], s),
    );
  }
  return commonReply(r, s, from, request);
}

function replyAndTrace(from: From, msg: unknown, s: Server): void {
  gen.reply(from, msg);
  if (s.debug.length > 0) s.debug = handle_debug(s.debug, print_event, s.name, ['out', msg, from, s.state]);
}

function commonReply(r: unknown, s: Server, from: From | null, msg: unknown): Promise<Next> | Next {
  if (r instanceof Failed) {
    const c = caughtException(r.error);
    return terminate(c.class, c.reason, c.stack, true, s, from, msg, r.error);
  }
  if (isTuple(r, 2, 'noreply') || (isTuple(r, 3, 'noreply') && isNext(r[2]))) {
    s.state = r[1];
    if (s.debug.length > 0) s.debug = handle_debug(s.debug, print_event, s.name, ['noreply', s.state]);
    return r.length === 3 ? (r[2] as Next) : 'infinity';
  }
  if (isTuple(r, 3, 'stop')) {
    s.state = r[2];
    return terminate('exit', r[1], list(), false, s, from, msg);
  }
  return terminate('exit', ['bad_return_value', r], list(), false, s, from, msg);
}

function isQuiet(reason: unknown): boolean {
  return reason === 'normal' || reason === 'shutdown' || isTuple(reason, 2, 'shutdown');
}

/**
 * Ends the server: calls terminate/2, writes the error report unless the reason is normal,
 * shutdown or {shutdown, _}, and raises the exception again (the original error, so proc_lib
 * exits with `{Reason, Stack}` for an error) or exit(Reason).
 */
async function terminate(
  cls: 'error' | 'exit' | 'throw',
  reason: unknown,
  stack: List,
  reportStack: boolean,
  s: Server,
  from: From | null,
  msg: unknown,
  original?: unknown,
): Promise<never> {
  const terminateReason = cls === 'error' ? [reason, stack] : reason;
  if (exported(s.mod, 'terminate')) {
    let outcome = attempt(s.mod, 'terminate', [terminateReason, s.state]);
    if (outcome instanceof Promise) outcome = await outcome;
    if (outcome instanceof Failed) {
      const c = caughtException(outcome.error);
      errorInfo(c.reason, c.stack, s, from, msg);
      throw outcome.error;
    }
  }
  if (!(cls === 'exit' && isQuiet(reason))) errorInfo(reason, reportStack ? stack : undefined, s, from, msg);
  if (original !== undefined) throw original;
  throw new ExitException(reason);
}

function errorInfo(
  reason: unknown,
  stack: List | undefined,
  s: Server,
  from: From | null,
  msg: unknown,
): void {
  const status = formatStatus(
    s.mod,
    'terminate',
    { reason, state: s.state, message: msg, log: get_log(s.debug) },
    [get(), s.state],
  ) as StatusMap;
  const shown = status['EXIT'] ?? status['$status'] ?? status['state'];
  terminateReport(
    {
      name: s.name,
      lastMessage: status['message'],
      state: shown,
      reason: stack === undefined ? status['reason'] : [status['reason'], stack],
      log: (status['log'] as List | undefined) ?? list(),
      client: from === null ? null : from[0],
    },
    self(),
  );
}

function print_event(_device: unknown, event: unknown, name: unknown): void {
  if (isTuple(event, 2, 'in')) {
    const m = event[1];
    if (isTuple(m, 3, '$gen_call') && Array.isArray(m[1]))
      io.format('*DBG* ~tp got call ~tp from ~tw~n', [name, m[2], m[1][0]]);
    else if (isTuple(m, 2, '$gen_cast')) io.format('*DBG* ~tp got cast ~tp~n', [name, m[1]]);
    else io.format('*DBG* ~tp got ~tp~n', [name, m]);
  } else if (isTuple(event, 4, 'out') && Array.isArray(event[2])) {
    io.format('*DBG* ~tp sent ~tp to ~tw, new state ~tp~n', [name, event[1], event[2][0], event[3]]);
  } else if (isTuple(event, 2, 'noreply')) {
    io.format('*DBG* ~tp new state ~tp~n', [name, event[1]]);
  } else {
    io.format('*DBG* ~tp dbg  ~tp~n', [name, event]);
  }
}

/** The gen_server as sys sees it (OTP's system_continue, system_terminate and friends). */
const host = behaviourHost({
  MODULE: 'gen_server',
  system_continue(_parent: Pid, debug: Debug, misc: List): [symbol, Debug, List] {
    return [sysContinue, debug, misc];
  },
  system_terminate(reason: unknown, parent: Pid, debug: Debug, misc: List): Promise<never> {
    const [name, state, mod, , hibAfter] = misc as unknown as [
      unknown,
      unknown,
      CallbackModule,
      Next,
      Timeout,
    ];
    return terminate(
      'exit',
      reason,
      list(),
      false,
      { parent, name, state, mod, hibAfter, debug },
      null,
      list(),
    );
  },
  system_get_state(misc: List): ['ok', unknown] {
    return ['ok', misc[1]];
  },
  system_replace_state(fun: (s: unknown) => unknown, misc: List): ['ok', unknown, List] {
    const state = fun(misc[1]);
    return ['ok', state, list(misc[0], state, misc[2], misc[3], misc[4])];
  },
  system_code_change(misc: List, _module: unknown, oldVsn: unknown, extra: unknown): unknown {
    let r: unknown;
    try {
      r = apply(misc[2] as CallbackModule, 'code_change', [oldVsn, misc[1], extra]);
    } catch (e) {
      const c = caughtException(e);
      return c.class === 'throw' ? c.reason : ['EXIT', c.class === 'error' ? [c.reason, c.stack] : c.reason];
    }
    if (isTuple(r, 2, 'ok')) return ['ok', list(misc[0], r[1], misc[2], misc[3], misc[4])];
    return r;
  },
  format_status(opt: 'normal' | 'terminate', statusData: List): List {
    const [pdict, sysState, parent, debug, misc] = statusData as unknown as [
      unknown,
      unknown,
      Pid,
      List,
      List,
    ];
    const [name, state, mod] = misc as unknown as [unknown, unknown, CallbackModule];
    const header = formatStatusHeader('Status for generic server', name);
    const status = formatStatus(mod, opt, { state, log: get_log([...debug] as unknown as Debug) }, [
      pdict,
      state,
    ]) as StatusMap;
    let extra: unknown;
    if (status['EXIT'] !== undefined) extra = list(['data', list([erlangString('State'), status['EXIT']])]);
    else if (status['$status'] !== undefined)
      // format_status/2's result: a list of sections as it is, any other term one section
      // (OTP's `S when is_list(S) -> S; S -> [S]`): a tuple is an array, a list a List.
      extra = isList(status['$status']) ? status['$status'] : list(status['$status']);
    else extra = list(['data', list([erlangString('State'), status['state']])]);
    return list(
      ['header', header],
      [
        'data',
        list(
          [erlangString('Status'), sysState],
          [erlangString('Parent'), parent],
          [erlangString('Logged events'), status['log']],
        ),
      ],
      ...(extra as unknown[]),
    );
  },
});

// ---- the client functions -------------------------------------------------------------

/** How a failed call/2 and call/3 exit: `{Reason, {gen_server, call, Args}}`. */
const call2 = { module: 'gen_server', withTimeout: false };
const call3 = { module: 'gen_server', withTimeout: true };

/**
 * Makes a synchronous call to a server and waits for its reply. A failure exits the caller with
 * `{Reason, {gen_server, call, [ServerRef, Request]}}` (call/2) or `[ServerRef, Request,
 * Timeout]` (call/3): `noproc`, `timeout`, `calling_self`, or the server's exit reason.
 * @param timeout - milliseconds or `infinity`; 5000 when left out
 * @example
 * // Ch = gen_server:call(ch3, alloc)
 * const Ch = await gen_server.call('ch3', 'alloc')
 * @see https://www.erlang.org/doc/man/gen_server.html#call-3
 */
export function call(serverRef: ServerRef, request: unknown, ...timeout: [] | [Timeout]): Promise<unknown> {
  const t = timeout.length === 0 ? 5000 : timeout[0];
  return gen.call(serverRef, '$gen_call', request, t, 'gen:call/4', timeout.length === 0 ? call2 : call3);
}

/**
 * Sends an asynchronous request to a server; `ok` whether or not the server exists.
 * @example
 * // gen_server:cast(ch3, {free, Ch})
 * gen_server.cast('ch3', ['free', Ch])
 * @see https://www.erlang.org/doc/man/gen_server.html#cast-2
 */
export function cast(serverRef: ServerRef, request: unknown): 'ok' {
  const msg = ['$gen_cast', request];
  const ref: unknown = serverRef;
  try {
    if (isTuple(ref, 2, 'global')) global_send(ref[1], msg);
    else if (isTuple(ref, 3, 'via')) apply(ref[1] as CallbackModule, 'send', [ref[2], msg]);
    else if (is_pid(ref) || typeof ref === 'string') send(ref, msg);
    else if (
      Array.isArray(ref) &&
      ref.length === 2 &&
      typeof ref[0] === 'string' &&
      typeof ref[1] === 'string'
    ) {
      // {Name, Node}: this node's, or another's (dropped while this one is not alive, as OTP).
      send(ref as [string, string], msg);
    } else {
      throw new ErlangError(
        'function_clause',
        `gen_server:cast/2: ${describe(serverRef)} is not a server reference`,
      );
    }
  } catch (e) {
    if (ErlangError.is(e) && e.reason === 'function_clause') throw e;
    // A name nobody has: the cast is lost, as OTP's catch drops it.
  }
  return 'ok';
}

/**
 * Replies to a caller from a callback that returned `noreply` (or from another process).
 * @param from - the From handle_call got
 * @example
 * // gen_server:reply(From, Reply)
 * gen_server.reply(From, Reply)
 * @see https://www.erlang.org/doc/man/gen_server.html#reply-2
 */
export function reply(from: From, msg: unknown): 'ok' {
  return gen.reply(from, msg, 'gen_server:reply/2');
}

/**
 * Stops a server: it calls terminate(Reason, State) and exits; waits until it is gone.
 * Exits `noproc` if there is no such server, `timeout` if it takes longer than Timeout.
 * @example
 * // ok = gen_server:stop(ch3)
 * await gen_server.stop('ch3')
 * @see https://www.erlang.org/doc/man/gen_server.html#stop-3
 */
export function stop(
  serverRef: ServerRef,
  reason: unknown = 'normal',
  timeout: Timeout = 'infinity',
): Promise<'ok'> {
  return genStop(serverRef, reason, timeout, 'gen:stop/3');
}

/**
 * Calls the server registered as `name` on each node and collects `{Replies, BadNodes}`, both in
 * the order of `nodes`. A node is bad when its server is not there, dies, or its node goes away
 * before it replies, or when `timeout` passes first. As OTP's, the requests go out at once and
 * the replies are gathered by a middleman process, so a reply after the timeout reaches nobody.
 * @example
 * // {Replies, BadNodes} = gen_server:multi_call(ch3, alloc)
 * const [Replies, BadNodes] = await gen_server.multi_call('ch3', 'alloc')
 * // {Replies, BadNodes} = gen_server:multi_call([a@host, b@host], ch3, alloc, 1000)
 * const [Replies2, BadNodes2] = await gen_server.multi_call(['a@host', 'b@host'], 'ch3', 'alloc', 1000)
 * @see https://www.erlang.org/doc/man/gen_server.html#multi_call-2
 */
export async function multi_call(...args: unknown[]): Promise<[List<[string, unknown]>, List<string>]> {
  const fn = 'gen_server:multi_call/4';
  let nodes: unknown = list(node());
  let name: unknown;
  let request: unknown;
  let timeout: unknown = 'infinity';
  if (args.length === 2) [name, request] = args;
  else if (args.length === 3) [nodes, name, request] = args;
  else if (args.length === 4) [nodes, name, request, timeout] = args;
  else throw new ErlangError('undef', `${fn}: takes 2 to 4 arguments, got ${String(args.length)}`);
  if (typeof name !== 'string' || !Array.isArray(nodes) || !isTimeout(timeout)) {
    throw new ErlangError(
      'function_clause',
      `${fn}: expected [Nodes,] Name (an atom), Request [, Timeout], got ${args.map((a) => describe(a)).join(', ')}`,
    );
  }
  // As OTP's send_nodes/5, a node that is not an atom is skipped.
  const targets = (nodes as unknown[]).filter((n): n is string => typeof n === 'string');
  if (targets.length === 1 && targets[0] === node() && timeout === 'infinity') {
    try {
      const reply: [string, unknown] = [node(), await gen.call(name, '$gen_call', request, 'infinity', fn)];
      return [list(reply), list()];
    } catch (e) {
      if (!ExitException.is(e)) throw e;
      return [list(), list(node())];
    }
  }
  const tag = make_ref();
  const middleman = spawn(() => gatherReplies(targets, name, tag, request, timeout));
  const mref = monitor('process', middleman);
  const reason = await receive(on(['DOWN', mref, _, _, _], ([, , , , why]) => why));
  if (Array.isArray(reason) && reason.length === 3 && reason[0] === middleman && reason[1] === tag)
    return reason[2] as [List<[string, unknown]>, List<string>];
  return exit(reason);
}

/**
 * multi_call's middleman: sends `request` to `name` on every node with a monitor on each, then
 * takes a reply or a DOWN per node, in order, until the timer fires; exits with
 * `[self(), Tag, [Replies, BadNodes]]`.
 */
async function gatherReplies(
  nodes: readonly string[],
  name: string,
  tag: Ref,
  request: unknown,
  timeout: Timeout,
): Promise<never> {
  process_flag('trap_exit', true);
  const me = self();
  const watched = nodes.map((n): [string, Ref] => {
    if (n !== node() && !is_alive()) {
      // As OTP's start_monitor/2: a node that is not alive cannot reach another one.
      const ref = make_ref();
      send(me, ['DOWN', ref, 'process', [name, n], 'noconnection']);
      return [n, ref];
    }
    const ref = monitor('process', [name, n]);
    try {
      send([name, n], ['$gen_call', [me, [tag, n]], request]);
    } catch {
      // An unregistered local name: its DOWN (noproc) says so.
    }
    return [n, ref];
  });
  const timer = timeout === 'infinity' ? null : start_timer(waitMs(timeout), me, 'ok');
  const replies: [string, unknown][] = [];
  const bad: string[] = [];
  let timedOut = false;
  for (const [n, ref] of watched) {
    const answer = (reply: unknown): void => {
      demonitor(ref, ['flush']);
      replies.push([n, reply]);
    };
    const down = (): void => {
      demonitor(ref, ['flush']);
      bad.push(n);
    };
    if (timedOut) {
      await receive(
        on(['DOWN', ref, _, _, _], down),
        on([[tag, n], _], ([, reply]) => answer(reply)),
        after(0, down),
      );
      continue;
    }
    await receive(
      on(['DOWN', ref, _, _, _], down),
      on([[tag, n], _], ([, reply]) => answer(reply)),
      on(['timeout', timer, _], () => {
        timedOut = true;
        down();
      }),
    );
  }
  if (timer !== null && !timedOut) cancel_timer(timer);
  return exit([me, tag, [list(...replies), list(...bad)]]);
}

/**
 * Casts to the server registered as `name` on each node (this node, and any other: not waited for).
 * @example
 * // abcast = gen_server:abcast(ch3, {free, 1})
 * gen_server.abcast('ch3', ['free', 1])
 * @see https://www.erlang.org/doc/man/gen_server.html#abcast-2
 */
export function abcast(...args: [string, unknown] | [readonly string[], string, unknown]): 'abcast' {
  const [nodes, name, request] = args.length === 2 ? [[node()], args[0], args[1]] : args;
  for (const n of nodes) cast([name, n], request);
  return 'abcast';
}

/**
 * Makes the calling process, started by proc_lib, a gen_server: it never returns. The process
 * must already have `ServerName` registered if one is given.
 * @example
 * // gen_server:enter_loop(ch3, [], Chs, {local, ch3})
 * return gen_server.enter_loop(ch3, [], Chs, ['local', 'ch3'])
 * @see https://www.erlang.org/doc/man/gen_server.html#enter_loop-5
 */
export async function enter_loop(
  mod: GenServerCallbacks,
  options: readonly StartOption[],
  state: unknown,
  ...rest: [] | [ServerName | Pid | Next] | [ServerName | Pid, Next]
): Promise<never> {
  const fn = 'gen_server:enter_loop/5';
  checkModule(mod, fn);
  let name: ServerName | Pid = self();
  let time: Next = 'infinity';
  if (rest.length === 2) [name, time] = rest;
  else if (rest.length === 1) {
    if (isServerName(rest[0]) || is_pid(rest[0])) name = rest[0];
    else time = rest[0];
  }
  if (!isNext(time)) throw new ErlangError('function_clause', `${fn}: bad timeout ${describe(time)}`);
  const opts = startOptions(options, fn);
  const me = self();
  if (!is_pid(name)) {
    if (!isServerName(name)) throw new ErlangError('badarg', `${fn}: bad server name ${describe(name)}`);
    if (where(name) !== me) {
      throw exitWith(
        name[0] === 'local'
          ? 'process_not_registered'
          : name[0] === 'global'
            ? 'process_not_registered_globally'
            : ['process_not_registered_via', name[1]],
      );
    }
  }
  const ancestors = get('$ancestors');
  const first: unknown = Array.isArray(ancestors) ? (ancestors as unknown[])[0] : undefined;
  let parent: Pid;
  if (is_pid(first)) parent = first;
  else if (typeof first === 'string' && whereis(first) !== 'undefined') parent = whereis(first) as Pid;
  else throw exitWith('process_was_not_started_by_proc_lib');
  const s: Server = {
    parent,
    name: is_pid(name) ? name : nameOf(name),
    state,
    mod,
    hibAfter: opts.hibernateAfter,
    debug: debugOf(opts),
  };
  return loop(s, time);
}

// ---- send_request ------------------------------------------------------------------------

/**
 * Sends a call request without waiting: the request id to wait for its response with.
 * @example
 * // ReqId = gen_server:send_request(ch3, alloc)
 * const ReqId = gen_server.send_request('ch3', 'alloc')
 * @see https://www.erlang.org/doc/man/gen_server.html#send_request-2
 */
export function send_request(serverRef: ServerRef, request: unknown): Ref {
  return gen.send_request(serverRef, '$gen_call', request, 'gen_server:send_request/2');
}

/**
 * Waits for the response to a request: `{reply, Reply}`, `{error, {Reason, ServerRef}}`, or
 * `timeout` (the request stays outstanding).
 * @example
 * // {reply, Ch} = gen_server:wait_response(ReqId, 1000)
 * const [, Ch] = await gen_server.wait_response(ReqId, 1000)
 * @see https://www.erlang.org/doc/man/gen_server.html#wait_response-2
 */
export function wait_response(reqId: Ref, timeout: Timeout): Promise<gen.Response | 'timeout'> {
  return gen.wait_response(reqId, timeout, 'gen_server:wait_response/2');
}

/**
 * As {@link wait_response}, but a timeout abandons the request: a later reply is dropped.
 * @example
 * // {reply, Ch} = gen_server:receive_response(ReqId, 1000)
 * const [, Ch] = await gen_server.receive_response(ReqId, 1000)
 * @see https://www.erlang.org/doc/man/gen_server.html#receive_response-2
 */
export function receive_response(reqId: Ref, timeout: Timeout): Promise<gen.Response | 'timeout'> {
  return gen.receive_response(reqId, timeout, 'gen_server:receive_response/2');
}

/**
 * Whether a received message is the response to a request: `{reply, R}`, `{error, {Reason,
 * ServerRef}}`, or `no_reply`.
 * @example
 * // {reply, Ch} = gen_server:check_response(Msg, ReqId)
 * const r = gen_server.check_response(Msg, ReqId)
 * @see https://www.erlang.org/doc/man/gen_server.html#check_response-2
 */
export function check_response(msg: unknown, reqId: Ref): gen.Response | 'no_reply' {
  return gen.check_response(msg, reqId, 'gen_server:check_response/2');
}
