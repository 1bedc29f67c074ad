/**
 * The state machine engine of OTP 25's gen_statem.erl: the server loop, the handling of a
 * callback's result and actions, timeouts, postponing, state enter calls and termination.
 *
 * The event queue, as OTP keeps it: `q` holds the event being handled at its head, then the
 * events still to handle (inserted next_events first, then postponed events being retried, then
 * what came before); the mailbox is read only when `q` is empty and no zero timeout is due.
 *
 *   mailbox ─► q = [current, next_event..., retried postponed..., queued...]
 *   postponed (newest first) ─► back into q, oldest first, when the state changes
 *   t0q: zero timeouts, delivered in order once q is empty
 *
 * The event being handled is kept apart from the rest of `q` (ctx.type and ctx.content), so an
 * event from the mailbox costs no tuple and leaves `q` alone; {@link queued} is OTP's `q`.
 *
 * A timer is `{Type, Ref | 0, Msg}`: Ref from start_timer (its message is `{timeout, Ref, Type}`),
 * 0 for a zero timeout waiting in t0q. Only the newest timeout action of each type counts.
 */
import { isTuple } from '../../gen/internal/terms.js';
import { formatStatus, type StatusMap } from '../../gen/internal/format-status.js';
import {
  ErlangError,
  ExitException,
  ThrownValue,
  _,
  after,
  cancel_timer,
  get,
  io,
  io_lib,
  is_pid,
  is_process_alive,
  list,
  on,
  process_info,
  receive,
  self,
  start_timer,
  systemClock,
  type Pid,
  type Ref,
} from '../../../runtime/index.js';
import {
  List,
  isList,
  caughtException,
  logReport,
  noMessage,
  setCurrentFunction,
  takeQueued,
  termEquals,
} from '../../../runtime/internal/library-api.js';
import { reply as genReply } from '../../gen/internal/call.js';
import { apply, exported, moduleName, undef, type CallbackModule } from '../../gen/internal/module.js';
import { handle_debug, handle_system_msg, get_log, type Debug } from '../../sys/internal/sys.js';

/** Engine fields that rarely change (OTP's #params{}). */
export interface Params {
  parent: Pid;
  name: unknown;
  modules: CallbackModule[];
  callbackMode: 'state_functions' | 'handle_event_function' | 'undefined';
  stateEnter: boolean;
  hibernateAfter: number;
}

/** An event: `{Type, Content}`. */
export type Event = [unknown, unknown];

interface Timer {
  type: unknown;
  ref: Ref | 0;
  msg: unknown;
}

/** Engine state (OTP's #state{}). */
export interface EngineState {
  stateData: [unknown, unknown];
  /** Newest first, as OTP keeps it. */
  postponed: Event[];
  timers: Timer[];
  t0q: unknown[];
  hibernate: boolean;
}

/** What the sys module hands back to the loop through system_continue. */
export interface Continue {
  readonly continueLoop: true;
  readonly parent: Pid;
  readonly debug: Debug;
  readonly misc: Misc;
}

/** The Misc sys keeps for gen_statem: `{P, S}`. */
export type Misc = [Params, EngineState];

interface Ctx {
  p: Params;
  debug: Debug;
  s: EngineState;
  /** The event being handled, OTP's head of `q` (kept apart: no tuple per event). */
  type: unknown;
  content: unknown;
  /** The rest of the event queue (see the header). */
  q: Event[];
  /** The transition being collected from a result and its actions (one per machine, reused). */
  tr: Transition;
  /** Timers cancelled too late: their timeout messages to drop before the next event. */
  flush: Ref[];
}

/** What a callback's result and its actions make of the transition (OTP's #trans_opts{}). */
interface Transition {
  /** next_event actions, in the order of the actions. */
  nextEvents: Event[];
  hibernate: boolean;
  /** Timeout actions, oldest first. */
  timeouts: TimeoutAction[];
  postpone: boolean;
  /** The result parsed: the new {State, Data}, whether a state enter call is due, the actions. */
  nsd: [unknown, unknown];
  callEnter: boolean;
  actions: unknown[] | null;
}

/** A timeout action collected from a result: `{Type, Time, Msg}` or with options. */
type TimeoutAction = [unknown, unknown, unknown] | [unknown, unknown, unknown, unknown];

// ---- helpers ------------------------------------------------------------------------

/** Erlang's listify: a list stays, anything else is a list of one. */
export function listify(item: unknown): unknown[] {
  if (isList(item)) return item;
  if (Array.isArray(item) && !isTupleAction(item)) return item;
  return [item];
}

function isTimeoutType(t: unknown): boolean {
  return (
    t === 'timeout' ||
    t === 'state_timeout' ||
    (Array.isArray(t) && !isList(t) && t.length === 2 && t[0] === 'timeout')
  );
}

/**
 * Whether a plain array is one tuple action rather than a list of actions (DESIGN §7): its first
 * element names a tuple action and its arity is one that action has.
 */
export function isTupleAction(a: readonly unknown[]): boolean {
  if (isList(a) || a.length < 2) return false;
  const [tag, second] = a;
  switch (tag) {
    case 'reply':
    case 'next_event':
      return a.length === 3;
    case 'postpone':
    case 'hibernate':
      return a.length === 2 && typeof second === 'boolean';
    case 'change_callback_module':
    case 'push_callback_module':
      return a.length === 2 && typeof second === 'object' && second !== null && !Array.isArray(second);
  }
  if (isTimeoutType(tag)) {
    if (a.length === 2) return second === 'cancel';
    return a.length === 3 || a.length === 4;
  }
  return false;
}

function isRelativeTimeout(t: unknown): boolean {
  return t === 'infinity' || t === Infinity || (Number.isInteger(t) && (t as number) >= 0);
}

function isAbsoluteTimeout(t: unknown): boolean {
  return Number.isInteger(t);
}

