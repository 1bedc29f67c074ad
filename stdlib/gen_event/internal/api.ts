/**
 * gen_event's client functions, as OTP 25's gen_event.erl: starting a manager (through gen's
 * name registration and proc_lib), the requests handlers are installed, removed, swapped and
 * called with (gen:call with `infinity`, the reply as the result), notify (a plain send) and
 * the send_request family.
 */
import { startOptions, stop as genStop } from '../../gen/internal/start.js';
import {
  ErlangError,
  ExitException,
  _,
  is_pid,
  list,
  on,
  receive,
  self,
  send as erlangSend,
  type Pid,
  type Ref,
} from '../../../runtime/index.js';
import { describe, isList } from '../../../runtime/internal/library-api.js';
import * as gen from '../../gen/internal/call.js';
import { timeoutTerm, type Response, type Timeout } from '../../gen/internal/call.js';
import { apply, isModule } from '../../gen/internal/module.js';
import {
  global_send,
  isServerName,
  where,
  type ServerName,
  type ServerRef,
} from '../../gen/internal/names.js';
import * as proc_lib from '../../proc_lib/internal/proc-lib.js';
import { genEventModule, type StartOptions } from './server.js';
import type { HandlerId, StartResult } from './types.js';

/** A start option: `{timeout, T}`, `{debug, Flags}`, `{spawn_opt, Opts}`, `{hibernate_after, T}`. */
export type StartOption =
  | ['timeout', Timeout]
  | ['debug', readonly unknown[]]
  | ['spawn_opt', readonly proc_lib.SpawnOption[]]
  | ['hibernate_after', Timeout];

/** How to reach an event manager: a pid, a registered name, `{Name, Node}`, `{global, N}`, `{via, M, N}`. */
export type EventMgrRef = ServerRef;

// ---- start ------------------------------------------------------------------------------

function readOptions(options: readonly unknown[], fn: string): StartOptions {
  // gen's reading of start options, shared with the other behaviours (a bad one is badarg).
  const o = startOptions(options, fn);
  return {
    timeout: o.timeout,
    spawnOpt: o.spawnOpts,
    hibernateAfter: gen.waitMs(o.hibernateAfter),
    debug: options.some((x) => Array.isArray(x) && x[0] === 'debug') ? o.debug : null,
  };
}

type Linkage = 'nolink' | 'link' | 'monitor';

/** gen:start/5,6 for gen_event: the name checked, then the manager started by proc_lib. */
async function genStart(
  linkage: Linkage,
  fn: string,
  args: readonly unknown[],
): Promise<StartResult | ['ok', [Pid, Ref]]> {
  let name: ServerName | null = null;
  let options: readonly unknown[] = [];
  if (args.length === 2) {
    if (!isServerName(args[0]) || !Array.isArray(args[1])) badStart(fn, args);
    [name, options] = [args[0], args[1]];
  } else if (args.length === 1) {
    if (isServerName(args[0])) name = args[0];
    else if (Array.isArray(args[0]) && (isList(args[0]) || args[0].every((o) => Array.isArray(o))))
      options = args[0];
    else badStart(fn, args);
  }
  const opts = readOptions(options, fn);
  if (name !== null) {
    const holder = where(name);
    if (holder !== 'undefined') return ['error', ['already_started', holder]];
  }
  const initArgs = [self(), linkage === 'nolink' ? 'self' : self(), name, 'no callback module', [], opts];
  const spawnOpts = opts.spawnOpt as proc_lib.SpawnOption[];
  if (linkage === 'link') {
    return (await proc_lib.start_link(
      genEventModule,
      'init_it',
      initArgs,
      opts.timeout,
      spawnOpts,
    )) as StartResult;
  }
  if (linkage === 'nolink') {
    return (await proc_lib.start(
      genEventModule,
      'init_it',
      initArgs,
      opts.timeout,
      spawnOpts,
    )) as StartResult;
  }
  const [ret, mon] = await proc_lib.start_monitor(
    genEventModule,
    'init_it',
    initArgs,
    opts.timeout,
    spawnOpts,
  );
  if (Array.isArray(ret) && ret[0] === 'ok' && is_pid(ret[1])) return ['ok', [ret[1], mon]];
  // Failed: wait until the process is gone, as gen's monitor_return does.
  await receive(on(['DOWN', mon, 'process', _, _]));
  return ret as StartResult;
}

