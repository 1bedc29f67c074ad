/**
 * The event manager process, as OTP 25's gen_event.erl runs it: a proc_lib process that traps
 * exits and keeps a list of installed handlers (newest first), each `#handler{module, id, state,
 * supervised}`. Every event goes to every handler in that order; a handler that crashes or
 * returns junk is removed with an error report, and the process that installed it with
 * add_sup_handler (linked to the manager) is told by `{gen_event_EXIT, Handler, Reason}`. When
 * such a supervising process dies, the manager removes its handlers.
 *
 * Callbacks are called as `catch Mod:F(...)` is in the original: a throw gives its value, an
 * exit `{'EXIT', Reason}`, an error `{'EXIT', {Reason, Stack}}`; the server acts on that value.
 */
import { isTuple } from '../../gen/internal/terms.js';
import {
  ErlangError,
  ExitException,
  _,
  after,
  get,
  io_lib,
  is_pid,
  link,
  list,
  on,
  process_flag,
  receive,
  self,
  unlink,
  type Pid,
} from '../../../runtime/index.js';
import {
  List,
  caughtException,
  describe,
  isList,
  logReport,
  setCurrentFunction,
  setStackHead,
  termEquals,
} from '../../../runtime/internal/library-api.js';
import { reply, type From, type Timeout } from '../../gen/internal/call.js';
import {
  erlangString,
  formatStatus,
  formatStatusHeader,
  type StatusMap,
} from '../../gen/internal/format-status.js';
import { apply, exported, isModule, moduleName } from '../../gen/internal/module.js';
import { nameOf, register_name, type ServerName } from '../../gen/internal/names.js';
import { init_ack } from '../../proc_lib/internal/proc-lib.js';
import {
  debug_options,
  get_log,
  handle_debug,
  handle_system_msg,
  printTo,
  type Debug,
} from '../../sys/internal/sys.js';

/** One installed handler (OTP's `#handler{}` record). `id` is `false` for a bare module. */
export interface Handler {
  readonly module: unknown;
  readonly id: unknown;
  state: unknown;
  readonly supervised: false | Pid;
}

/** The manager's state between messages: sys's `Misc`. */
interface Misc {
  readonly name: unknown;
  handlers: Handler[];
  readonly hibernateAfter: number;
  hib: boolean;
}

// ---- calling handlers --------------------------------------------------------------

/** Modules whose names this node has seen: `undef` on one of them is "function not exported". */
const loadedModules = new Set<string>();

function undefError(mod: unknown, fn: string, args: readonly unknown[]): ErlangError {
  const error = new ErlangError(
    'undef',
    `undef: ${describe(mod)}:${fn}/${args.length}: ${describe(mod)} is not a callback module`,
  );
  setStackHead(error, [mod, fn, list(...args), list()]);
  return error;
}

/** `Mod:Fn(Args...)`: `undef` for a module that is not an object (an atom naming no module). */
function callModule(mod: unknown, fn: string, args: readonly unknown[]): unknown {
  if (!isModule(mod)) throw undefError(mod, fn, args);
  loadedModules.add(moduleName(mod));
  return apply(mod, fn, args);
}

/** What Erlang's `catch Expr` gives for the exception `e`. */
function caughtValue(e: unknown): unknown {
  if (e instanceof Error && e.name === 'ProcessExited') throw e; // Killed: unwind.
  const c = caughtException(e);
  if (c.class === 'throw') return c.reason;
  if (c.class === 'exit') return ['EXIT', c.reason];
  // An undef's stack starts with the missing call's `{M, F, Args, []}` (gen's undef).
  return ['EXIT', [c.reason, c.stack]];
}

/** `catch Mod:Fn(Args...)`, awaited (a callback may be async). */
async function catching(mod: unknown, fn: string, args: readonly unknown[]): Promise<unknown> {
  try {
    return await callModule(mod, fn, args);
  } catch (e) {
    return caughtValue(e);
  }
}

// ---- handler ids ---------------------------------------------------------------------