function isFrom(f: unknown): boolean {
  return Array.isArray(f) && !isList(f) && f.length === 2 && is_pid(f[0]);
}

function isEventType(t: unknown): boolean {
  if (Array.isArray(t) && !isList(t) && t.length === 2 && t[0] === 'call') return isFrom(t[1]);
  return t === 'cast' || t === 'info' || t === 'internal' || isTimeoutType(t);
}

/** Whether `e` is the runtime unwinding a process that is already dead. */
function unwinding(e: unknown): boolean {
  return e instanceof Error && e.name === 'ProcessExited';
}

/** A callback that raised an error or an exit (a thrown value is a result, not a failure). */
class Failed {
  constructor(readonly error: unknown) {}
}

/** What OTP's `catch` makes of an exception: a thrown value is the result, else a {@link Failed}. */
function failedWith(e: unknown): unknown {
  if (ThrownValue.is(e)) return e.value;
  if (unwinding(e)) throw e;
  return new Failed(e);
}

function identity(value: unknown): unknown {
  return value;
}

/**
 * A callback's returned value as OTP's `try ... of Result -> ... catch Result -> ...` gets it:
 * the value itself, or, for a promise (or any thenable, as `await` takes it), a promise of the
 * value, the thrown value or a {@link Failed}.
 */
function settle(value: unknown): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || Array.isArray(value))
    return value;
  if (value instanceof Promise) return value.then(identity, failedWith);
  if (typeof (value as { then?: unknown }).then === 'function')
    return Promise.resolve(value).then(identity, failedWith);
  return value;
}

/**
 * Calls a callback as OTP's `try ... catch`: its result, a thrown value as the result, or a
 * {@link Failed}. Synchronous unless the callback returned a promise, so a machine whose
 * callbacks are plain functions handles an event without a promise of its own.
 */
function attempt(mod: CallbackModule, fn: string, args: readonly unknown[]): unknown {
  try {
    return settle(apply(mod, fn, args));
  } catch (e) {
    return failedWith(e);
  }
}

/** termEquals, at once for two atoms or for the same value. */
function sameTerm(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return false;
  return termEquals(a, b);
}

function findTimer(timers: Timer[], type: unknown): number {
  for (let i = 0; i < timers.length; i++) {
    const t = (timers[i] as Timer).type;
    if (sameTerm(t, type)) return i;
  }
  return -1;
}

/**
 * Cancels an erlang timer (OTP's ?cancel_timer). If it already fired, its message is dropped
 * from the mailbox before the machine reads it again ({@link flushTimers}).
 */
function cancelErlangTimer(ctx: Ctx, ref: Ref): void {
  if (cancel_timer(ref) === false) ctx.flush.push(ref);
}

/** Drops the timeout messages of the timers in `ctx.flush`, as OTP's ?cancel_timer does. */
async function flushTimers(ctx: Ctx): Promise<void> {
  const refs = ctx.flush.splice(0);
  for (const ref of refs) {
    await receive(
      on(['timeout', ref, _], () => 'ok'),
      after(0, () => 'ok'),
    );
  }
}

/** Cancels timer `i` of `ctx.s` and removes it. */
function cancelTimerAt(ctx: Ctx, i: number): void {
  const s = ctx.s;
  const t = s.timers[i] as Timer;
  s.timers.splice(i, 1);
  if (t.ref === 0) {
    const j = findType(s.t0q, t.type);
    if (j >= 0) s.t0q.splice(j, 1);
  } else {
    cancelErlangTimer(ctx, t.ref);
  }
}

function findType(types: unknown[], type: unknown): number {
  for (let i = 0; i < types.length; i++) {
    const t = types[i];
    if (sameTerm(t, type)) return i;
  }
  return -1;
}

function cancelTimerOfType(ctx: Ctx, type: unknown): void {
  const i = findTimer(ctx.s.timers, type);
  if (i >= 0) cancelTimerAt(ctx, i);
}

/** `{NumTimers, [{Type, Msg}]}`, as OTP's list_timeouts. */
export function listTimeouts(s: EngineState): [number, List] {
  return [s.timers.length, list(...[...s.timers].reverse().map((t) => [t.type, t.msg]))];
}

// ---- sys debug ------------------------------------------------------------------------

function eventString(event: unknown): string {
  const [type, content] = event as Event;
  if (Array.isArray(type) && type[0] === 'call' && Array.isArray(type[1])) {
    return io_lib.format('call ~tp from ~tw', [content, type[1][0]]);
  }
  return io_lib.format('~tw ~tp', [type, content]);
}

/** gen_statem's print_event/3: how sys:trace prints an event. */
export function printEvent(_dev: unknown, systemEvent: unknown, name: unknown): void {
  const e = systemEvent as unknown[];
  const out = (fmt: string, args: unknown[]): void => {
    io.format(fmt, args);
  };
  switch (e[0]) {
    case 'in':
      out('*DBG* ~tp receive ~ts in state ~tp~n', [name, chars(eventString(e[1])), e[2]]);
      return;
    case 'out':
      out('*DBG* ~tp send ~tp to ~tw~n', [name, e[1], (e[2] as unknown[])[0]]);
      return;
    case 'enter':
      out('*DBG* ~tp enter ~tp in state ~tp~n', [name, moduleName(e[1]), e[2]]);
      return;
    case 'module':
      out('*DBG* ~tp module ~tp in state ~tp~n', [name, moduleName(e[1]), e[2]]);
      return;
    case 'start_timer':
      out('*DBG* ~tp start_timer ~tp in state ~tp~n', [name, e[1], e[2]]);
      return;
    case 'insert_timeout':
      out('*DBG* ~tp insert_timeout ~tp in state ~tp~n', [name, e[1], e[2]]);
      return;
    case 'terminate':
      out('*DBG* ~tp terminate ~tp in state ~tp~n', [name, e[1], e[2]]);
      return;
    default: {
      const [tag, event, state, nextState] = e;
      const stateString = termEquals(nextState, state)
        ? io_lib.format('~tp', [state])
        : io_lib.format('~tp => ~tp', [state, nextState]);
      out('*DBG* ~tp ~tw ~ts in state ~ts~n', [name, tag, chars(eventString(event)), chars(stateString)]);
    }
  }
}

