/**
 * Assertions on the calling process's mailbox, for message-driven tests: a message matching a
 * pattern must arrive within a time (assert_receive), or must not (refute_receive). A failure
 * is an AssertionError that names the pattern and what the mailbox held, in Erlang syntax.
 */
import { AssertionError } from 'node:assert';
import { after, on, process_info, receive, self, type Match } from 'erlts';
import { badarg, describe } from '../../runtime/internal/library-api.js';
import { renderMailbox, renderMessage, renderPattern } from './render.js';

/** Erlang's largest `after` timeout, 2^32 - 1 ms. */
const maxTimeout = 0xffff_ffff;

function checkTimeout(fn: string, timeout: unknown): number {
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 0 || timeout > maxTimeout) {
    badarg(
      fn,
      `the timeout must be an integer number of milliseconds from 0 to ${maxTimeout}, got ${describe(timeout)}`,
    );
  }
  return timeout;
}

/** The messages queued for the caller now, oldest first. */
function queued(): unknown[] {
  const info = process_info(self(), 'messages');
  return info === 'undefined' ? [] : [...(info[1] as unknown[])];
}

/** What receive gives when the time is up: no message can be this object. */
const none = Symbol('none');

/**
 * Takes the first message matching `pattern` from the caller's mailbox, waiting for one up to
 * `timeout` milliseconds, as a `receive` with an `after` that fails the test.
 * @param pattern - a receive pattern, as `on(...)` takes (`_`, `is(...)`, tuples, maps, ...)
 * @param timeout - milliseconds to wait, an integer from 0 (only what is queued) to 2^32 - 1;
 *   1000 when left out
 * @returns the message that matched (typed from the pattern); other messages stay queued
 * @throws AssertionError when none matched in time, naming the pattern and the messages the
 *   mailbox held; ErlangError `badarg` for a bad timeout
 * @example
 * // receive {tcp, Sock, Data} -> Data after 1000 -> error(timeout) end
 * const [, , Data] = await assert_receive(['tcp', Sock, _], 1000);
 * @see https://www.erlang.org/doc/reference_manual/expressions.html#receive
 */
export async function assert_receive<const P>(pattern: P, timeout = 1000): Promise<Match<P>> {
  checkTimeout('assert_receive/2', timeout);
  const got = await receive(
    on(pattern, (msg) => ({ msg })),
    after(timeout, (): typeof none => none),
  );
  if (got !== none) return got.msg;
  throw new AssertionError({
    message: `assert_receive: no message matching ${renderPattern(pattern)} within ${timeout} ms; ${renderMailbox(queued())}`,
  });
}

/**
 * Waits `timeout` milliseconds and fails if a message matching `pattern` arrives (or is
 * queued already), as a `receive` whose matching clause fails the test. The matching message
 * is taken from the mailbox; other messages stay queued.
 * @param pattern - a receive pattern, as `on(...)` takes
 * @param timeout - milliseconds to wait, an integer from 0 (only what is queued) to 2^32 - 1;
 *   100 when left out
 * @returns `ok` when no message matched
 * @throws AssertionError naming the message that matched; ErlangError `badarg` for a bad timeout
 * @example
 * // receive {tcp, Sock, _} = Msg -> error({unexpected, Msg}) after 100 -> ok end
 * await refute_receive(['tcp', Sock, _], 100); // 'ok'
 * @see https://www.erlang.org/doc/reference_manual/expressions.html#receive
 */
export async function refute_receive(pattern: unknown, timeout = 100): Promise<'ok'> {
  checkTimeout('refute_receive/2', timeout);
  const got = await receive(
    on(pattern, (msg) => ({ msg })),
    after(timeout, (): typeof none => none),
  );
  if (got === none) return 'ok';
  throw new AssertionError({
    message: `refute_receive: got ${renderMessage(got.msg)}, which matches ${renderPattern(pattern)}, within ${timeout} ms`,
  });
}
