/**
 * The shapes of a gen_statem callback module: its callbacks, the results they return and the
 * actions in those results, as OTP 25's gen_statem.erl types them.
 *
 * A literal port need not annotate anything: {@link GenStatemModule} checks that the module has
 * the callbacks with the right arities, and the behaviour checks the results at run time, failing
 * with OTP's reasons (`bad_return_from_state_function`, ...). A port that wants the compiler to
 * check its results annotates a callback with {@link StateCallbackResult} or {@link InitResult}.
 */
import type { Pid } from '../../../runtime/index.js';
import type { From } from '../../gen/internal/call.js';
import type { CallbackModule } from '../../gen/internal/module.js';

export type { From };

/** A callback's result, or a promise of it (callbacks may be async). */
export type MaybePromise<T> = T | Promise<T>;

/** `callback_mode()`'s mode. */
export type CallbackModeName = 'state_functions' | 'handle_event_function';

/** What `callback_mode()` returns: a mode, or a list of a mode and `state_enter`. */
export type CallbackMode = CallbackModeName | readonly (CallbackModeName | 'state_enter')[];

/** The type of a timeout event: `timeout` (event), `state_timeout`, or `{timeout, Name}` (generic). */
export type TimeoutEventType = 'timeout' | 'state_timeout' | ['timeout', unknown];

/** An event's type as a state callback gets it. */
export type EventType = ['call', From] | 'cast' | 'info' | 'internal' | 'enter' | TimeoutEventType;

/** A timeout time: milliseconds, or `infinity` (which cancels). */
export type EventTimeout = number | 'infinity';

/** `start_timer`'s options in a timeout action: `{abs, Bool}`. */
export type TimeoutOption = ['abs', boolean];

/** An action that a state callback's result may carry. */
export type Action =
  | 'postpone'
  | ['postpone', boolean]
  | 'hibernate'
  | ['hibernate', boolean]
  | ['next_event', EventType, unknown]
  | ['reply', From, unknown]
  | ['change_callback_module', CallbackModule]
  | ['push_callback_module', CallbackModule]
  | 'pop_callback_module'
  | EventTimeout
  | [TimeoutEventType, EventTimeout | 'update', unknown]
  | [TimeoutEventType, EventTimeout, unknown, TimeoutOption | readonly TimeoutOption[]]
  | [TimeoutEventType, 'cancel'];

/** Actions: one action alone, or a list of them. */
export type Actions = Action | readonly Action[];

/** A state callback's result (a state enter call may not change the state nor postpone). */
export type StateCallbackResult<S = unknown, D = unknown> =
  | ['next_state', S, D]
  | ['next_state', S, D, Actions]
  | ['keep_state', D]
  | ['keep_state', D, Actions]
  | 'keep_state_and_data'
  | ['keep_state_and_data', Actions]
  | ['repeat_state', D]
  | ['repeat_state', D, Actions]
  | 'repeat_state_and_data'
  | ['repeat_state_and_data', Actions]
  | 'stop'
  | ['stop', unknown]
  | ['stop', unknown, D]
  | ['stop_and_reply', unknown, ['reply', From, unknown] | readonly ['reply', From, unknown][]]
  | ['stop_and_reply', unknown, ['reply', From, unknown] | readonly ['reply', From, unknown][], D];

/** `init(Args)`'s result. */
export type InitResult<S = unknown, D = unknown> =
  ['ok', S, D] | ['ok', S, D, Actions] | 'ignore' | ['stop', unknown];

/** A state function of a `state_functions` module: `StateName(EventType, EventContent, Data)`. */
export type StateFunction<D = unknown> = (
  eventType: EventType,
  eventContent: never,
  data: D,
) => MaybePromise<unknown>;

/**
 * A gen_statem callback module (usually an ES module namespace). `callback_mode/0` and `init/1`
 * are required; `handle_event/4` for `handle_event_function`; in `state_functions` mode each
 * state is a function of the module named after it. Results are checked when they arrive, as in
 * OTP, so an unannotated literal port compiles; annotate with {@link StateCallbackResult} to have
 * the compiler check them too.
 */
export interface GenStatemModule<S = unknown, D = unknown> {
  callback_mode(): MaybePromise<unknown>;
  init(args: never): MaybePromise<unknown>;
  handle_event?(eventType: EventType, eventContent: never, state: S, data: D): MaybePromise<unknown>;
  terminate?(reason: never, state: S, data: D): unknown;
  code_change?(oldVsn: never, state: S, data: D, extra: never): MaybePromise<unknown>;
  format_status?(...args: never[]): unknown;
}

/** A start option: `{timeout, T}`, `{debug, Dbgs}`, `{hibernate_after, T}`, `{spawn_opt, Opts}`. */
export type StartOption =
  | ['timeout', number | 'infinity']
  | ['debug', readonly unknown[]]
  | ['hibernate_after', number | 'infinity']
  | ['spawn_opt', readonly unknown[]];

/** An enter_loop option: `{debug, Dbgs}`, `{hibernate_after, T}`. */
export type EnterLoopOption = ['debug', readonly unknown[]] | ['hibernate_after', number | 'infinity'];

/** start/start_link's result. */
export type StartResult = ['ok', Pid] | 'ignore' | ['error', unknown];

/** start_monitor's result. */
export type StartMonitorResult =
  ['ok', [Pid, import('../../../runtime/index.js').Ref]] | 'ignore' | ['error', unknown];