/** A JS string as the character list `~ts` prints. */
function chars(s: string): List<number> {
  return list(...Array.from(s, (c) => c.codePointAt(0) as number));
}

function sysDebug(debug: Debug, name: unknown, entry: unknown): Debug {
  return debug.length === 0 ? debug : handle_debug(debug, printEvent, name, entry);
}

// ---- callback mode ---------------------------------------------------------------------

/** get_callback_mode: `p` updated, or the exception to terminate with (a promise of it only if callback_mode/0 returned one). */
export function getCallbackMode(
  p: Params,
  modules: CallbackModule[],
): CallbackModeOutcome | Promise<CallbackModeOutcome> {
  const r = attempt(modules[0] as CallbackModule, 'callback_mode', []);
  if (r instanceof Promise) return r.then((v: unknown) => callbackModeOutcome(p, modules, v));
  return callbackModeOutcome(p, modules, r);
}

type CallbackModeOutcome = { params: Params } | { error: unknown };

function callbackModeOutcome(p: Params, modules: CallbackModule[], r: unknown): CallbackModeOutcome {
  return r instanceof Failed ? { error: r.error } : callbackModeResult(p, modules, r);
}

/**
 * get_callback_mode for sys's code change, which sys makes synchronously: a callback_mode that
 * returns a promise is a bad return there.
 */
export function getCallbackModeSync(
  p: Params,
  modules: CallbackModule[],
): { params: Params } | { error: unknown } {
  let result: unknown;
  try {
    result = apply(modules[0] as CallbackModule, 'callback_mode', []);
  } catch (e) {
    if (ThrownValue.is(e)) result = e.value;
    else return { error: e };
  }
  return callbackModeResult(p, modules, result);
}

function callbackModeResult(
  p: Params,
  modules: CallbackModule[],
  result: unknown,
): { params: Params } | { error: unknown } {
  let mode: Params['callbackMode'] = 'undefined';
  let stateEnter = false;
  const items = Array.isArray(result) ? (result as unknown[]) : [result];
  for (const h of items) {
    if (h === 'state_functions' || h === 'handle_event_function') mode = h;
    else if (h === 'state_enter') stateEnter = true;
    else return { error: new ErlangError(['bad_return_from_callback_mode', result]) };
  }
  if (mode === 'undefined') return { error: new ErlangError(['bad_return_from_callback_mode', result]) };
  return { params: { ...p, modules, callbackMode: mode, stateEnter } };
}

// ---- the loop -----------------------------------------------------------------------------
//
// Every step of an event's handling is a plain function that returns its value, or a promise
// only when something on its path was asynchronous (a callback that returned a promise, a
// callback_mode/0 that did, a timer cancelled too late whose message must be dropped): a machine
// whose callbacks are plain functions goes through a burst of queued events without a promise.

/** The gen_statem module as sys sees it (set by the public module, to answer system messages). */
let systemModule: CallbackModule = {};

/** Sets the module that sys:handle_system_msg calls back (the public gen_statem namespace). */
export function setSystemModule(mod: CallbackModule): void {
  systemModule = mod;
}

const loopReceive: [string, string, number] = ['gen_statem', 'loop_receive', 3];
const hibernating: [string, string, number] = ['erlang', 'hibernate', 3];
const hibernateNow = Symbol('hibernate_after');

/** enter/8: where init_it and enter_loop converge. Never returns. */
export async function enter(
  parent: Pid,
  debug: Debug,
  module: CallbackModule,
  name: unknown,
  hibernateAfter: number,
  state: unknown,
  data: unknown,
  actions: unknown,
): Promise<never> {
  const q: Event[] = [];
  const actions1 = [...listify(actions), ['postpone', false]];
  const modules = [module];
  const p: Params = {
    parent,
    name,
    modules,
    callbackMode: 'undefined',
    stateEnter: false,
    hibernateAfter,
  };
  const s: EngineState = { stateData: [state, data], postponed: [], timers: [], t0q: [], hibernate: false };
  let cm = getCallbackMode(p, modules);
  if (cm instanceof Promise) cm = await cm;
  if ('error' in cm) return terminate(cm.error, null, p, debug, s, [['internal', 'init_state']]);
  const ctx: Ctx = {
    p: cm.params,
    debug: sysDebug(debug, name, ['enter', module, state]),
    s,
    type: 'internal',
    content: 'init_state',
    q,
    tr: {
      nextEvents: [],
      hibernate: false,
      timeouts: [],
      postpone: false,
      nsd: s.stateData,
      callEnter: false,
      actions: null,
    },
    flush: [],
  };
  const r = handleResult(ctx, [state, data], actions1, null);
  if (r !== undefined) await r;
  // The init actions' next events and zero timeouts come before the mailbox, as after any event.
  if (more(ctx)) {
    const r1 = loopEvent(ctx);
    if (r1 !== undefined) await r1;
  }
  return loop(ctx);
}

