/**
 * The types of a gen_server callback module and of its callbacks' results.
 *
 * `GenServerCallbacks` is what the start functions take: loose enough that a literal port, whose
 * `return ['reply', Ch, Chs2]` TypeScript infers as an array, compiles without annotations, and
 * strict enough that a callback of the wrong shape does not (a handle_call taking four required
 * arguments, a handle_cast returning a string). `GenServerModule<State, Call, Cast, Info>` and
 * the result types are there for code that wants every return checked:
 * `export const handle_call: GenServerModule<Chs, 'alloc'>['handle_call'] = ...` or
 * `satisfies GenServerModule<...>`.
 */
import type { From, Timeout } from '../../gen/internal/call.js';

type Maybe<T> = T | Promise<T>;

/** What a callback may add to keep the server going: a timeout, `hibernate` or `{continue, C}`. */
export type Next = Timeout | 'hibernate' | ['continue', unknown];

/** init/1's results. */
export type InitResult<S> = ['ok', S] | ['ok', S, Next] | ['stop', unknown] | 'ignore';

/** handle_call/3's results. */
export type CallResult<S, R = unknown> =
  | ['reply', R, S]
  | ['reply', R, S, Next]
  | ['noreply', S]
  | ['noreply', S, Next]
  | ['stop', unknown, R, S]
  | ['stop', unknown, S];

/** handle_cast/2's, handle_info/2's and handle_continue/2's results. */
export type NoReplyResult<S> = ['noreply', S] | ['noreply', S, Next] | ['stop', unknown, S];

/** A gen_server callback module with every callback typed. */
export interface GenServerModule<S = unknown, Call = unknown, Cast = unknown, Info = unknown> {
  readonly MODULE?: string;
  init(args: never): Maybe<InitResult<S>>;
  handle_call?(request: Call, from: From, state: S): Maybe<CallResult<S>>;
  handle_cast?(request: Cast, state: S): Maybe<NoReplyResult<S>>;
  handle_info?(info: Info, state: S): Maybe<NoReplyResult<S>>;
  handle_continue?(info: unknown, state: S): Maybe<NoReplyResult<S>>;
  terminate?(reason: unknown, state: S): unknown;
  code_change?(oldVsn: unknown, state: S, extra: unknown): Maybe<['ok', S] | ['error', unknown]>;
  format_status?(...args: never[]): unknown;
}

type Result = readonly unknown[];

/**
 * What the start functions accept as a gen_server callback module (see the file's comment):
 * `init` is required; the other callbacks, where present, are functions of at most OTP's
 * arity returning a tuple (a Promise of one).
 */
export interface GenServerCallbacks {
  readonly MODULE?: string;
  init(args: never): Maybe<Result | 'ignore'>;
  handle_call?(request: never, from: From, state: never): Maybe<Result>;
  handle_cast?(request: never, state: never): Maybe<Result>;
  handle_info?(info: never, state: never): Maybe<Result>;
  handle_continue?(info: never, state: never): Maybe<Result>;
  terminate?(reason: never, state: never): unknown;
  code_change?(oldVsn: never, state: never, extra: never): Maybe<Result>;
  format_status?(...args: never[]): unknown;
}