/** `{Mod, Id}` (an array of two) or a bare module. */
function matches(ref: unknown, h: Handler): boolean {
  if (Array.isArray(ref) && ref.length === 2) return h.module === ref[0] && termEquals(h.id, ref[1]);
  return h.module === ref && h.id === false;
}

/** A handler id as `[Module, Id]`, the Id `false` for a bare module. */
function modId(ref: unknown): [unknown, unknown] {
  return Array.isArray(ref) && ref.length === 2 ? [ref[0] as unknown, ref[1] as unknown] : [ref, false];
}

/** OTP's handler/1: the module, or `{Module, Id}`. */
function handlerTerm(h: Handler): unknown {
  return h.id === false ? h.module : [h.module, h.id];
}

/** The handler as a report prints it: module objects by their names. */
function printableHandler(h: Handler): unknown {
  const m = isModule(h.module) ? moduleName(h.module) : h.module;
  return h.id === false ? m : [m, h.id];
}

// ---- reports ------------------------------------------------------------------------------

/** fix_reason/1 of gen_event's report: `{'EXIT', R}` prints as R, an undef says why. */
function fixReason(reason: unknown): unknown {
  if (isTuple(reason, 2, 'EXIT')) {
    const r = reason[1];
    if (isTuple(r, 2, 'undef') && isList(r[1]) && r[1].length > 0) {
      const top = r[1][0];
      if (Array.isArray(top) && top.length === 4) {
        const m: unknown = top[0];
        if (typeof m !== 'string' || !loadedModules.has(m)) return ['module could not be loaded', r[1]];
        // apply raises undef only for a function the module does not have.
        return ['function not exported', r[1]];
      }
    }
    return r;
  }
  return reason;
}

/** report_error/5: the "** gen_event handler ... crashed." report, unless the removal was normal. */
async function reportError(
  h: Handler,
  exit: unknown,
  state: unknown,
  lastIn: unknown,
  sname: unknown,
): Promise<void> {
  if (exit === 'normal' || exit === 'shutdown' || isTuple(exit, 3, 'swapped')) return;
  let reason: unknown;
  let wrap: (r: unknown) => unknown;
  if (isTuple(exit, 2, 'EXIT') && isTuple(exit[1], 2)) {
    const [r, st] = exit[1] as [unknown, unknown];
    reason = r;
    wrap = (x) => ['EXIT', [x, st]];
  } else if (isTuple(exit, 2, 'EXIT')) {
    reason = exit[1];
    wrap = (x) => ['EXIT', x];
  } else {
    reason = exit;
    wrap = (x) => x;
  }
  const status = await formatStatus(
    h.module,
    'terminate',
    { state, message: lastIn, reason },
    [get(), state],
    true,
  );
  const shownState = '$status' in status ? status.$status : status.state;
  const text = io_lib.format(
    '** gen_event handler ~tp crashed.\n' +
      '** Was installed in ~tp\n' +
      '** Last event was: ~tp\n' +
      '** When handler state == ~tp\n' +
      '** Reason == ~tp\n',
    [printableHandler(h), sname, status.message, shownState, fixReason(wrap(status.reason))],
  );
  logReport('error', undefined, text, self());
}

/** report_terminate: the report, then `{gen_event_EXIT, Handler, Reason}` to the supervisor. */
async function reportTerminate(
  h: Handler,
  reason: unknown,
  state: unknown,
  lastIn: unknown,
  sname: unknown,
): Promise<void> {
  try {
    await reportError(h, reason, state, lastIn, sname);
  } catch {
    // A report that cannot be made must not take the manager down.
  }
  if (h.supervised !== false) h.supervised.send(['gen_event_EXIT', handlerTerm(h), reason]);
}

/**
 * do_terminate/7: calls the handler's terminate(Args, State) if it has one, reports, tells the
 * supervisor; returns what terminate returned (`ok` without one).
 * @param how - `crash` (Args is `{error, Why}`, Why is the reason), `normal`, `shutdown`,
 *   `{swapped, NewHandler, Sup}`
 */