async function loop(ctx: Ctx): Promise<never> {
  let current = loopReceive;
  setCurrentFunction(current);
  for (;;) {
    let msg: unknown;
    if (ctx.s.hibernate) {
      setCurrentFunction((current = hibernating));
      msg = await receive();
      // Suspended by sys while hibernating, OTP's sys hibernates too.
      if (!isTuple(msg, 3, 'system')) setCurrentFunction((current = loopReceive));
    } else {
      if (current !== loopReceive) setCurrentFunction((current = loopReceive));
      // A message already queued is taken at once, without a promise (a burst of events); as
      // in `receive ... after HibernateAfter`, a queued message wins over the timeout.
      msg = takeQueued();
      if (msg === noMessage) {
        const hibernateAfter = ctx.p.hibernateAfter;
        if (hibernateAfter === Infinity) msg = await receive();
        else {
          msg = await receive(
            on(_, (m) => m),
            after(hibernateAfter, () => hibernateNow),
          );
          if (msg === hibernateNow) {
            ctx.s.hibernate = true;
            continue;
          }
        }
      }
    }
    const r = handleMessage(ctx, msg);
    if (r !== undefined) await r;
  }
}

/** Makes an event of a message and handles it (and the events it leads to). */
function handleMessage(ctx: Ctx, msg: unknown): void | Promise<void> {
  let type: unknown;
  let content: unknown;
  if (Array.isArray(msg) && !isList(msg)) {
    const tag: unknown = msg[0];
    const n = msg.length;
    if (n === 2 && tag === '$gen_cast') {
      type = 'cast';
      content = msg[1];
    } else if (n === 3 && tag === '$gen_call') {
      type = ['call', msg[1]];
      content = msg[2];
    } else if (n === 3 && tag === 'timeout' && msg[2] !== 't0q') {
      const timers = ctx.s.timers;
      const i = findTimer(timers, msg[2]);
      const t = timers[i];
      if (t !== undefined && t.ref === msg[1]) {
        timers.splice(i, 1);
        type = t.type;
        content = t.msg;
      } else {
        type = 'info';
        content = msg;
      }
    } else if (n === 3 && tag === 'system') return systemMessage(ctx, msg);
    else if (n === 3 && tag === 'EXIT' && msg[1] === ctx.p.parent) {
      return terminate(new ExitException(msg[2]), null, ctx.p, ctx.debug, ctx.s, []);
    } else {
      type = 'info';
      content = msg;
    }
  } else {
    type = 'info';
    content = msg;
  }
  if (ctx.debug.length !== 0)
    ctx.debug = handle_debug(ctx.debug, printEvent, ctx.p.name, ['in', [type, content], ctx.s.stateData[0]]);
  ctx.type = type;
  ctx.content = content;
  return loopEvent(ctx);
}

async function systemMessage(ctx: Ctx, msg: unknown[]): Promise<void> {
  const r = (await handle_system_msg(msg[2], msg[1] as never, ctx.p.parent, systemModule, ctx.debug, [
    ctx.p,
    ctx.s,
  ] satisfies Misc)) as Continue;
  ctx.p = r.misc[0].parent === r.parent ? r.misc[0] : { ...r.misc[0], parent: r.parent };
  ctx.s = r.misc[1];
  ctx.debug = r.debug;
}

/** Handles the events of `q` until it is empty and no zero timeout is due. */
function loopEvent(ctx: Ctx): void | Promise<void> {
  for (;;) {
    ctx.s.hibernate = false;
    const stateData = ctx.s.stateData;
    const result = callStateCallback(ctx, stateData, ctx.type, ctx.content);
    if (result instanceof Promise) {
      return result.then((v: unknown) => afterEvent(ctx, handleResult(ctx, stateData, undefined, v)));
    }
    const r = handleResult(ctx, stateData, undefined, result);
    if (r !== undefined) return afterEvent(ctx, r);
    if (!more(ctx)) return undefined;
  }
}

/** Goes on with the queue once the handling of an event that went asynchronous is done. */
function afterEvent(ctx: Ctx, handled: void | Promise<void>): void | Promise<void> {
  if (handled !== undefined) return handled.then(() => (more(ctx) ? loopEvent(ctx) : undefined));
  return more(ctx) ? loopEvent(ctx) : undefined;
}

/** OTP's `q`: the event being handled, then the rest (for the terminate report). */
function queued(ctx: Ctx): Event[] {
  return [[ctx.type, ctx.content], ...ctx.q];
}

/**
 * Whether an event is due before the mailbox is read again, `q`'s or a zero timeout's: if so, it
 * is made the event being handled.
 */
function more(ctx: Ctx): boolean {
  if (ctx.q.length !== 0) {
    const e = ctx.q.shift() as Event;
    ctx.type = e[0];
    ctx.content = e[1];
    return true;
  }
  const s = ctx.s;
  if (s.t0q.length === 0) return false;
  const type = s.t0q.shift();
  const i = findTimer(s.timers, type);
  const t = s.timers[i] as Timer;
  s.timers.splice(i, 1);
  if (ctx.debug.length !== 0)
    ctx.debug = handle_debug(ctx.debug, printEvent, ctx.p.name, ['in', [t.type, t.msg], s.stateData[0]]);
  ctx.type = t.type;
  ctx.content = t.msg;
  return true;
}

/**
 * Calls the state callback for `{type, content}` in `stateData`: its result, or a promise of it
 * if it returned one; a crash terminates (the promise terminate returns, which rejects).
 */
