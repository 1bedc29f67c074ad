/**
 * Selective receive.
 *
 * The scan runs once, when `receive` is called: oldest message first, each
 * tried against every clause in order. If none matches, the process waits
 * with its clause list; from then on each arriving message is tested once,
 * on delivery (process.ts `deliver`), and either taken at once or queued
 * behind the ones already refused. So a waiting process never rescans old
 * messages, and a receive for a fresh ref starts at the ref's mark.
 *
 * Bodies run as the receiving process, after its wait ends: the wait promise
 * resolves with the message and `applyMatched`, chained on it in the
 * receiver's context, calls the clause that `deliver` recorded.
 */
import { ErlangError } from './errors.js';
import {
  type AfterClause,
  type AnyClause,
  type Clause,
  anyMessage,
  commonRef,
  firstMatch,
  isAfter,
  isClause,
} from './clauses.js';
import { badClause } from './pattern.js';
import { type Process, ProcessExited, Status, self } from './process.js';
import { deferResume, mayContinue, wake } from './scheduler.js';
import { getClock } from './clock.js';
import { untaggedPromise } from './context.js';
import { type List, toList } from './terms.js';

/** The result type of a clause list: what its bodies (or messages) give. */
export type ReceiveResult<C> =
  C extends Clause<never, infer R> ? Awaited<R> : C extends AfterClause<infer R> ? Awaited<R> : never;

type Matched = Clause | AfterClause;

function applyMatched(msg: unknown): unknown {
  const proc = self();
  const clause = proc.matched as Matched | null;
  proc.matched = null;
  if (clause === null) return msg;
  if (isAfter(clause)) return clause.body === null ? 'timeout' : clause.body();
  return clause.body === null ? msg : clause.body(msg);
}

function runBody(clause: Matched, msg: unknown): Promise<unknown> {
  try {
    if (isAfter(clause)) return Promise.resolve(clause.body === null ? 'timeout' : clause.body());
    return Promise.resolve(clause.body === null ? msg : clause.body(msg));
  } catch (error) {
    // Whatever the body threw, Error or Erlang term, is what the await rethrows.
    return Promise.reject(error);
  }
}

function timedOut(proc: Process, clause: AfterClause): void {
  if (proc.status !== Status.Waiting) return;
  proc.waitTimer = null;
  wake(proc, clause, undefined);
}

let captured: ((value: unknown) => void) | null = null;

function capture(resolve: (value: unknown) => void): void {
  captured = resolve;
}

/**
 * A promise for `proc`'s wait. Only `resolve` is kept (death rejects through
 * it, by resolving with a rejected promise), and the executor is shared: a
 * waiting process holds as little young garbage as possible, which is what a
 * scavenge with 10,000 waiting processes has to copy.
 */
function waitPromise(proc: Process): Promise<unknown> {
  const wait = untaggedPromise(capture);
  proc.waitResolve = captured;
  captured = null;
  return wait;
}

function completeNow(proc: Process, clause: Matched, msg: unknown): Promise<unknown> {
  proc.reductions++;
  if (mayContinue()) return runBody(clause, msg);
  // Over this turn's budget: go on next turn so I/O gets its chance.
  proc.matched = clause;
  const wait = waitPromise(proc);
  deferResume(proc, msg);
  return (proc.waitPromise = wait.then(applyMatched));
}

/**
 * Takes the first message that matches one of the clauses, waiting for one if
 * needed; resolves with the matching clause's body result (or the message).
 * With no clauses, takes the next message whatever it is.
 * @param clauses - `on(...)` clauses, optionally ending with one `after(...)`
 * @returns what the chosen clause's body returns
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
  if (proc.status === Status.Exited) return Promise.reject(new ProcessExited(proc.exitReason));
  if (proc.status === Status.Waiting || proc.waitResolve !== null) {
    return Promise.reject(
      new ErlangError('badarg', `receive/1: ${proc.pid} is already waiting in another receive`),
    );
  }
  let clauses: readonly Clause[] = anyMessage;
  let timeout: AfterClause | null = null;
  let bodies = false;
  if (args.length > 0) {
    const own: Clause[] = [];
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
    clauses = own;
  }

  const mailbox = proc.box;
  if (mailbox !== null && mailbox.head !== null && clauses.length > 0) {
    let prev = mailbox.scanAfter(clauses === anyMessage ? null : commonRef(clauses));
    let node = prev === null ? mailbox.head : prev.next;
    while (node !== null) {
      const clause = firstMatch(clauses, node.msg);
      if (clause !== null) {
        mailbox.remove(node, prev);
        return completeNow(proc, clause, node.msg);
      }
      prev = node;
      node = node.next;
    }
  }
  if (timeout !== null && timeout.ms === 0) return completeNow(proc, timeout, undefined);

  proc.status = Status.Waiting;
  proc.waitClauses = clauses;
  const wait = waitPromise(proc);
  if (timeout !== null && timeout.ms !== Infinity) {
    const clause = timeout;
    proc.waitTimer = getClock().setTimer(clause.ms, () => timedOut(proc, clause));
  }
  return (proc.waitPromise = bodies || timeout !== null ? wait.then(applyMatched) : wait);
}

/**
 * Removes every message from the caller's mailbox, as the shell's `flush()`.
 * @returns the messages, oldest first, as a list
 * @example
 * // 1> flush().
 * flush()
 * @see https://www.erlang.org/doc/man/shell.html
 */
export function flush(): List {
  const proc = self();
  return toList(proc.box?.drain() ?? []);
}