async function doTerminate(
  h: Handler,
  args: unknown,
  state: unknown,
  lastIn: unknown,
  sname: unknown,
  how: unknown,
): Promise<unknown> {
  const res =
    isModule(h.module) && exported(h.module, 'terminate')
      ? await catching(h.module, 'terminate', [args, state])
      : 'ok';
  const reason = how === 'crash' && isTuple(args, 2, 'error') ? args[1] : how;
  await reportTerminate(h, reason, state, lastIn, sname);
  return res;
}

function warnNoHandleInfo(mod: unknown, msg: unknown): void {
  const text = io_lib.format('** Undefined handle_info in ~tp\n** Unhandled message: ~tp\n', [
    isModule(mod) ? moduleName(mod) : mod,
    msg,
  ]);
  logReport('warning', undefined, text, self());
}

// ---- the handler list --------------------------------------------------------------------

/** server_add_handler: `{Hib, Reply, Handlers}` after calling Mod:init(Args). */
async function addHandler(
  ref: unknown,
  args: unknown,
  handlers: Handler[],
  supervised: false | Pid,
): Promise<[boolean, unknown, Handler[]]> {
  const [mod, id] = modId(ref);
  const r = await catching(mod, 'init', [args]);
  if (isTuple(r, 2, 'ok')) return [false, 'ok', [{ module: mod, id, state: r[1], supervised }, ...handlers]];
  if (isTuple(r, 3, 'ok') && r[2] === 'hibernate')
    return [true, 'ok', [{ module: mod, id, state: r[1], supervised }, ...handlers]];
  return [false, r, handlers];
}

/** server_add_sup_handler: links to the supervisor first (kept when the handler goes). */
function addSupHandler(ref: unknown, args: unknown, handlers: Handler[], sup: Pid) {
  link(sup);
  return addHandler(ref, args, handlers, sup);
}

function split(ref: unknown, handlers: Handler[]): [Handler, Handler[]] | null {
  const i = handlers.findIndex((h) => matches(ref, h));
  if (i < 0) return null;
  return [handlers[i] as Handler, [...handlers.slice(0, i), ...handlers.slice(i + 1)]];
}

async function deleteHandler(
  ref: unknown,
  args: unknown,
  handlers: Handler[],
  sname: unknown,
): Promise<[unknown, Handler[]]> {
  const found = split(ref, handlers);
  if (found === null) return [['error', 'module_not_found'], handlers];
  const [h, rest] = found;
  return [await doTerminate(h, args, h.state, 'delete', sname, 'normal'), rest];
}

/** server_swap_handler/6,7: terminate the old handler, init the new one with `{Args2, State}`. */
async function swapHandler(
  ref1: unknown,
  args1: unknown,
  ref2: unknown,
  args2: unknown,
  handlers: Handler[],
  sup: false | Pid,
  sname: unknown,
): Promise<[boolean, unknown, Handler[]]> {
  let state2: unknown = 'error';
  let oldSup: false | Pid = false;
  let rest = handlers;
  const found = split(ref1, handlers);
  if (found !== null) {
    const [h, others] = found;
    oldSup = h.supervised;
    const newSup = sup === false ? oldSup : sup;
    state2 = await doTerminate(h, args1, h.state, 'swapped', sname, ['swapped', ref2, newSup]);
    rest = others;
  }
  const supervisor = sup === false ? oldSup : sup;
  const [hib, what, next] =
    supervisor === false
      ? await addHandler(ref2, [args2, state2], rest, false)
      : await addSupHandler(ref2, [args2, state2], rest, supervisor);
  return [hib, what === 'ok' ? 'ok' : ['error', what], next];
}

/** do_swap: a handler's callback asked to be swapped for Handler2. */
async function doSwap(
  h: Handler,
  args1: unknown,
  state1: unknown,
  ref2: unknown,
  args2: unknown,
  sname: unknown,
): Promise<Handler | null> {
  const state2 = await doTerminate(h, args1, state1, 'swapped', sname, ['swapped', ref2, h.supervised]);
  const [mod, id] = modId(ref2);
  const next: Handler = { module: mod, id, state: undefined, supervised: h.supervised };
  const r = await catching(mod, 'init', [[args2, state2]]);
  if (isTuple(r, 2, 'ok')) {
    next.state = r[1];
    return next;
  }
  // OTP reports this one with report_terminate/5's arguments shifted: reason `crash`, the
  // state `{error, Other}`, the last event the manager's name, the name `false`.
  await reportTerminate(next, 'crash', ['error', r], sname, false);
  return null;
}