function callStateCallback(
  ctx: Ctx,
  stateData: [unknown, unknown],
  type: unknown,
  content: unknown,
): unknown {
  const p = ctx.p;
  const mod = p.modules[0] as Record<string, unknown>;
  const state = stateData[0];
  let r: unknown;
  try {
    if (p.callbackMode === 'state_functions') {
      if (typeof state !== 'string') {
        throw new ErlangError(
          'badarg',
          `gen_statem: in state_functions mode the state must be an atom (a state function's name), got ${io_lib.format('~tp', [state])}`,
        );
      }
      const f = mod[state];
      if (typeof f !== 'function') throw undef(mod, state, [type, content, stateData[1]]);
      r = settle(
        (f as (a: unknown, b: unknown, c: unknown) => unknown).call(mod, type, content, stateData[1]),
      );
    } else {
      const f = mod['handle_event'];
      if (typeof f !== 'function') throw undef(mod, 'handle_event', [type, content, state, stateData[1]]);
      r = settle(
        (f as (a: unknown, b: unknown, c: unknown, d: unknown) => unknown).call(
          mod,
          type,
          content,
          state,
          stateData[1],
        ),
      );
    }
  } catch (e) {
    r = failedWith(e);
  }
  if (r instanceof Promise) {
    return r.then((v: unknown) =>
      v instanceof Failed ? terminate(v.error, null, p, ctx.debug, ctx.s, queued(ctx)) : v,
    );
  }
  if (r instanceof Failed) return terminate(r.error, null, p, ctx.debug, ctx.s, queued(ctx));
  return r;
}

/**
 * loop_state_callback_result and loop_actions_list: handles a callback's result (or, with
 * `initialActions`, the actions of init/enter_loop), with the state enter calls it leads to,
 * then makes the transition, leaving the new event queue in `ctx.q`.
 */
function handleResult(
  ctx: Ctx,
  stateData: [unknown, unknown],
  initialActions: unknown[] | undefined,
  result: unknown,
): void | Promise<void> {
  const tr = ctx.tr;
  if (tr.nextEvents.length !== 0) tr.nextEvents.length = 0;
  if (tr.timeouts.length !== 0) tr.timeouts.length = 0;
  tr.hibernate = false;
  tr.postpone = false;
  try {
    const r = resultLoop(ctx, stateData, true, initialActions, result);
    if (r !== undefined) return r.catch((e: unknown) => stopped(ctx, e));
    return undefined;
  } catch (e) {
    return stopped(ctx, e);
  }
}

/** A {@link Stop} ends the machine; anything else goes on up. */
function stopped(ctx: Ctx, e: unknown): Promise<never> {
  if (e instanceof Stop) return stopWith(ctx, e);
  throw e;
}

function resultLoop(
  ctx: Ctx,
  stateData: [unknown, unknown],
  stateCall: boolean,
  initialActions: unknown[] | undefined,
  result: unknown,
): void | Promise<void> {
  const tr = ctx.tr;
  for (;;) {
    let nsd: [unknown, unknown];
    let callEnter: boolean;
    let actions: unknown[] | null;
    if (initialActions !== undefined) {
      nsd = stateData;
      callEnter = true;
      actions = initialActions;
      initialActions = undefined;
    } else {
      parseResult(ctx, stateData, stateCall, result);
      nsd = tr.nsd;
      callEnter = tr.callEnter;
      actions = tr.actions;
    }
    if (actions !== null) {
      const a = loopActionsList(ctx, nsd, stateCall, actions, 0);
      if (a !== undefined) {
        const enterAfter = callEnter;
        return a.then(() => enterOrTransition(ctx, nsd, enterAfter));
      }
    }
    if (!(callEnter && ctx.p.stateEnter)) return loopStateTransition(ctx, nsd);
    const r = callStateCallback(ctx, nsd, 'enter', ctx.s.stateData[0]);
    if (r instanceof Promise) return r.then((v: unknown) => resultLoop(ctx, nsd, false, undefined, v));
    stateCall = false;
    stateData = nsd;
    result = r;
  }
}

/** After actions that went asynchronous: the state enter call, or the transition. */
function enterOrTransition(ctx: Ctx, nsd: [unknown, unknown], callEnter: boolean): void | Promise<void> {
  if (!(callEnter && ctx.p.stateEnter)) return loopStateTransition(ctx, nsd);
  const r = callStateCallback(ctx, nsd, 'enter', ctx.s.stateData[0]);
  if (r instanceof Promise) return r.then((v: unknown) => resultLoop(ctx, nsd, false, undefined, v));
  return resultLoop(ctx, nsd, false, undefined, r);
}

/** The actions of a result: listified, or null if there are none. */
function actionsOf(a: unknown): unknown[] | null {
  const l = listify(a);
  return l.length === 0 ? null : l;
}

/** Ends the machine with `error` in `sd`, as a bad result or a `stop` result does. */
function stopIn(ctx: Ctx, sd: [unknown, unknown], error: unknown): never {
  ctx.s.stateData = sd;
  ctx.s.hibernate = ctx.tr.hibernate;
  throw new Stop(error, queued(ctx));
}

/** Parses a callback's result into `ctx.tr` (nsd, callEnter, actions), or ends the machine. */
function parseResult(ctx: Ctx, stateData: [unknown, unknown], stateCall: boolean, result: unknown): void {
  const tr = ctx.tr;
  const state = stateData[0];
  if (Array.isArray(result) && !isList(result)) {
    const r = result as unknown[];
    const n = r.length;
    switch (r[0]) {
      case 'next_state':
        if (n === 3 || n === 4) {
          const a = r[1];
          const same = sameTerm(a, state);
          if (!same && !stateCall)
            stopIn(ctx, stateData, new ErlangError(['bad_state_enter_return_from_state_function', result]));
          tr.nsd = [same ? state : a, r[2]];
          tr.callEnter = !same;
          tr.actions = n === 4 ? actionsOf(r[3]) : null;
          return;
        }
        break;
      case 'keep_state':
        if (n === 2 || n === 3) {
          tr.nsd = [state, r[1]];
          tr.callEnter = false;
          tr.actions = n === 3 ? actionsOf(r[2]) : null;
          return;
        }
        break;
      case 'keep_state_and_data':
        if (n === 2) {
          tr.nsd = stateData;
          tr.callEnter = false;
          tr.actions = actionsOf(r[1]);
          return;
        }
        break;
      case 'repeat_state':
        if (n === 2 || n === 3) {
          tr.nsd = [state, r[1]];
          tr.callEnter = true;
          tr.actions = n === 3 ? actionsOf(r[2]) : null;
          return;
        }
        break;
      case 'repeat_state_and_data':
        if (n === 2) {
          tr.nsd = stateData;
          tr.callEnter = true;
          tr.actions = actionsOf(r[1]);
          return;
        }
        break;
      case 'stop':
        if (n === 2) stopIn(ctx, stateData, new ExitException(r[1]));
        if (n === 3) stopIn(ctx, [state, r[2]], new ExitException(r[1]));
        break;
      case 'stop_and_reply':
        if (n === 3 || n === 4) {
          ctx.s.stateData = n === 4 ? [state, r[3]] : stateData;
          ctx.s.hibernate = tr.hibernate;
          throw new StopAndReply(new ExitException(r[1]), queued(ctx), r[2]);
        }
        break;
    }
  } else if (result === 'keep_state_and_data') {
    tr.nsd = stateData;
    tr.callEnter = false;
    tr.actions = null;
    return;
  } else if (result === 'repeat_state_and_data') {
    tr.nsd = stateData;
    tr.callEnter = true;
    tr.actions = null;
    return;
  } else if (result === 'stop') {
    stopIn(ctx, stateData, new ExitException('normal'));
  }
  stopIn(ctx, stateData, new ErlangError(['bad_return_from_state_function', result]));
}

