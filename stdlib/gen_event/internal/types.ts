/**
 * The shapes a gen_event handler module and its callbacks take, as OTP 25's `-callback`s.
 *
 * Two levels: {@link GenEventHandler} is the typed contract a handler written for erlts can be
 * checked against (`const handle_event: GenEventHandler<S, E>['handle_event'] = ...`), and
 * {@link HandlerModule} is what the API takes: any object whose callbacks are functions of at
 * most the arity OTP calls them with, whatever their parameter and return types. So a literal
 * port, whose `['ok', State]` literals TypeScript infers as arrays rather than tuples, compiles
 * without annotations, while a module whose `handle_event` wants three arguments, or whose
 * `init` is not a function, does not.
 */
import type { Pid } from '../../../runtime/index.js';

/** What `init/1` returns: `{ok, State}`, `{ok, State, hibernate}`, or anything else (an error). */
export type InitResult<State> = ['ok', State] | ['ok', State, 'hibernate'] | ['error', unknown];

/** What `handle_event/2` and `handle_info/2` return. */
export type HandleEventResult<State> =
  | ['ok', State]
  | ['ok', State, 'hibernate']
  | ['swap_handler', unknown, State, HandlerId, unknown]
  | 'remove_handler';

/** What `handle_call/2` returns. */
export type HandleCallResult<State, Reply = unknown> =
  | ['ok', Reply, State]
  | ['ok', Reply, State, 'hibernate']
  | ['swap_handler', Reply, unknown, State, HandlerId, unknown]
  | ['remove_handler', Reply];

type MaybePromise<T> = T | Promise<T>;

/** The status map `format_status/1` gets and returns (OTP 25's `gen_event:format_status()`). */
export interface FormatStatus<State = unknown> {
  state?: State;
  message?: unknown;
  reason?: unknown;
  log?: unknown;
}

/**
 * A gen_event handler's callbacks, typed: implement it to have the compiler check a handler.
 * `handle_info`, `terminate`, `code_change` and `format_status` are optional, as in OTP.
 * @example
 * // -behaviour(gen_event).
 * // handle_event(Event, N) -> {ok, N + 1}.
 * const handle_event: GenEventHandler<number>['handle_event'] = (_Event, N) => ['ok', N + 1];
 * @see https://www.erlang.org/doc/man/gen_event.html#callbacks
 */
export interface GenEventHandler<State = unknown, Event = unknown, Request = unknown> {
  init(args: never): MaybePromise<InitResult<State>>;
  handle_event(event: Event, state: State): MaybePromise<HandleEventResult<State>>;
  handle_call(request: Request, state: State): MaybePromise<HandleCallResult<State>>;
  handle_info?(info: unknown, state: State): MaybePromise<HandleEventResult<State>>;
  terminate?(args: unknown, state: State): unknown;
  code_change?(oldVsn: unknown, state: State, extra: unknown): MaybePromise<['ok', State]>;
  format_status?:
    | ((status: FormatStatus<State>) => FormatStatus<State>)
    | ((opt: 'normal' | 'terminate', statusData: [unknown, State]) => unknown);
}

type Callback<N extends number> = N extends 1
  ? (a: never) => unknown
  : N extends 2
    ? (a: never, b: never) => unknown
    : (a: never, b: never, c: never) => unknown;

/**
 * A handler module as the API takes it: an object (an ES module namespace) with `init`, and
 * whatever other callbacks it has, each a function of at most OTP's arity.
 */
export interface HandlerModule {
  readonly init: Callback<1>;
  readonly handle_event?: Callback<2>;
  readonly handle_call?: Callback<2>;
  readonly handle_info?: Callback<2>;
  readonly terminate?: Callback<2>;
  readonly code_change?: Callback<3>;
  readonly format_status?: Callback<2>;
}

/**
 * A handler as gen_event names it: the module, or `{Module, Id}` to install one module more than
 * once. A name that is not a module (an atom) is accepted where OTP accepts one and gives OTP's
 * result (`{error, module_not_found}`, `{error, bad_module}`, `{'EXIT', {undef, ...}}`).
 */
export type HandlerId = HandlerModule | [HandlerModule, unknown] | string | [string, unknown];

/** A `{gen_event_EXIT, Handler, Reason}` message as a supervising process gets it. */
export type GenEventExit = ['gen_event_EXIT', HandlerId, unknown];

/** `{ok, Pid}` or `{error, Reason}` from a start. */
export type StartResult = ['ok', Pid] | ['error', unknown];