type Update = ['ok' | 'hibernate', Handler] | null;

/** server_update: one handler's handle_event or handle_info. */
async function serverUpdate(h: Handler, fn: string, event: unknown, sname: unknown): Promise<Update> {
  if (fn === 'handle_info' && isModule(h.module) && !exported(h.module, 'handle_info')) {
    warnNoHandleInfo(h.module, event);
    return ['ok', h];
  }
  const r = await catching(h.module, fn, [event, h.state]);
  if (isTuple(r, 2, 'ok')) return ['ok', { ...h, state: r[1] }];
  if (isTuple(r, 3, 'ok') && r[2] === 'hibernate') return ['hibernate', { ...h, state: r[1] }];
  if (isTuple(r, 5, 'swap_handler')) {
    const next = await doSwap(h, r[1], r[2], r[3], r[4], sname);
    return next === null ? null : ['ok', next];
  }
  if (r === 'remove_handler') {
    await doTerminate(h, 'remove_handler', h.state, 'remove', sname, 'normal');
    return null;
  }
  await doTerminate(h, ['error', r], h.state, event, sname, 'crash');
  return null;
}

/** server_notify: the event to every handler, in order; `{Hib, Handlers}`. */
async function serverNotify(
  event: unknown,
  fn: string,
  handlers: Handler[],
  sname: unknown,
): Promise<[boolean, Handler[]]> {
  let hib = false;
  const out: Handler[] = [];
  for (const h of handlers) {
    const u = await serverUpdate(h, fn, event, sname);
    if (u === null) continue;
    if (u[0] === 'hibernate') hib = true;
    out.push(u[1]);
  }
  return [hib, out];
}

/** server_call: `{Hib, Reply, Handlers}`. */
async function serverCall(
  ref: unknown,
  query: unknown,
  handlers: Handler[],
  sname: unknown,
): Promise<[boolean, unknown, Handler[]]> {
  const i = handlers.findIndex((x) => matches(ref, x));
  if (i < 0) return [false, ['error', 'bad_module'], handlers];
  const h = handlers[i] as Handler;
  const without = (): Handler[] => [...handlers.slice(0, i), ...handlers.slice(i + 1)];
  const replace = (n: Handler): Handler[] => [...handlers.slice(0, i), n, ...handlers.slice(i + 1)];
  const r = await catching(h.module, 'handle_call', [query, h.state]);
  if (isTuple(r, 3, 'ok')) return [false, r[1], replace({ ...h, state: r[2] })];
  if (isTuple(r, 4, 'ok') && r[3] === 'hibernate') return [true, r[1], replace({ ...h, state: r[2] })];
  if (isTuple(r, 6, 'swap_handler')) {
    const next = await doSwap(h, r[2], r[3], r[4], r[5], sname);
    return [false, r[1], next === null ? without() : replace(next)];
  }
  if (isTuple(r, 2, 'remove_handler')) {
    await doTerminate(h, 'remove_handler', h.state, 'remove', sname, 'normal');
    return [false, r[1], without()];
  }
  await doTerminate(h, ['error', r], h.state, query, sname, 'crash');
  return [false, ['error', r], without()];
}

/** stop_handlers: every handler's terminate(stop, State), reason `shutdown`. */
async function stopHandlers(handlers: Handler[], sname: unknown): Promise<void> {
  for (const h of handlers) await doTerminate(h, 'stop', h.state, 'stop', sname, 'shutdown');
}

/** The supervisors of supervised handlers are unlinked, but not the parent. */
function unlinkSupervisors(parent: Pid, handlers: Handler[]): void {
  for (const h of handlers) if (h.supervised !== false && h.supervised !== parent) unlink(h.supervised);
}