/** Thrown inside the result handling to end the machine; caught by {@link handleResult}. */
class Stop {
  constructor(
    readonly error: unknown,
    readonly q: Event[],
  ) {}
}

class StopAndReply extends Stop {
  constructor(
    error: unknown,
    q: Event[],
    readonly replies: unknown,
  ) {
    super(error, q);
  }
}

/** A bad action: ends the machine in `nsd`. */
function badAction(ctx: Ctx, nsd: [unknown, unknown], reason: unknown): never {
  return stopIn(ctx, nsd, new ErlangError(reason));
}

/** loop_actions_list from action `from` on; a promise only if a module change went asynchronous. */
function loopActionsList(
  ctx: Ctx,
  nsd: [unknown, unknown],
  stateCall: boolean,
  actions: unknown[],
  from: number,
): void | Promise<void> {
  const tr = ctx.tr;
  for (let i = from; i < actions.length; i++) {
    const action = actions[i];
    if (Array.isArray(action) && !isList(action)) {
      const a = action as unknown[];
      if (a.length === 3 && a[0] === 'reply') {
        if (!isFrom(a[1])) badAction(ctx, nsd, ['bad_action_from_state_function', action]);
        genReply(a[1], a[2], 'gen_statem:reply/2');
        if (ctx.debug.length !== 0)
          ctx.debug = handle_debug(ctx.debug, printEvent, ctx.p.name, ['out', a[2], a[1]]);
        continue;
      }
      if (a.length === 2 && a[0] === 'hibernate' && typeof a[1] === 'boolean') {
        tr.hibernate = a[1];
        continue;
      }
      if (a.length === 2 && a[0] === 'postpone' && (a[1] === false || (a[1] === true && stateCall))) {
        tr.postpone = a[1];
        continue;
      }
      if (a.length === 3 && a[0] === 'next_event') {
        if (isEventType(a[1]) && stateCall) {
          const ev: Event = [a[1], a[2]];
          tr.nextEvents.push(ev);
          if (ctx.debug.length !== 0)
            ctx.debug = handle_debug(ctx.debug, printEvent, ctx.p.name, ['in', ev, nsd[0]]);
          continue;
        }
        badAction(ctx, nsd, [
          stateCall ? 'bad_action_from_state_function' : 'bad_state_enter_action_from_state_function',
          action,
        ]);
      }
      if (
        a.length === 2 &&
        (a[0] === 'change_callback_module' || a[0] === 'push_callback_module') &&
        typeof a[1] === 'object' &&
        a[1] !== null &&
        !Array.isArray(a[1])
      ) {
        if (!stateCall) badAction(ctx, nsd, ['bad_state_enter_action_from_state_function', action]);
        const mod = a[1];
        const modules =
          a[0] === 'change_callback_module' ? [mod, ...ctx.p.modules.slice(1)] : [mod, ...ctx.p.modules];
        const changed = changeModules(ctx, nsd, modules, mod);
        if (changed !== undefined)
          return changed.then(() => loopActionsList(ctx, nsd, stateCall, actions, i + 1));
        continue;
      }
      timeoutAction(ctx, nsd, a);
      continue;
    }
    if (action === 'hibernate') {
      tr.hibernate = true;
      continue;
    }
    if (action === 'postpone') {
      if (!stateCall) badAction(ctx, nsd, ['bad_state_enter_action_from_state_function', action]);
      tr.postpone = true;
      continue;
    }
    if (action === 'pop_callback_module' && ctx.p.modules.length > 1) {
      if (!stateCall) badAction(ctx, nsd, ['bad_state_enter_action_from_state_function', action]);
      const modules = ctx.p.modules.slice(1);
      const changed = changeModules(ctx, nsd, modules, modules[0] as CallbackModule);
      if (changed !== undefined)
        return changed.then(() => loopActionsList(ctx, nsd, stateCall, actions, i + 1));
      continue;
    }
    if (isRelativeTimeout(action)) {
      tr.timeouts.push(['timeout', action, action]);
      continue;
    }
    badAction(ctx, nsd, ['bad_action_from_state_function', action]);
  }
  return undefined;
}

function changeModules(
  ctx: Ctx,
  nsd: [unknown, unknown],
  modules: CallbackModule[],
  mod: CallbackModule,
): void | Promise<void> {
  const cm = getCallbackMode(ctx.p, modules);
  if (cm instanceof Promise) return cm.then((c) => changedModules(ctx, nsd, c, mod));
  changedModules(ctx, nsd, cm, mod);
  return undefined;
}

