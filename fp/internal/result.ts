/**
 * Erlang-shaped results and fp-ts's Either, both ways, and the lift of a function that answers
 * a Promise of a result into one that answers a TaskEither: what the I/O faces are made of.
 *
 * The mapping is one to one on the shapes erlts returns: `ok` ↔ `right(undefined)` (a JS
 * `undefined` is no Erlang term, so it can stand for the bare atom without meeting a real
 * value), `{ok, X}` ↔ `right(X)`, `{error, R}` ↔ `left(R)`. Anything else given where a result
 * is expected is a programming error and raises `badarg`, as a BIF given a bad argument does.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Either } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { badarg, describe, isList } from '../../runtime/internal/library-api.js';

/** An Erlang-shaped result: the atom `ok`, `{ok, Value}` or `{error, Reason}`. */
export type Result<Reason = unknown, Value = unknown> =
  'ok' | readonly ['ok', Value] | readonly ['error', Reason];

/**
 * The Right of a result type `R`: `X` of its `{ok, X}` cases, `undefined` for its bare `ok`.
 * `Success<'ok' | ['error', E]>` is `undefined`; `Success<['ok', Port] | ['error', E]>` is `Port`.
 */
export type Success<R> = R extends 'ok' ? undefined : R extends readonly ['ok', infer A] ? A : never;

/**
 * The Left of a result type `R`: the union of the reasons of its `{error, Reason}` cases, so a
 * face's Left is exactly what the wrapped function declares it can give.
 */
export type Failure<R> = R extends readonly ['error', infer Reason] ? Reason : never;

/**
 * The result an `Either<E, A>` stands for: `{error, E}`, and `{ok, A}`, or the bare `ok` where
 * `A` is `undefined` (or `void`); both where `A` may be anything.
 */
export type ResultOf<E, A> = OkOf<A> | readonly ['error', E];
type OkOf<A> = unknown extends A ? 'ok' | readonly ['ok', A] : A extends void ? 'ok' : readonly ['ok', A];

/** Whether `value` is `'ok'`, `['ok', X]` or `['error', R]`: tuples, so never a `List`. */
function isResult(value: unknown): value is Result {
  if (value === 'ok') return true;
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    (value[0] === 'ok' || value[0] === 'error') &&
    !isList(value)
  );
}

/**
 * An Erlang-shaped result as an fp-ts `Either`: `ok` is `right(undefined)`, `{ok, X}` is
 * `right(X)`, `{error, Reason}` is `left(Reason)`. Total over results; the types follow the
 * result's: `['ok', A] | ['error', E]` gives `Either<E, A>`, `'ok' | ['error', E]` gives
 * `Either<E, undefined>`.
 * @param result - `'ok'`, `['ok', X]` or `['error', Reason]`
 * @returns the Either it stands for
 * @throws ErlangError `badarg` for anything that is not one of those three shapes (a `List`,
 *   a longer tuple, another atom), naming the value
 * @example
 * // case inet:parse_address("::1") of {ok, IP} -> {right, IP}; {error, R} -> {left, R} end
 * const IP = fromResult(inet.parse_address('::1')); // right([0, 0, 0, 0, 0, 0, 0, 1])
 * @see https://gcanti.github.io/fp-ts/modules/Either.ts.html
 */
export function fromResult<const R extends Result>(result: R): Either<Failure<R>, Success<R>> {
  const r: unknown = result;
  if (!isResult(r)) {
    badarg('erlts/fp fromResult/1', `not a result (ok, {ok, Value} or {error, Reason}): ${describe(r)}`);
  }
  if (r === 'ok') return E.right(undefined as Success<R>);
  return r[0] === 'ok' ? E.right(r[1] as Success<R>) : E.left(r[1] as Failure<R>);
}

/**
 * An fp-ts `Either` as the Erlang-shaped result it stands for: `right(X)` is `{ok, X}`,
 * `right(undefined)` is the bare `ok`, `left(Reason)` is `{error, Reason}`. The inverse of
 * {@link fromResult}: `toResult(fromResult(R))` is `R` for every result.
 * @param either - an fp-ts Either
 * @returns `['ok', X]`, `'ok'` or `['error', Reason]`
 * @throws ErlangError `badarg` for what is not an Either
 * @example
 * // case Either of {right, X} -> {ok, X}; {left, R} -> {error, R} end
 * toResult(E.right(42)); // ['ok', 42]
 * toResult(E.left('closed')); // ['error', 'closed']
 */
export function toResult<E, A>(either: Either<E, A>): ResultOf<E, A> {
  const e: unknown = either;
  const tag = typeof e === 'object' && e !== null ? (e as { _tag?: unknown })._tag : undefined;
  if (tag === 'Left') return ['error', (either as E.Left<E>).left] as const;
  if (tag === 'Right') {
    const value = (either as E.Right<A>).right;
    return (value === undefined ? 'ok' : (['ok', value] as const)) as ResultOf<E, A>;
  }
  return badarg('erlts/fp toResult/1', `not an fp-ts Either: ${describe(either)}`);
}

/**
 * A task that gives an Erlang-shaped result, as a `TaskEither`: `{ok, X}` becomes `right(X)`,
 * `{error, R}` becomes `left(R)`. The task runs when the TaskEither is run, in the process that
 * runs it (which then owns what it opens), and each run runs it again.
 * @param task - a function that starts the work and gives a Promise of a result
 * @returns a TaskEither whose Left is the result's error reasons, typed from the result
 * @example
 * // {ok, Sock} = gen_tcp:accept(LSock, 5000)
 * const Accept = fromResultTask(() => gen_tcp.accept(LSock, 5000));
 * const Sock = await runOrExit(Accept);
 */
export function fromResultTask<R extends Result>(task: () => Promise<R>): TaskEither<Failure<R>, Success<R>> {
  return () => settled(task);
}

/**
 * Runs `task` and gives its result as an Either. One `then` and no async function: a face's
 * call is on the I/O path (bench/cases/fp.ts).
 */
function settled<R extends Result>(task: () => Promise<R>): Promise<Either<Failure<R>, Success<R>>> {
  return start(task).then(fromResult);
}

/** Runs `task`: its Promise, or a rejected one for a synchronous throw. */
export function start<T>(task: () => Promise<T>): Promise<T> {
  try {
    return task();
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * A function that gives a Promise of an Erlang-shaped result, as one that gives a `TaskEither`
 * ({@link fromResultTask} of the call). The arguments are kept as given, so a function whose
 * arity matters (`call/2` and `call/3`) sees the same arity; the call is made when the
 * TaskEither runs. The faces of `erlts/fp` are made with it; it serves a module that has none
 * yet the same way.
 * @param fn - a function giving a Promise of `'ok'`, `['ok', X]` or `['error', R]`
 * @returns a function with `fn`'s parameters giving `TaskEither<R, X>`
 * @example
 * // {ok, Sock} = gen_udp:open(0, [binary])
 * const open = liftResult(gen_udp.open);
 * const Sock = await runOrExit(open(0, ['binary']));
 */
export function liftResult<A extends readonly unknown[], R extends Result>(
  fn: (...args: A) => Promise<R>,
): (...args: A) => TaskEither<Failure<R>, Success<R>> {
  return (...args) =>
    () =>
      settled(() => fn(...args));
}
