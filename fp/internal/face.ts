/**
 * How a face is made: the TaskEither type of a function that gives a Promise of an Erlang
 * result, derived from that function's declared result so that the face cannot drift from the
 * module it wraps, and the pieces the faces share.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { ErlangError, Ref } from 'erlts';
import { describe } from '../../runtime/internal/library-api.js';
import { fromResult, liftResult, type Failure, type Result, type Success } from './result.js';

/** What a result type `R` becomes in a face: `TaskEither<Reason, Value>`. */
export type Face<R> = TaskEither<Failure<R>, Success<R>>;

/** The face of a function type `F` that gives a Promise of a result. */
export type FaceOf<F extends (...args: never[]) => Promise<unknown>> = Face<Awaited<ReturnType<F>>>;

/**
 * The two signatures of an overloaded function, in the order they are declared: socket's
 * blocking form comes first, its nowait form second; gen_tcp:connect/3,4 by address first,
 * by sockaddr map second.
 */
export type Overloads<F> = F extends {
  (...args: infer A1): infer R1;
  (...args: infer A2): infer R2;
}
  ? readonly [(...args: A1) => R1, (...args: A2) => R2]
  : never;

/** A pure function's result as an Either at once: a parse needs no task. */
export function liftResultSync<A extends readonly unknown[], R extends Result>(
  fn: (...args: A) => R,
): (...args: A) => Either<Failure<R>, Success<R>> {
  return (...args) => fromResult(fn(...args));
}

/**
 * liftResult for a socket call that also has a nowait form: the face takes only the blocking
 * form, so a `nowait` or a select handle (a ref) at one of the timeout's positions raises
 * badarg when the TaskEither runs, rather than give a select the TaskEither cannot hold.
 */
export function blocking<A extends readonly unknown[], R extends Result>(
  name: string,
  timeoutAt: readonly number[],
  fn: (...args: A) => Promise<R>,
): (...args: A) => TaskEither<Failure<R>, Success<R>> {
  const lifted = liftResult(fn);
  return (...args) => {
    const task = lifted(...args);
    return () => {
      for (const i of timeoutAt) {
        const t = args[i];
        if (t === 'nowait' || t instanceof Ref) {
          return Promise.reject(
            new ErlangError(
              'badarg',
              `erlts/fp socket:${name}: the face takes no nowait form (use erlts/socket for it), got the timeout ${describe(t)}`,
            ),
          );
        }
      }
      return task();
    };
  };
}