function changedModules(
  ctx: Ctx,
  nsd: [unknown, unknown],
  cm: CallbackModeOutcome,
  mod: CallbackModule,
): void {
  if ('error' in cm) stopIn(ctx, nsd, cm.error);
  ctx.p = cm.params;
  if (ctx.debug.length !== 0)
    ctx.debug = handle_debug(ctx.debug, printEvent, ctx.p.name, ['module', mod, nsd[0]]);
}

function timeoutAction(ctx: Ctx, nsd: [unknown, unknown], a: unknown[]): void {
  const timeouts = ctx.tr.timeouts;
  const [type, time, msg, opts] = a;
  if (a.length === 4) {
    if (!isTimeoutType(type)) badAction(ctx, nsd, ['bad_action_from_state_function', a]);
    const abs = parseAbs(listify(opts));
    if (abs === true && isAbsoluteTimeout(time)) timeouts.push([type, time, msg, opts]);
    else if (abs === false && isRelativeTimeout(time)) timeouts.push([type, time, msg]);
    else badAction(ctx, nsd, ['bad_action_from_state_function', a]);
    return;
  }
  if (a.length === 3) {
    if (isTimeoutType(type) && (isRelativeTimeout(time) || time === 'update')) {
      timeouts.push([type, time, msg]);
      return;
    }
    badAction(ctx, nsd, ['bad_action_from_state_function', a]);
  }
  if (a.length === 2 && time === 'cancel') {
    if (isTimeoutType(type)) {
      timeouts.push([type, 'infinity', 'undefined']);
      return;
    }
    badAction(ctx, nsd, ['bad_action_from_state_function', a]);
  }
  badAction(ctx, nsd, ['bad_action_from_state_function', a]);
}

function parseAbs(opts: unknown[]): boolean | 'badarg' {
  let abs = false;
  for (const o of opts) {
    if (Array.isArray(o) && o.length === 2 && o[0] === 'abs' && typeof o[1] === 'boolean') abs = o[1];
    else return 'badarg';
  }
  return abs;
}

/**
 * loop_state_transition and what follows it: leaves the new event queue in `ctx.q` (a promise
 * only if a timer cancelled too late left a message to drop).
 */
function loopStateTransition(ctx: Ctx, nsd: [unknown, unknown]): void | Promise<void> {
  const { s, tr, q } = ctx;
  const state = s.stateData[0];
  const nextState = nsd[0];
  const postponed = tr.postpone ? [[ctx.type, ctx.content] as Event, ...s.postponed] : s.postponed;
  if (ctx.debug.length !== 0) {
    ctx.debug = handle_debug(ctx.debug, printEvent, ctx.p.name, [
      tr.postpone ? 'postpone' : 'consume',
      [ctx.type, ctx.content],
      state,
      nextState,
    ]);
  }
  if (sameTerm(nextState, state)) {
    s.postponed = postponed;
    if (s.timers.length !== 0) cancelTimerOfType(ctx, 'timeout');
  } else {
    if (postponed.length !== 0) {
      // The postponed events, oldest first, before what was queued.
      for (const e of postponed) q.unshift(e);
      s.postponed = [];
    }
    if (s.timers.length !== 0) {
      cancelTimerOfType(ctx, 'state_timeout');
      cancelTimerOfType(ctx, 'timeout');
    }
  }
  // Consumed: the machine keeps no reference to it.
  ctx.content = undefined;
  s.stateData = nsd;
  s.hibernate = tr.hibernate;
  if (tr.timeouts.length !== 0) loopTimeouts(ctx, nextState);
  if (tr.nextEvents.length !== 0) q.unshift(...tr.nextEvents);
  if (ctx.flush.length !== 0) return flushTimers(ctx);
  return undefined;
}

/** loop_timeouts: starts the timers of the timeout actions; the newest action of a type wins. */
function loopTimeouts(ctx: Ctx, nextState: unknown): void {
  const { s, tr } = ctx;
  const seen: unknown[] = [];
  const timeoutEvents: unknown[] = [];
  for (let k = tr.timeouts.length - 1; k >= 0; k--) {
    const t = tr.timeouts[k] as TimeoutAction;
    const [type, time, msg] = t;
    if (findType(seen, type) >= 0) continue;
    seen.push(type);
    const i = findTimer(s.timers, type);
    if (time === 'infinity' || time === Infinity) {
      if (i >= 0) cancelTimerAt(ctx, i);
      continue;
    }
    if (time === 'update') {
      if (i >= 0) (s.timers[i] as Timer).msg = msg;
      else {
        s.timers.push({ type, ref: 0, msg });
        timeoutEvents.unshift(type);
      }
      continue;
    }
    const opts = t.length === 4 ? listify(t[3]) : [];
    let ref: Ref | 0;
    if (time === 0) {
      ref = 0;
      timeoutEvents.unshift(type);
    } else {
      const abs = parseAbs(opts) === true;
      const ms = abs ? Math.max(0, Math.ceil((time as number) - systemClock.now())) : (time as number);
      ref = start_timer(ms, self(), type);
    }
    if (ctx.debug.length !== 0) {
      ctx.debug = handle_debug(ctx.debug, printEvent, ctx.p.name, [
        'start_timer',
        [type, time, msg, list(...opts)],
        nextState,
      ]);
    }
    if (i >= 0) {
      const old = s.timers[i] as Timer;
      if (old.ref === 0) {
        const j = findType(s.t0q, type);
        if (j >= 0) s.t0q.splice(j, 1);
      } else cancelErlangTimer(ctx, old.ref);
      s.timers[i] = { type, ref, msg };
    } else s.timers.push({ type, ref, msg });
  }
  s.t0q.push(...timeoutEvents);
}

// ---- termination ------------------------------------------------------------------------