/** terminate_server: stop every handler, unlink their supervisors, exit with Reason. */
async function terminateServer(
  reason: unknown,
  parent: Pid,
  handlers: Handler[],
  sname: unknown,
): Promise<never> {
  await stopHandlers(handlers, sname);
  unlinkSupervisors(parent, handlers);
  throw new ExitException(reason);
}

/** handle_exit: supervised handlers of the dead process go (`{stop, Reason}`), then the rest see the EXIT. */
async function handleExit(
  from: Pid,
  reason: unknown,
  handlers: Handler[],
  sname: unknown,
): Promise<Handler[]> {
  const kept: Handler[] = [];
  for (const h of handlers) {
    if (h.supervised === from) {
      await doTerminate(
        h,
        ['stop', reason],
        h.state,
        ['parent_terminated', [from, reason]],
        sname,
        'shutdown',
      );
    } else kept.push(h);
  }
  return (await serverNotify(['EXIT', from, reason], 'handle_info', kept, sname))[1];
}

// ---- sys ----------------------------------------------------------------------------------

/** What system_continue hands back to the loop. */
class Continue {
  constructor(
    readonly debug: Debug,
    readonly misc: Misc,
  ) {}
}

/**
 * gen_event as a module object: what proc_lib starts (`init_it/6`, so the manager's initial
 * call reads `{gen_event, init_it, 6}` as in OTP) and what sys's system messages go back to
 * (system_* and format_status/2); `{module, gen_event}` of get_status names it.
 */
export const genEventModule = {
  MODULE: 'gen_event',
  init_it(...args: unknown[]): Promise<void> {
    return init_it(...(args as Parameters<typeof init_it>));
  },
  system_continue(_parent: Pid, debug: Debug, misc: Misc): Continue {
    return new Continue(debug, misc);
  },
  system_terminate(reason: unknown, parent: Pid, _debug: Debug, misc: Misc): Promise<never> {
    return terminateServer(reason, parent, misc.handlers, misc.name);
  },
  system_get_state(misc: Misc): ['ok', List] {
    return ['ok', list(...misc.handlers.map((h) => [h.module, h.id, h.state]))];
  },
  system_replace_state(fun: (s: unknown) => unknown, misc: Misc): ['ok', List, Misc] {
    const states: unknown[] = [];
    const handlers = misc.handlers.map((h) => {
      const cur = [h.module, h.id, h.state];
      try {
        const n = fun(cur);
        if (isTuple(n, 3) && n[0] === h.module && termEquals(n[1], h.id)) {
          states.push(n);
          return { ...h, state: n[2] };
        }
      } catch {
        // A crashing or mismatching fun leaves that handler's state as it was.
      }
      states.push(cur);
      return h;
    });
    return ['ok', list(...states), { ...misc, handlers }];
  },
  // sys calls it synchronously: code_change must answer at once (a promise is a badmatch).
  system_code_change(misc: Misc, module: unknown, oldVsn: unknown, extra: unknown): unknown {
    const handlers: Handler[] = [];
    for (const h of misc.handlers) {
      if (h.module !== module) {
        handlers.push(h);
        continue;
      }
      const r = callModule(module, 'code_change', [oldVsn, h.state, extra]);
      if (!isTuple(r, 2, 'ok')) throw new ErlangError(['badmatch', r]);
      handlers.push({ ...h, state: r[1] });
    }
    return ['ok', { ...misc, handlers }];
  },
  format_status(opt: unknown, statusData: unknown[]): List {
    const [pdict, sysState, parent, debug, misc] = statusData as [unknown, unknown, Pid, Debug, Misc];
    // Status is synchronous in sys; handlers' format_status here are called synchronously too.
    let logs: unknown = get_log([...debug]);
    const fmt = misc.handlers.map((h) => {
      const status = formatStatus(h.module, opt, { log: logs, state: h.state }, [
        pdict,
        h.state,
      ]) as StatusMap;
      logs = status.log;
      return ['handler', h.module, h.id, '$status' in status ? status.$status : status.state, h.supervised];
    });
    return list(
      ['header', formatStatusHeader('Status for event handler', misc.name)],
      [
        'data',
        list(
          [erlangString('Status'), sysState],
          [erlangString('Logged Events'), logs],
          [erlangString('Parent'), parent],
        ),
      ],
      ['items', [erlangString('Installed handlers'), list(...fmt)]],
    );
  },
};

