/**
 * Selective receive: the public `receive` and `flush`. This module reads the clause list; the
 * scan and the wait are the process record's (process.ts `Process.receive`).
 *
 * The scan runs once, when `receive` is called: oldest message first, each tried against every
 * clause in order. If none matches, the process waits with its clause list; from then on each
 * arriving message is tested once, on delivery, and either taken at once or queued behind the
 * ones already refused. So a waiting process never rescans old messages, and a receive for a
 * fresh ref starts at the ref's mark.
 *
 * Bodies run as the receiving process, after its wait ends: the wait promise resolves with the
 * message, and a reaction chained on it in the receiver's context calls the clause that matched.
 */
import { ErlangError } from './errors.js';
import { type AfterClause, type AnyClause, type Clause, anyMessage, isAfter, isClause } from './clauses.js';
import { badClause } from './pattern.js';
import { self } from './process.js';
import { type List, toList } from './terms.js';

/** The result type of a clause list: what its bodies (or messages) give. */
export type ReceiveResult<C> =
  C extends Clause<never, infer R> ? Awaited<R> : C extends AfterClause<infer R> ? Awaited<R> : never;

/**
 * Takes the first message that matches one of the clauses, waiting for one if
 * needed; resolves with the matching clause's body result (or the message).
 * With no clauses, takes the next message whatever it is.
 * @param clauses - `on(...)` clauses, optionally ending with one `after(...)`
 * @returns a promise of what the chosen clause's body returns (the message itself for a clause
 *   without a body, and for `receive()`); anything but clauses, or an `after` that is not last,
 *   rejects with badarg
 * @example
 * // receive
 * //   {tcp, S, Data} -> Data;
 * //   {tcp_closed, S} -> closed
 * // after 5000 -> timeout
 * // end
 * const r = await receive(
 *   on(['tcp', S, _], ([, , data]) => data),
 *   on(['tcp_closed', S], () => 'closed'),
 *   after(5000, () => 'timeout'),
 * );
 * @see https://www.erlang.org/doc/reference_manual/expressions.html#receive
 */
export function receive(): Promise<unknown>;
export function receive<const C extends readonly AnyClause[]>(
  ...clauses: C
): Promise<ReceiveResult<C[number]>>;
export function receive(...args: unknown[]): Promise<unknown> {
  const proc = self();
  if (args.length === 0) return proc.receive(anyMessage, null, false);
  const own: Clause[] = [];
  let timeout: AfterClause | null = null;
  let bodies = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (isClause(arg)) {
      if (arg.body !== null) bodies = true;
      own.push(arg);
    } else if (isAfter(arg) && i === args.length - 1) {
      timeout = arg;
    } else if (isAfter(arg)) {
      return Promise.reject(
        new ErlangError(
          'badarg',
          `receive/1: after(...) must be the last clause, found at argument ${i + 1}`,
        ),
      );
    } else {
      try {
        badClause(i + 1, arg);
      } catch (error) {
        return Promise.reject(error);
      }
    }
  }
  return proc.receive(own, timeout, bodies);
}

/**
 * Removes every message from the caller's mailbox, as the shell's `flush()`, which prints each
 * one and returns `ok`: erlts returns them instead, for the caller to print or assert on.
 * @returns the messages, oldest first, as a list
 * @example
 * // self() ! hello, flush().   % Shell got hello
 * send(self(), 'hello');
 * flush(); // list('hello')
 * @see https://www.erlang.org/doc/man/c.html#flush-0
 */
export function flush(): List {
  return toList(self().flush());
}
