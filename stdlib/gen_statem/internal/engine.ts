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
 * A timer is `{Type, Ref | 0, Msg}`: Ref from start_timer (its message is `{timeout, Ref, Type}`),
 * 0 for a zero timeout waiting in t0q. Only the newest timeout action of each type counts.
 */
import {
  ErlangError,
  ExitException,
  ThrownValue,
  _,
  after,
  cancel_timer,
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
  caughtException,
  logReport,
  setCurrentFunction,
  termEquals,
} from '../../../runtime/internal/library-api.js';
import { reply as genReply } from '../../gen/internal/call.js';
import { apply, exported, moduleName, type CallbackModule } from '../../gen/internal/module.js';
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
}

/** A timeout action collected from a result: `{Type, Time, Msg}` or with options. */
type TimeoutAction = [unknown, unknown, unknown] | [unknown, unknown, unknown, unknown];

// ---- helpers ------------------------------------------------------------------------

/** Erlang's listify: a list stays, anything else is a list of one. */
export function listify(item: unknown): unknown[] {
  if (item instanceof List) return item;
  if (Array.isArray(item) && !isTupleAction(item)) return item;
  return [item];
}

function isTimeoutType(t: unknown): boolean {
  return (
    t === 'timeout' ||
    t === 'state_timeout' ||
    (Array.isArray(t) && !(t instanceof List) && t.length === 2 && t[0] === 'timeout')
  );
}

/**
 * Whether a plain array is one tuple action rather than a list of actions (DESIGN §7): its first
 * element names a tuple action and its arity is one that action has.
 */
export function isTupleAction(a: readonly unknown[]): boolean {
  if (a instanceof List || a.length < 2) return false;
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
  return Array.isArray(f) && !(f instanceof List) && f.length === 2 && is_pid(f[0]);
}

function isEventType(t: unknown): boolean {
  if (Array.isArray(t) && !(t instanceof List) && t.length === 2 && t[0] === 'call') return isFrom(t[1]);
  return t === 'cast' || t === 'info' || t === 'internal' || isTimeoutType(t);
}

function isTuple(r: unknown, n: number, tag: string): r is unknown[] {
  return Array.isArray(r) && !(r instanceof List) && r.length === n && r[0] === tag;
}

/** Whether `e` is the runtime unwinding a process that is already dead. */
function unwinding(e: unknown): boolean {
  return e instanceof Error && e.name === 'ProcessExited';
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Runs a callback as OTP's `try ... of Result -> ... catch Result -> ...; C:R:ST -> ...`. */
async function invoke(fn: () => unknown): Promise<Outcome> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (ThrownValue.is(e)) return { ok: true, value: e.value };
    if (unwinding(e)) throw e;
    return { ok: false, error: e };
  }
}

function findTimer(timers: Timer[], type: unknown): number {
  return timers.findIndex((t) => termEquals(t.type, type));
}

/** Cancels an erlang timer and drops its message if it already fired (OTP's ?cancel_timer). */
async function cancelErlangTimer(ref: Ref): Promise<void> {
  if (cancel_timer(ref) === false) {
    await receive(
      on(['timeout', ref, _], () => 'ok'),
      after(0, () => 'ok'),
    );
  }
}

/** Cancels timer `i` of `s` and removes it. */
async function cancelTimerAt(s: EngineState, i: number): Promise<void> {
  const t = s.timers[i] as Timer;
  s.timers.splice(i, 1);
  if (t.ref === 0) {
    const j = s.t0q.findIndex((x) => termEquals(x, t.type));
    if (j >= 0) s.t0q.splice(j, 1);
  } else {
    await cancelErlangTimer(t.ref);
  }
}

