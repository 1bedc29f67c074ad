/**
 * Between fp-ts's Left and Erlang's exits: a process runs a TaskEither and exits with its Left
 * (so its links, monitors and supervisor see that reason), and a call that fails by exiting
 * the caller (gen_server:call/2,3) becomes a TaskEither whose Left is that exit reason, as
 * Erlang's `catch exit:Reason` takes it.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { ExitException, exit } from 'erlts';
import { start } from './result.js';

/**
 * Runs a TaskEither in the calling process: its Right is the value, its Left makes the process
 * exit with the Left as the reason (`exit(Reason)`), so a supervisor, a linked process or a
 * monitor sees that reason. An exception the task raises stays raised.
 * @param task - the TaskEither to run
 * @returns a Promise of the Right
 * @throws ExitException with the Left as its reason: uncaught, the process exits with it
 * @example
 * // LSock = case gen_tcp:listen(0, [binary]) of {ok, L} -> L; {error, R1} -> exit(R1) end,
 * // S = case gen_tcp:accept(LSock) of {ok, S0} -> S0; {error, R2} -> exit(R2) end
 * const LSock = await runOrExit(fp.gen_tcp.listen(0, ['binary']));
 * const S = await runOrExit(fp.gen_tcp.accept(LSock));
 * @see https://www.erlang.org/doc/man/erlang.html#exit-1
 */
export function runOrExit<E, A>(task: TaskEither<E, A>): Promise<A> {
  return start(task).then((r) => (E.isLeft(r) ? exit(r.left) : r.right));
}

/**
 * A task that may exit the caller, as a TaskEither whose Left is the exit reason (Erlang's
 * `catch exit:Reason`); its value is the Right. Errors and throws stay raised, and so does the
 * caller's own death (a kill is no exit of the call). `gen_server.call` of `erlts/fp` is this
 * of gen_server's call; gen_statem's or gen_event's call wrap the same way.
 * @param task - a function that starts the work and gives a Promise of its value
 * @returns a TaskEither of the exit reason and the value
 * @example
 * // try gen_statem:call(Door, open) of Reply -> {right, Reply} catch exit:Reason -> {left, Reason} end
 * const Open = tryCatchExit(() => gen_statem.call(Door, 'open'));
 */
export function tryCatchExit<A>(task: () => Promise<A>): TaskEither<unknown, A> {
  return async () => {
    try {
      return E.right(await task());
    } catch (e) {
      if (ExitException.is(e)) return E.left(e.reason);
      throw e;
    }
  };
}