// ---- the loop -------------------------------------------------------------------------------

/** print_event/3: how sys:trace prints the manager's events. */
function printEvent(dev: unknown, event: unknown, name: unknown): void {
  if (isTuple(event, 2, 'in')) {
    const msg = event[1];
    if (isTuple(msg, 2, 'notify')) {
      printTo(dev, '*DBG* ~tp got event ~tp~n', [name, msg[1]]);
      return;
    }
    if (isTuple(msg, 3) && isTuple(msg[2], 3, 'call')) {
      const [, h, q] = msg[2] as [string, unknown, unknown];
      const hn = isModule(h)
        ? moduleName(h)
        : Array.isArray(h) && isModule(h[0])
          ? [moduleName(h[0]), h[1]]
          : h;
      printTo(dev, '*DBG* ~tp(~tp) got call ~tp~n', [name, hn, q]);
      return;
    }
    printTo(dev, '*DBG* ~tp got ~tp~n', [name, msg]);
    return;
  }
  printTo(dev, '*DBG* ~tp : ~tp~n', [name, event]);
}

const callCommands = new Set([
  'sync_notify',
  'call',
  'add_handler',
  'add_sup_handler',
  'delete_handler',
  'swap_handler',
  'swap_sup_handler',
]);

/** Whether `msg` is `{Label, From, Cmd}` as gen:call sends it, with a command gen_event knows. */
function isCall(msg: unknown): msg is [unknown, From, unknown] {
  if (!isTuple(msg, 3) || !isTuple(msg[1], 2)) return false;
  const cmd = msg[2];
  if (cmd === 'which_handlers' || cmd === 'get_modules' || cmd === 'stop') return true;
  return Array.isArray(cmd) && !isList(cmd) && callCommands.has(cmd[0] as string);
}

const fetchMsg: [string, string, number] = ['gen_event', 'fetch_msg', 6];
const hibernating: [string, string, number] = ['erlang', 'hibernate', 3];
const timedOut = Symbol('hibernate_after');

/**
 * The manager's loop (loop/fetch_msg/decode_msg/handle_msg). Returns when stopped by the legacy
 * `stop` request; exits (ExitSignal) otherwise.
 */