function badStart(fn: string, args: readonly unknown[]): never {
  throw new ErlangError(
    'function_clause',
    `${fn}: expected a name ({local, Name}, {global, Name}, {via, Module, Name}) and/or a list of options, got ${args.map((a) => describe(a)).join(', ')}`,
  );
}

/**
 * Starts an event manager, not linked to the caller: `{ok, Pid}`, or `{error, {already_started,
 * Pid}}` when the name is taken.
 * @param args - `()`, `(Name)`, `(Options)` or `(Name, Options)`
 * @example
 * // {ok, Pid} = gen_event:start({local, error_man})
 * const [, Pid] = await gen_event.start(['local', 'error_man'])
 * @see https://www.erlang.org/doc/man/gen_event.html#start-2
 */
export function start(): Promise<StartResult>;
export function start(nameOrOptions: ServerName | readonly StartOption[]): Promise<StartResult>;
export function start(name: ServerName, options: readonly StartOption[]): Promise<StartResult>;
export function start(...args: unknown[]): Promise<StartResult> {
  return genStart('nolink', 'gen_event:start/2', args) as Promise<StartResult>;
}

/**
 * Starts an event manager linked to the caller (as part of a supervision tree).
 * @param args - `()`, `(Name)`, `(Options)` or `(Name, Options)`
 * @example
 * // {ok, Pid} = gen_event:start_link({local, error_man})
 * const [, Pid] = await gen_event.start_link(['local', 'error_man'])
 * @see https://www.erlang.org/doc/man/gen_event.html#start_link-2
 */
export function start_link(): Promise<StartResult>;
export function start_link(nameOrOptions: ServerName | readonly StartOption[]): Promise<StartResult>;
export function start_link(name: ServerName, options: readonly StartOption[]): Promise<StartResult>;
export function start_link(...args: unknown[]): Promise<StartResult> {
  return genStart('link', 'gen_event:start_link/2', args) as Promise<StartResult>;
}

/**
 * Starts an event manager monitored by the caller: `{ok, {Pid, Mon}}`.
 * @param args - `()`, `(Name)`, `(Options)` or `(Name, Options)`
 * @example
 * // {ok, {Pid, Mon}} = gen_event:start_monitor({local, error_man})
 * const [, [Pid, Mon]] = await gen_event.start_monitor(['local', 'error_man'])
 * @see https://www.erlang.org/doc/man/gen_event.html#start_monitor-2
 */
export function start_monitor(): Promise<['ok', [Pid, Ref]] | ['error', unknown]>;
export function start_monitor(
  nameOrOptions: ServerName | readonly StartOption[],
): Promise<['ok', [Pid, Ref]] | ['error', unknown]>;
export function start_monitor(
  name: ServerName,
  options: readonly StartOption[],
): Promise<['ok', [Pid, Ref]] | ['error', unknown]>;
export function start_monitor(...args: unknown[]): Promise<['ok', [Pid, Ref]] | ['error', unknown]> {
  return genStart('monitor', 'gen_event:start_monitor/2', args) as Promise<
    ['ok', [Pid, Ref]] | ['error', unknown]
  >;
}

/**
 * Stops an event manager: every handler's terminate(stop, State) runs, then it exits with
 * `reason` (default `normal`). Exits `noproc` when there is none, `timeout` after `timeout`.
 * @example
 * // ok = gen_event:stop(error_man)
 * await gen_event.stop('error_man')
 * @see https://www.erlang.org/doc/man/gen_event.html#stop-3
 */