async function cancelTimerOfType(s: EngineState, type: unknown): Promise<void> {
  const i = findTimer(s.timers, type);
  if (i >= 0) await cancelTimerAt(s, i);
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

/** get_callback_mode: `p` updated, or the exception to terminate with. */
export async function getCallbackMode(
  p: Params,
  modules: CallbackModule[],
): Promise<{ params: Params } | { error: unknown }> {
  const r = await invoke(() => apply(modules[0] as CallbackModule, 'callback_mode', []));
  if (!r.ok) return { error: r.error };
  return callbackModeResult(p, modules, r.value);
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

/** The gen_statem module as sys sees it (set by the public module, to answer system messages). */
let systemModule: CallbackModule = {};

/** Sets the module that sys:handle_system_msg calls back (the public gen_statem namespace). */
export function setSystemModule(mod: CallbackModule): void {
  systemModule = mod;
}

const noMessage = Symbol('no message');

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
  const q: Event[] = [['internal', 'init_state']];
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
  const cm = await getCallbackMode(p, modules);
  if ('error' in cm) return terminate(cm.error, null, p, debug, s, q);
  const ctx: Ctx = { p: cm.params, debug: sysDebug(debug, name, ['enter', module, state]), s };
  await handleResult(ctx, q, [state, data], true, true, actions1, null);
  return loop(ctx);
}

async function loop(ctx: Ctx): Promise<never> {
  for (;;) {
    let msg: unknown;
    if (ctx.s.hibernate) {
      setCurrentFunction(['erlang', 'hibernate', 3]);
      msg = await receive();
    } else {
      setCurrentFunction(['gen_statem', 'loop_receive', 3]);
      msg = await receive(
        on(_, (m) => m),
        after(ctx.p.hibernateAfter, () => noMessage),
      );
      if (msg === noMessage) {
        ctx.s.hibernate = true;
        continue;
      }
    }
    // Suspended by sys while hibernating, OTP's sys hibernates too.
    if (!(ctx.s.hibernate && isTuple(msg, 3, 'system')))
      setCurrentFunction(['gen_statem', 'loop_receive', 3]);
    let event: Event;
    if (isTuple(msg, 3, '$gen_call')) event = [['call', msg[1]], msg[2]];
    else if (isTuple(msg, 2, '$gen_cast')) event = ['cast', msg[1]];
    else if (isTuple(msg, 3, 'timeout') && msg[2] !== 't0q') {
      const i = findTimer(ctx.s.timers, msg[2]);
      const t = ctx.s.timers[i];
      if (t !== undefined && t.ref === msg[1]) {
        ctx.s.timers.splice(i, 1);
        event = [t.type, t.msg];
      } else event = ['info', msg];
    } else if (isTuple(msg, 3, 'system')) {
      const r = (await handle_system_msg(msg[2], msg[1] as never, ctx.p.parent, systemModule, ctx.debug, [
        ctx.p,
        ctx.s,
      ] satisfies Misc)) as Continue;
      ctx.p = r.misc[0].parent === r.parent ? r.misc[0] : { ...r.misc[0], parent: r.parent };
      ctx.s = r.misc[1];
      ctx.debug = r.debug;
      continue;
    } else if (isTuple(msg, 3, 'EXIT') && msg[1] === ctx.p.parent) {
      return terminate(new ExitException(msg[2]), null, ctx.p, ctx.debug, ctx.s, []);
    } else event = ['info', msg];
    ctx.debug = sysDebug(ctx.debug, ctx.p.name, ['in', event, ctx.s.stateData[0]]);
    await loopEvent(ctx, [event]);
  }
}

/** Handles the events of `q` until it is empty and no zero timeout is due. */
async function loopEvent(ctx: Ctx, q: Event[]): Promise<void> {
  for (;;) {
    ctx.s.hibernate = false;
    const event = q[0] as Event;
    const result = await callStateCallback(ctx, q, ctx.s.stateData, event);
    q = await handleResult(ctx, q, ctx.s.stateData, true, false, undefined, result);
    if (q.length === 0) {
      const type = ctx.s.t0q[0];
      if (type === undefined) return;
      const i = findTimer(ctx.s.timers, type);
      const t = ctx.s.timers[i] as Timer;
      ctx.s.timers.splice(i, 1);
      ctx.s.t0q.shift();
      const ev: Event = [t.type, t.msg];
      ctx.debug = sysDebug(ctx.debug, ctx.p.name, ['in', ev, ctx.s.stateData[0]]);
      q = [ev];
    }
  }
}

/** Calls the state callback for `[type, content]` in `stateData`; a crash terminates. */
async function callStateCallback(
  ctx: Ctx,
  q: Event[],
  stateData: [unknown, unknown],
  [type, content]: Event,
): Promise<unknown> {
  const { p } = ctx;
  const mod = p.modules[0] as CallbackModule;
  const [state, data] = stateData;
  const r = await invoke(() => {
    if (p.callbackMode === 'state_functions') {
      if (typeof state !== 'string') {
        throw new ErlangError(
          'badarg',
          `gen_statem: in state_functions mode the state must be an atom (a state function's name), got ${io_lib.format('~tp', [state])}`,
        );
      }
      return apply(mod, state, [type, content, data]);
    }
    return apply(mod, 'handle_event', [type, content, state, data]);
  });
  if (!r.ok) return terminate(r.error, null, p, ctx.debug, ctx.s, q);
  return r.value;
}

interface Transition {
  nextEventsR: Event[];
  hibernate: boolean;
  timeoutsR: TimeoutAction[];
  postpone: boolean;
}

/**
 * loop_state_callback_result and loop_actions_list: handles a callback's result (or, with
 * `initialActions`, the actions of init/enter_loop), with the state enter calls it leads to,
 * then makes the transition. Returns the new event queue.
 */
async function handleResult(
  ctx: Ctx,
  q: Event[],
  stateData: [unknown, unknown],
  stateCall: boolean,
  initial: boolean,
  initialActions: unknown[] | undefined,
  firstResult: unknown,
): Promise<Event[]> {
  try {
    return await handleResultIn(ctx, q, stateData, stateCall, initial, initialActions, firstResult);
  } catch (e) {
    if (e instanceof Stop) return stopWith(ctx, e);
    throw e;
  }
}

async function handleResultIn(
  ctx: Ctx,
  q: Event[],
  stateData: [unknown, unknown],
  stateCall: boolean,
  initial: boolean,
  initialActions: unknown[] | undefined,
  firstResult: unknown,
): Promise<Event[]> {
  const tr: Transition = { nextEventsR: [], hibernate: false, timeoutsR: [], postpone: false };
  let result = firstResult;
  let nsd: [unknown, unknown];
  for (;;) {
    let callEnter: boolean;
    let actions: unknown[] | null;
    if (initial) {
      initial = false;
      nsd = stateData;
      callEnter = true;
      actions = initialActions ?? [];
    } else {
      ({ nsd, callEnter, actions } = parseResult(ctx, q, stateData, stateCall, tr, result));
    }
    if (actions !== null) await loopActionsList(ctx, q, nsd, tr, stateCall, actions);
    if (callEnter && ctx.p.stateEnter) {
      const prevState = ctx.s.stateData[0];
      stateCall = false;
      stateData = nsd;
      result = await callStateCallback(ctx, q, nsd, ['enter', prevState]);
      continue;
    }
    return loopStateTransition(ctx, q, nsd, tr);
  }
}

interface Parsed {
  nsd: [unknown, unknown];
  callEnter: boolean;
  actions: unknown[] | null;
}

function parseResult(
  ctx: Ctx,
  q: Event[],
  stateData: [unknown, unknown],
  stateCall: boolean,
  tr: Transition,
  result: unknown,
): Parsed {
  const [state] = stateData;
  const actionsOf = (a: unknown): unknown[] | null => {
    const l = listify(a);
    return l.length === 0 ? null : l;
  };
  const bad = (reason: unknown, sd: [unknown, unknown] = stateData): never => {
    ctx.s.stateData = sd;
    ctx.s.hibernate = tr.hibernate;
    throw new Stop(new ErlangError(reason), q);
  };
  const stop = (reason: unknown, sd: [unknown, unknown]): never => {
    ctx.s.stateData = sd;
    ctx.s.hibernate = tr.hibernate;
    throw new Stop(new ExitException(reason), q);
  };
  if (Array.isArray(result) && !(result instanceof List)) {
    const [tag, a, b, c] = result as unknown[];
    const n = result.length;
    if (tag === 'next_state' && (n === 3 || n === 4)) {
      const same = termEquals(a, state);
      if (!same && !stateCall) bad(['bad_state_enter_return_from_state_function', result]);
      return { nsd: [same ? state : a, b], callEnter: !same, actions: n === 4 ? actionsOf(c) : null };
    }
    if (tag === 'keep_state' && (n === 2 || n === 3))
      return { nsd: [state, a], callEnter: false, actions: n === 3 ? actionsOf(b) : null };
    if (tag === 'keep_state_and_data' && n === 2)
      return { nsd: stateData, callEnter: false, actions: actionsOf(a) };
    if (tag === 'repeat_state' && (n === 2 || n === 3))
      return { nsd: [state, a], callEnter: true, actions: n === 3 ? actionsOf(b) : null };
    if (tag === 'repeat_state_and_data' && n === 2)
      return { nsd: stateData, callEnter: true, actions: actionsOf(a) };
    if (tag === 'stop' && n === 2) stop(a, stateData);
    if (tag === 'stop' && n === 3) stop(a, [state, b]);
    if (tag === 'stop_and_reply' && (n === 3 || n === 4)) {
      ctx.s.stateData = n === 4 ? [state, c] : stateData;
      ctx.s.hibernate = tr.hibernate;
      throw new StopAndReply(new ExitException(a), q, b);
    }
  } else if (result === 'keep_state_and_data') {
    return { nsd: stateData, callEnter: false, actions: null };
  } else if (result === 'repeat_state_and_data') {
    return { nsd: stateData, callEnter: true, actions: null };
  } else if (result === 'stop') {
    stop('normal', stateData);
  }
  return bad(['bad_return_from_state_function', result]);
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

async function loopActionsList(
  ctx: Ctx,
  q: Event[],
  nsd: [unknown, unknown],
  tr: Transition,
  stateCall: boolean,
  actions: unknown[],
): Promise<void> {
  const bad = (reason: unknown): never => {
    ctx.s.stateData = nsd;
    ctx.s.hibernate = tr.hibernate;
    throw new Stop(new ErlangError(reason), q);
  };
  for (const action of actions) {
    if (Array.isArray(action) && !(action instanceof List)) {
      const a = action as unknown[];
      if (a.length === 3 && a[0] === 'reply') {
        if (!isFrom(a[1])) bad(['bad_action_from_state_function', action]);
        genReply(a[1], a[2], 'gen_statem:reply/2');
        ctx.debug = sysDebug(ctx.debug, ctx.p.name, ['out', a[2], a[1]]);
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
          tr.nextEventsR.unshift(ev);
          ctx.debug = sysDebug(ctx.debug, ctx.p.name, ['in', ev, nsd[0]]);
          continue;
        }
        bad([
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
        if (!stateCall) bad(['bad_state_enter_action_from_state_function', action]);
        const mod = a[1];
        const modules =
          a[0] === 'change_callback_module' ? [mod, ...ctx.p.modules.slice(1)] : [mod, ...ctx.p.modules];
        await changeModules(ctx, q, nsd, tr, modules, mod);
        continue;
      }
      timeoutAction(a, bad, tr);
      continue;
    }
    if (action === 'hibernate') {
      tr.hibernate = true;
      continue;
    }
    if (action === 'postpone') {
      if (!stateCall) bad(['bad_state_enter_action_from_state_function', action]);
      tr.postpone = true;
      continue;
    }
    if (action === 'pop_callback_module' && ctx.p.modules.length > 1) {
      if (!stateCall) bad(['bad_state_enter_action_from_state_function', action]);
      const modules = ctx.p.modules.slice(1);
      await changeModules(ctx, q, nsd, tr, modules, modules[0] as CallbackModule);
      continue;
    }
    if (isRelativeTimeout(action)) {
      tr.timeoutsR.unshift(['timeout', action, action]);
      continue;
    }
    bad(['bad_action_from_state_function', action]);
  }
}

async function changeModules(
  ctx: Ctx,
  q: Event[],
  nsd: [unknown, unknown],
  tr: Transition,
  modules: CallbackModule[],
  mod: CallbackModule,
): Promise<void> {
  const cm = await getCallbackMode(ctx.p, modules);
  if ('error' in cm) {
    ctx.s.stateData = nsd;
    ctx.s.hibernate = tr.hibernate;
    throw new Stop(cm.error, q);
  }
  ctx.p = cm.params;
  ctx.debug = sysDebug(ctx.debug, ctx.p.name, ['module', mod, nsd[0]]);
}

function timeoutAction(a: unknown[], bad: (reason: unknown) => never, tr: Transition): void {
  const [type, time, msg, opts] = a;
  if (a.length === 4) {
    if (!isTimeoutType(type)) bad(['bad_action_from_state_function', a]);
    const abs = parseAbs(listify(opts));
    if (abs === true && isAbsoluteTimeout(time)) tr.timeoutsR.unshift([type, time, msg, opts]);
    else if (abs === false && isRelativeTimeout(time)) tr.timeoutsR.unshift([type, time, msg]);
    else bad(['bad_action_from_state_function', a]);
    return;
  }
  if (a.length === 3) {
    if (isTimeoutType(type) && (isRelativeTimeout(time) || time === 'update')) {
      tr.timeoutsR.unshift([type, time, msg]);
      return;
    }
    bad(['bad_action_from_state_function', a]);
  }
  if (a.length === 2 && time === 'cancel') {
    if (isTimeoutType(type)) {
      tr.timeoutsR.unshift([type, 'infinity', 'undefined']);
      return;
    }
    bad(['bad_action_from_state_function', a]);
  }
  bad(['bad_action_from_state_function', a]);
}

function parseAbs(opts: unknown[]): boolean | 'badarg' {
  let abs = false;
  for (const o of opts) {
    if (Array.isArray(o) && o.length === 2 && o[0] === 'abs' && typeof o[1] === 'boolean') abs = o[1];
    else return 'badarg';
  }
  return abs;
}

/** loop_state_transition and what follows it: returns the new event queue. */
async function loopStateTransition(
  ctx: Ctx,
  q: Event[],
  nsd: [unknown, unknown],
  tr: Transition,
): Promise<Event[]> {
  const { s } = ctx;
  const [state] = s.stateData;
  const [nextState] = nsd;
  const event = q[0] as Event;
  let events = q.slice(1);
  const postponed = tr.postpone ? [event, ...s.postponed] : s.postponed;
  ctx.debug = sysDebug(ctx.debug, ctx.p.name, [
    tr.postpone ? 'postpone' : 'consume',
    event,
    state,
    nextState,
  ]);
  if (termEquals(nextState, state)) {
    s.postponed = postponed;
    await cancelTimerOfType(s, 'timeout');
  } else {
    events = [...[...postponed].reverse(), ...events];
    s.postponed = [];
    await cancelTimerOfType(s, 'state_timeout');
    await cancelTimerOfType(s, 'timeout');
  }
  s.stateData = nsd;
  s.hibernate = tr.hibernate;
  // loop_timeouts: the newest action of a type wins.
  const seen: unknown[] = [];
  const timeoutEvents: unknown[] = [];
  for (const t of tr.timeoutsR) {
    const [type, time, msg] = t;
    if (seen.some((x) => termEquals(x, type))) continue;
    seen.push(type);
    const i = findTimer(s.timers, type);
    if (time === 'infinity' || time === Infinity) {
      if (i >= 0) await cancelTimerAt(s, i);
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
    ctx.debug = sysDebug(ctx.debug, ctx.p.name, ['start_timer', [type, time, msg, list(...opts)], nextState]);
    if (i >= 0) {
      const old = s.timers[i] as Timer;
      if (old.ref === 0) {
        const j = s.t0q.findIndex((x) => termEquals(x, type));
        if (j >= 0) s.t0q.splice(j, 1);
      } else await cancelErlangTimer(old.ref);
      s.timers[i] = { type, ref, msg };
    } else s.timers.push({ type, ref, msg });
  }
  s.t0q.push(...timeoutEvents);
  return [...[...tr.nextEventsR].reverse(), ...events];
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
    const r = await invoke(() => apply(mod, 'terminate', [c.reason, state, data]));
    if (!r.ok) {
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

/** The status a format_status callback gives for a terminate report: `{State, Data}` or its own. */
function terminateStatus(
  mod: CallbackModule,
  reason: unknown,
  state: unknown,
  data: unknown,
  s: EngineState,
): unknown {
  if (!exported(mod, 'format_status')) return [state, data];
  try {
    const fn = (mod as Record<string, (...a: unknown[]) => unknown>).format_status as (
      ...a: unknown[]
    ) => unknown;
    if (fn.length === 1) {
      const out = fn.call(mod, {
        reason,
        state,
        data,
        postponed: list(...s.postponed),
        timeouts: listTimeouts(s)[1],
      }) as Record<string, unknown>;
      return [out.state ?? state, out.data ?? data];
    }
    return fn.call(mod, 'terminate', list(list(), state, data));
  } catch (e) {
    if (ThrownValue.is(e)) return e.value;
    return [state, caughtException(e).reason];
  }
}

/** error_info/7: the `** State machine ... terminating` report through logger. */
function errorInfo(error: unknown, debug: Debug, p: Params, s: EngineState, q: Event[]): void {
  try {
    const c = caughtException(error);
    const mod = p.modules[0] as CallbackModule;
    const [state, data] = s.stateData;
    const [numTimers, timeouts] = listTimeouts(s);
    const fmtData = terminateStatus(mod, c.reason, state, data, s);
    const log = get_log(debug);
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