async function loop(parent: Pid, misc: Misc, debug: Debug): Promise<void> {
  for (;;) {
    // erlts does not hibernate a process; it says it does, as OTP's process_info would.
    setCurrentFunction(misc.hib ? hibernating : fetchMsg);
    const msg: unknown =
      misc.hib || misc.hibernateAfter === Infinity
        ? await receive()
        : await receive(
            on(_, (m: unknown) => m),
            after(misc.hibernateAfter, () => timedOut),
          );
    if (msg === timedOut) {
      misc.hib = true;
      continue;
    }
    if (isTuple(msg, 3, 'system') && isTuple(msg[1], 2)) {
      // sys:handle_system_msg/7 with Hib: a suspended manager waits hibernated, as it was.
      const r = await handle_system_msg(msg[2], msg[1] as From, parent, genEventModule, debug, misc);
      if (r instanceof Continue) {
        debug = r.debug;
        misc = r.misc;
      }
      continue;
    }
    setCurrentFunction(fetchMsg);
    if (isTuple(msg, 3, 'EXIT') && msg[1] === parent) {
      await terminateServer(msg[2], parent, misc.handlers, misc.name);
    }
    if (debug.length > 0) debug = handle_debug(debug, printEvent, misc.name, ['in', msg]);
    const sname = misc.name;
    if (isTuple(msg, 2, 'notify')) {
      [misc.hib, misc.handlers] = await serverNotify(msg[1], 'handle_event', misc.handlers, sname);
    } else if (isTuple(msg, 3, 'EXIT') && is_pid(msg[1])) {
      misc.handlers = await handleExit(msg[1], msg[2], misc.handlers, sname);
      misc.hib = false;
    } else if (isCall(msg)) {
      const from = msg[1];
      const cmd = msg[2] as unknown[] | string;
      let replyWith: unknown;
      if (cmd === 'which_handlers') {
        replyWith = list(...misc.handlers.map(handlerTerm));
        misc.hib = false;
      } else if (cmd === 'get_modules') {
        replyWith = list(...new Set(misc.handlers.map((h) => h.module)));
        misc.hib = false;
      } else if (cmd === 'stop') {
        try {
          await terminateServer('normal', parent, misc.handlers, sname);
        } catch (e) {
          if (!ExitException.is(e)) throw e;
        }
        reply(from, 'ok');
        return;
      } else {
        const c = cmd as unknown[];
        switch (c[0]) {
          case 'sync_notify':
            [misc.hib, misc.handlers] = await serverNotify(c[1], 'handle_event', misc.handlers, sname);
            replyWith = 'ok';
            break;
          case 'call':
            [misc.hib, replyWith, misc.handlers] = await serverCall(c[1], c[2], misc.handlers, sname);
            break;
          case 'add_handler':
            [misc.hib, replyWith, misc.handlers] = await addHandler(c[1], c[2], misc.handlers, false);
            break;
          case 'add_sup_handler':
            [misc.hib, replyWith, misc.handlers] = await addSupHandler(
              c[1],
              c[2],
              misc.handlers,
              c[3] as Pid,
            );
            break;
          case 'delete_handler':
            [replyWith, misc.handlers] = await deleteHandler(c[1], c[2], misc.handlers, sname);
            misc.hib = false;
            break;
          case 'swap_handler':
            [misc.hib, replyWith, misc.handlers] = await swapHandler(
              c[1],
              c[2],
              c[3],
              c[4],
              misc.handlers,
              false,
              sname,
            );
            break;
          default: // swap_sup_handler
            [misc.hib, replyWith, misc.handlers] = await swapHandler(
              c[1],
              c[2],
              c[3],
              c[4],
              misc.handlers,
              c[5] as Pid,
              sname,
            );
        }
      }
      reply(from, replyWith);
    } else {
      [misc.hib, misc.handlers] = await serverNotify(msg, 'handle_info', misc.handlers, sname);
    }
  }
}

/** The options a start takes, read as gen reads them. */
export interface StartOptions {
  readonly timeout: Timeout;
  readonly spawnOpt: readonly unknown[];
  readonly hibernateAfter: number;
  readonly debug: readonly unknown[] | null;
}

/**
 * gen:init_it + gen_event:init_it: registers the name (or acks `{error, {already_started,
 * Pid}}`), traps exits, acks `{ok, self()}` and runs the loop.
 */
async function init_it(
  starter: Pid,
  parentArg: Pid | 'self',
  name: ServerName | null,
  _module: unknown,
  _args: unknown,
  options: StartOptions,
): Promise<void> {
  if (name !== null) {
    const registered = register_name(name, self());
    const r = registered instanceof Promise ? await registered : registered;
    if (r !== true) {
      init_ack(starter, ['error', ['already_started', r[1]]]);
      return;
    }
  }
  const parent = parentArg === 'self' ? self() : parentArg;
  process_flag('trap_exit', true);
  const sname = name === null ? self() : nameOf(name);
  let debug: Debug = [];
  if (options.debug !== null) {
    try {
      debug = debug_options(normaliseDebug(options.debug) as never);
    } catch {
      debug = [];
    }
  }
  init_ack(starter, ['ok', self()]);
  await loop(
    parent,
    { name: sname, handlers: [], hibernateAfter: options.hibernateAfter, hib: false },
    debug,
  );
}

/** OTP's `debug` flag is `log` and `statistics` together. */
function normaliseDebug(flags: readonly unknown[]): unknown[] {
  return flags.flatMap((f) => (f === 'debug' ? ['log', 'statistics'] : [f]));
}