export function stop(
  ref: EventMgrRef,
  reason: unknown = 'normal',
  timeout: Timeout = 'infinity',
): Promise<'ok'> {
  return genStop(ref, reason, timeout, 'gen_event:stop/3');
}

// ---- requests ---------------------------------------------------------------------------

/** rpc/2: gen:call with `infinity`; a failure exits with gen's bare reason (`noproc`, ...). */
function rpc(ref: unknown, cmd: unknown, fn: string): Promise<unknown> {
  return gen.call(ref, self(), cmd, 'infinity', fn);
}

/**
 * Installs a handler: calls `Module:init(Args)`. `ok`; or what init returned when that is not
 * `{ok, State}` (`{error, Reason}`, or `{'EXIT', Reason}` when it crashed).
 * @param handler - the module, or `{Module, Id}`
 * @example
 * // ok = gen_event:add_handler(error_man, terminal_logger, [])
 * await gen_event.add_handler('error_man', terminal_logger, [])
 * @see https://www.erlang.org/doc/man/gen_event.html#add_handler-3
 */
export function add_handler(ref: EventMgrRef, handler: HandlerId, args: unknown): Promise<unknown> {
  return rpc(ref, ['add_handler', handler, args], 'gen_event:add_handler/3');
}

/**
 * As {@link add_handler}, supervised by the caller: the manager links to it, removes the
 * handler when it dies, and sends it `{gen_event_EXIT, Handler, Reason}` when the handler goes.
 * @example
 * // ok = gen_event:add_sup_handler(error_man, terminal_logger, [])
 * await gen_event.add_sup_handler('error_man', terminal_logger, [])
 * @see https://www.erlang.org/doc/man/gen_event.html#add_sup_handler-3
 */
export function add_sup_handler(ref: EventMgrRef, handler: HandlerId, args: unknown): Promise<unknown> {
  return rpc(ref, ['add_sup_handler', handler, args, self()], 'gen_event:add_sup_handler/3');
}

/**
 * Removes a handler: what its terminate(Args, State) returned (`ok` without one), or
 * `{error, module_not_found}`.
 * @example
 * // ok = gen_event:delete_handler(error_man, terminal_logger, [])
 * await gen_event.delete_handler('error_man', terminal_logger, [])
 * @see https://www.erlang.org/doc/man/gen_event.html#delete_handler-3
 */
export function delete_handler(ref: EventMgrRef, handler: HandlerId, args: unknown): Promise<unknown> {
  return rpc(ref, ['delete_handler', handler, args], 'gen_event:delete_handler/3');
}

function pair(x: unknown, fn: string): [unknown, unknown] {
  if (!Array.isArray(x) || x.length !== 2) {
    throw new ErlangError('function_clause', `${fn}: expected {Handler, Args}, got ${describe(x)}`);
  }
  return x as [unknown, unknown];
}

/**
 * Replaces handler 1 by handler 2: terminate(Args1, State1) of the old, then
 * init({Args2, Result}) of the new. `ok` or `{error, Reason}`.
 * @example
 * // ok = gen_event:swap_handler(error_man, {terminal_logger, swap}, {file_logger, swap})
 * await gen_event.swap_handler('error_man', [terminal_logger, 'swap'], [file_logger, 'swap'])
 * @see https://www.erlang.org/doc/man/gen_event.html#swap_handler-3
 */
export function swap_handler(
  ref: EventMgrRef,
  old: [HandlerId, unknown],
  new_: [HandlerId, unknown],
): Promise<'ok' | ['error', unknown]> {
  const fn = 'gen_event:swap_handler/3';
  const [h1, a1] = pair(old, fn);
  const [h2, a2] = pair(new_, fn);
  return rpc(ref, ['swap_handler', h1, a1, h2, a2], fn) as Promise<'ok' | ['error', unknown]>;
}