function isQuietReason(reason: unknown): boolean {
  return (
    reason === 'normal' ||
    reason === 'shutdown' ||
    (Array.isArray(reason) && reason.length === 2 && reason[0] === 'shutdown')
  );
}

/**
 * terminate/7: calls the module's terminate, reports an abnormal end, and raises `error` (the
 * exception to end with: an ExitException for `exit`, an ErlangError or the callback's own
 * exception for `error`).
 */
export async function terminate(
  error: unknown,
  _unused: null,
  p: Params,
  debug: Debug,
  s: EngineState,
  q: Event[],
): Promise<never> {
  const mod = p.modules[0] as CallbackModule;
  const [state, data] = s.stateData;
  const c = caughtException(error);
  if (exported(mod, 'terminate')) {
    let r = attempt(mod, 'terminate', [c.reason, state, data]);
    if (r instanceof Promise) r = await r;
    if (r instanceof Failed) {
      errorInfo(r.error, debug, p, s, q);
      throw r.error;
    }
  }
  if (c.class === 'exit' && isQuietReason(c.reason)) sysDebug(debug, p.name, ['terminate', c.reason, state]);
  else errorInfo(error, debug, p, s, q);
  throw error;
}

/** Ends the machine as a `stop` result or a bad result asks (reply_then_terminate, terminate). */
async function stopWith(ctx: Ctx, e: Stop): Promise<never> {
  {
    if (e instanceof StopAndReply) {
      let debug = ctx.debug;
      for (const r of listify(e.replies)) {
        if (isTuple(r, 3, 'reply') && isFrom(r[1])) {
          genReply(r[1], r[2], 'gen_statem:reply/2');
          debug = sysDebug(debug, ctx.p.name, ['out', r[2], r[1]]);
        } else {
          return terminate(
            new ErlangError(['bad_reply_action_from_state_function', r]),
            null,
            ctx.p,
            ctx.debug,
            ctx.s,
            e.q,
          );
        }
      }
      return terminate(e.error, null, ctx.p, debug, ctx.s, e.q);
    }
    return terminate(e.error, null, ctx.p, ctx.debug, ctx.s, e.q);
  }
}

/** The terminate callback's stack trace client info, as far as erlts knows it. */
function clientInfo(q: Event[]): unknown {
  const first = q[0];
  if (first === undefined) return 'undefined';
  const [type] = first;
  if (!(Array.isArray(type) && type[0] === 'call' && Array.isArray(type[1]) && is_pid(type[1][0]))) {
    return 'undefined';
  }
  const pid = type[1][0];
  if (!is_process_alive(pid)) return [pid, 'dead'];
  const reg = process_info(pid, 'registered_name');
  const name = Array.isArray(reg) && typeof reg[1] === 'string' ? reg[1] : pid;
  return [pid, [name, list()]];
}

/**
 * The state a terminate report shows (error_info/7): `{State, Data}` as the module's
 * format_status left them, or what the old format_status/2 returned (gen:format_status/4).
 */
function terminateStatus(
  mod: CallbackModule,
  reason: unknown,
  state: unknown,
  data: unknown,
  s: EngineState,
  q: Event[],
  log: unknown,
): unknown {
  const status = formatStatus(
    mod,
    'terminate',
    {
      reason,
      state,
      data,
      queue: list(...q),
      postponed: list(...s.postponed),
      timeouts: listTimeouts(s)[1],
      log,
    },
    [get(), state, data],
  ) as StatusMap;
  return '$status' in status ? status['$status'] : [status['state'], status['data']];
}

/** error_info/7: the `** State machine ... terminating` report through logger. */
function errorInfo(error: unknown, debug: Debug, p: Params, s: EngineState, q: Event[]): void {
  try {
    const c = caughtException(error);
    const mod = p.modules[0] as CallbackModule;
    const [state, data] = s.stateData;
    const [numTimers, timeouts] = listTimeouts(s);
    const log = get_log(debug);
    const fmtData = terminateStatus(mod, c.reason, state, data, s, q, log);
    const stack = c.stack;
    const cbMode = p.stateEnter ? list(p.callbackMode, 'state_enter') : p.callbackMode;
    let fmt = '** State machine ~tp terminating~n';
    const args: unknown[] = [p.name];
    if (q.length > 0) {
      fmt += '** Last event = ~tp~n';
      args.push(q[0]);
    }
    fmt += '** When server state  = ~tp~n** Reason for termination = ~tp:~tp~n';
    args.push(fmtData, c.class, c.reason);
    fmt += '** Callback modules = ~tp~n** Callback mode = ~tp~n';
    args.push(list(...p.modules.map((m) => moduleName(m))), cbMode);
    if (q.length >= 2) {
      fmt += '** Queued = ~tp~n';
      args.push(list(...q.slice(1)));
    }
    if (s.postponed.length > 0) {
      fmt += '** Postponed = ~tp~n';
      args.push(list(...s.postponed));
    }
    if (stack.length > 0) {
      fmt += '** Stacktrace =~n**  ~tp~n';
      args.push(stack);
    }
    if (numTimers !== 0) {
      fmt += '** Time-outs: ~tp~n';
      args.push([numTimers, timeouts]);
    }
    if (log.length > 0) {
      fmt += '** Log =~n**  ~tp~n';
      args.push(log);
    }
    const client = clientInfo(q);
    if (Array.isArray(client)) {
      if (client[1] === 'dead') {
        fmt += '** Client ~p is dead~n';
        args.push(client[0]);
      } else {
        fmt += '** Client ~tp stacktrace~n** ~tp~n';
        args.push((client[1] as unknown[])[0], (client[1] as unknown[])[1]);
      }
    }
    logReport('error', undefined, io_lib.format(fmt, args), self());
  } catch {
    // A report that cannot be made must not change how the machine ends.
  }
}