/**
 * As {@link swap_handler}, the new handler supervised by the caller.
 * @example
 * // ok = gen_event:swap_sup_handler(error_man, {terminal_logger, swap}, {file_logger, swap})
 * await gen_event.swap_sup_handler('error_man', [terminal_logger, 'swap'], [file_logger, 'swap'])
 * @see https://www.erlang.org/doc/man/gen_event.html#swap_sup_handler-3
 */
export function swap_sup_handler(
  ref: EventMgrRef,
  old: [HandlerId, unknown],
  new_: [HandlerId, unknown],
): Promise<'ok' | ['error', unknown]> {
  const fn = 'gen_event:swap_sup_handler/3';
  const [h1, a1] = pair(old, fn);
  const [h2, a2] = pair(new_, fn);
  return rpc(ref, ['swap_sup_handler', h1, a1, h2, a2, self()], fn) as Promise<'ok' | ['error', unknown]>;
}

/**
 * The installed handlers, newest first: modules, and `{Module, Id}`.
 * @example
 * // [terminal_logger] = gen_event:which_handlers(error_man)
 * await gen_event.which_handlers('error_man')
 * @see https://www.erlang.org/doc/man/gen_event.html#which_handlers-1
 */
export async function which_handlers(ref: EventMgrRef): Promise<HandlerId[]> {
  return (await rpc(ref, 'which_handlers', 'gen_event:which_handlers/1')) as HandlerId[];
}

/**
 * Sends an event to every handler's handle_event, without waiting: `ok`. A registered name
 * nobody has raises `badarg` (as `Name ! Msg`); `{global, N}` and `{via, M, N}` never fail.
 * @example
 * // ok = gen_event:notify(error_man, no_reply)
 * gen_event.notify('error_man', 'no_reply')
 * @see https://www.erlang.org/doc/man/gen_event.html#notify-2
 */
export function notify(ref: EventMgrRef, event: unknown): 'ok' {
  send(ref, ['notify', event]);
  return 'ok';
}

/** gen_event's send/2. */
function send(ref: unknown, cmd: unknown): void {
  if (Array.isArray(ref) && ref.length === 2 && ref[0] === 'global') {
    try {
      global_send(ref[1], cmd);
    } catch {
      // catch global:send(Name, Cmd)
    }
    return;
  }
  if (Array.isArray(ref) && ref.length === 3 && ref[0] === 'via' && isModule(ref[1])) {
    try {
      apply(ref[1], 'send', [ref[2], cmd]);
    } catch {
      // catch Mod:send(Name, Cmd)
    }
    return;
  }
  if (Array.isArray(ref) && ref.length === 2 && typeof ref[0] === 'string' && typeof ref[1] === 'string') {
    // {Name, Node}: Name on that node (a local one not registered is badarg, as `!` says).
    erlangSend(ref as [string, string], cmd);
    return;
  }
  if (!is_pid(ref) && typeof ref !== 'string') {
    throw new ErlangError('badarg', `gen_event:notify/2: ${describe(ref)} is not an event manager reference`);
  }
  erlangSend(ref, cmd);
}

/**
 * Sends an event to every handler's handle_event and waits until all have handled it: `ok`.
 * @example
 * // ok = gen_event:sync_notify(error_man, no_reply)
 * await gen_event.sync_notify('error_man', 'no_reply')
 * @see https://www.erlang.org/doc/man/gen_event.html#sync_notify-2
 */
export async function sync_notify(ref: EventMgrRef, event: unknown): Promise<'ok'> {
  return (await rpc(ref, ['sync_notify', event], 'gen_event:sync_notify/2')) as 'ok';
}

/**
 * Calls one handler's handle_call(Request, State) and returns its reply; `{error, bad_module}`
 * when there is no such handler, `{error, {'EXIT', Reason}}` when it crashed. A failed call
 * exits with `{Reason, {gen_event, call, [Ref, Handler, Request | Timeout]}}`.
 * @param timeout - milliseconds or `infinity` (5000 when left out, as call/3)
 * @example
 * // Reply = gen_event:call(error_man, terminal_logger, get_count, 1000)
 * const Reply = await gen_event.call('error_man', terminal_logger, 'get_count', 1000)
 * @see https://www.erlang.org/doc/man/gen_event.html#call-4
 */
export async function call(
  ref: EventMgrRef,
  handler: HandlerId,
  request: unknown,
  timeout?: Timeout,
): Promise<unknown> {
  const cmd = ['call', handler, request];
  try {
    return await gen.call(ref, self(), cmd, timeout ?? 5000, 'gen_event:call/4');
  } catch (e) {
    if (!ExitException.is(e)) throw e;
    const args: unknown[] = [ref, handler, request];
    if (timeout !== undefined) args.push(timeoutTerm(timeout));
    throw new ExitException([e.reason, ['gen_event', 'call', list(...args)]]);
  }
}

// ---- send_request -------------------------------------------------------------------------

/** A request id from {@link send_request}. */
export type RequestId = Ref;

/**
 * Sends a call to a handler and returns at once with a request id, for
 * {@link wait_response}, {@link receive_response} or {@link check_response}.
 * @example
 * // ReqId = gen_event:send_request(error_man, terminal_logger, get_count)
 * const ReqId = gen_event.send_request('error_man', terminal_logger, 'get_count')
 * @see https://www.erlang.org/doc/man/gen_event.html#send_request-3
 */
export function send_request(ref: EventMgrRef, handler: HandlerId, request: unknown): RequestId {
  return gen.send_request(ref, self(), ['call', handler, request], 'gen_event:send_request/3');
}

/** A reply `{error, _}` (bad_module, a crash) is the response itself, not `{reply, {error, _}}`. */
function unwrap<T>(r: T): T | ['error', unknown] {
  if (
    Array.isArray(r) &&
    r[0] === 'reply' &&
    Array.isArray(r[1]) &&
    r[1].length === 2 &&
    r[1][0] === 'error'
  ) {
    return r[1] as ['error', unknown];
  }
  return r;
}

/**
 * Waits for the response to a request: `{reply, Reply}`, `{error, {Reason, Ref}}` (the manager
 * died), or `timeout` (the request stays pending).
 * @example
 * // {reply, Count} = gen_event:wait_response(ReqId, 1000)
 * const [, Count] = await gen_event.wait_response(ReqId, 1000)
 * @see https://www.erlang.org/doc/man/gen_event.html#wait_response-2
 */
export async function wait_response(reqId: RequestId, timeout: Timeout): Promise<Response | 'timeout'> {
  return unwrap(await gen.wait_response(reqId, timeout, 'gen_event:wait_response/2')) as Response | 'timeout';
}

/**
 * As {@link wait_response}, but a timeout abandons the request: a late reply never arrives.
 * @example
 * // {reply, Count} = gen_event:receive_response(ReqId, 1000)
 * const [, Count] = await gen_event.receive_response(ReqId, 1000)
 * @see https://www.erlang.org/doc/man/gen_event.html#receive_response-2
 */
export async function receive_response(reqId: RequestId, timeout: Timeout): Promise<Response | 'timeout'> {
  return unwrap(await gen.receive_response(reqId, timeout, 'gen_event:receive_response/2')) as
    Response | 'timeout';
}

/**
 * Whether a received message is the response to a request: `{reply, Reply}`, `{error, {Reason,
 * Ref}}`, or `no_reply` when the message is something else.
 * @example
 * // receive Msg -> {reply, Count} = gen_event:check_response(Msg, ReqId) end
 * const [, Count] = gen_event.check_response(await receive(), ReqId)
 * @see https://www.erlang.org/doc/man/gen_event.html#check_response-2
 */
export function check_response(msg: unknown, reqId: RequestId): Response | 'no_reply' {
  return unwrap(gen.check_response(msg, reqId, 'gen_event:check_response/2')) as Response | 'no_reply';
}
