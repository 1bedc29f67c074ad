/**
 * Erlang's three exception classes as JavaScript errors.
 *
 * `error(R)` raises an {@link ErlangError}, `exit(R)` an {@link ExitException},
 * `throw(T)` a {@link ThrownValue}. Each carries the Erlang term as `reason`, so a
 * process that dies of one exits with exactly Erlang's exit reason. The brand
 * symbols let `instanceof`-free checks survive two copies of the package.
 */

import { writeTerm } from './io-lib-write.js';

const errorBrand = Symbol.for('erlts.ErlangError');
const exitBrand = Symbol.for('erlts.ExitException');
const throwBrand = Symbol.for('erlts.ThrownValue');
const exitErrorBrand = Symbol.for('erlts.ExitError');

/** Erlang exception class: `error`, `exit` or `throw`. */
export type ErlangClass = 'error' | 'exit' | 'throw';

/** How deep describe() prints a term, and how many characters it keeps. */
const describeDepth = 8;
const describeWidth = 120;

/**
 * Renders a value briefly for an error message, in Erlang syntax: `{ok,[1,2]}`,
 * an atom as Erlang writes it (`foo`, `'Foo'`). Printed to depth 8 and cut to
 * 120 characters with `...`. It never throws and never runs the value's own
 * code beyond what the term writer reads: an object that contains itself ends
 * at the depth limit, one whose getters or Proxy traps throw prints as
 * `#Object<?>`, and a `toString` is never called.
 * @param value - any JS value, usually the bad argument
 * @returns the text to put in the message
 * @example
 * // badarg naming {ok, [1,2]}
 * describe(['ok', list(1, 2)]) // '{ok,[1,2]}'
 */
export function describe(value: unknown): string {
  let text: string;
  try {
    text = writeTerm(value, { depth: describeDepth, encoding: 'unicode' });
  } catch {
    // Only the stack running out reaches here (a self-printing value that recurses).
    text = '#Object<?>';
  }
  if (text.length <= describeWidth) return text;
  let cut = describeWidth - 3;
  // Do not split a surrogate pair.
  if (/[\udc00-\udfff]/.test(text.charAt(cut))) cut--;
  return `${text.slice(0, cut)}...`;
}

/**
 * An exception of class `error`, as raised by `erlang:error/1` or by a BIF given
 * a bad argument. `reason` is the Erlang term (`'badarg'`, `['badmatch', V]`, ...).
 * Catch it as `catch error:Reason`: test with {@link ErlangError.is}, read `reason`.
 * @example
 * // Result = try unregister(counter) catch error:badarg -> not_registered end
 * let Result;
 * try {
 *   Result = unregister('counter');
 * } catch (e) {
 *   if (!ErlangError.is(e) || e.reason !== 'badarg') throw e;
 *   Result = 'not_registered';
 * }
 * @see https://www.erlang.org/doc/reference_manual/errors.html
 */
export class ErlangError extends Error {
  readonly reason: unknown;
  readonly [errorBrand] = true;

  constructor(reason: unknown, message?: string, options?: { cause?: unknown }) {
    super(message ?? `erlang error: ${describe(reason)}`, options);
    this.name = 'ErlangError';
    this.reason = reason;
  }

  /** Whether `value` is an ErlangError from any copy of erlts. */
  static is(value: unknown): value is ErlangError {
    return typeof value === 'object' && value !== null && errorBrand in value;
  }
}

/**
 * An exception of class `exit`, as raised by `exit/1` in the process itself. Catch it as
 * `catch exit:Reason`: test with {@link ExitException.is}, read `reason`; uncaught, the process
 * exits with `reason`.
 * @example
 * // Result = try exit(shutdown) catch exit:Reason -> {caught, Reason} end
 * let Result;
 * try {
 *   Result = exit('shutdown');
 * } catch (e) {
 *   if (!ExitException.is(e)) throw e;
 *   Result = ['caught', e.reason]; // ['caught', 'shutdown']
 * }
 * @see https://www.erlang.org/doc/man/erlang.html#exit-1
 */
export class ExitException extends Error {
  readonly reason: unknown;
  readonly [exitBrand] = true;

  constructor(reason: unknown, message?: string) {
    super(message ?? `exit: ${describe(reason)}`);
    this.name = 'ExitException';
    this.reason = reason;
  }

  /** Whether `value` is an ExitException from any copy of erlts. */
  static is(value: unknown): value is ExitException {
    return typeof value === 'object' && value !== null && exitBrand in value;
  }
}

/**
 * An exception of class `throw`, as raised by `throw/1`; uncaught it exits with `{nocatch, T}`.
 * Catch it as `catch throw:Value`: test with {@link ThrownValue.is}, read `value`.
 * @example
 * // Result = try throw({not_found, Key}) catch throw:{not_found, K} -> {missing, K} end
 * let Result;
 * try {
 *   Result = erlang.throw(['not_found', Key]);
 * } catch (e) {
 *   if (!ThrownValue.is(e)) throw e;
 *   const [, K] = e.value as ['not_found', string];
 *   Result = ['missing', K];
 * }
 * @see https://www.erlang.org/doc/man/erlang.html#throw-1
 */
export class ThrownValue extends Error {
  readonly value: unknown;
  readonly [throwBrand] = true;

  constructor(value: unknown) {
    super(`throw: ${describe(value)}`);
    this.name = 'ThrownValue';
    this.value = value;
  }

  /** Whether `value` is a ThrownValue from any copy of erlts. */
  static is(value: unknown): value is ThrownValue {
    return typeof value === 'object' && value !== null && throwBrand in value;
  }
}

/**
 * How `run()` rejects: the process died with a reason other than `normal`.
 * `reason` is the Erlang exit reason. Erlang has no `run`; a caller that wants the reason
 * monitors the process and reads it from the DOWN message.
 * @example
 * // {Pid, Ref} = spawn_monitor(fun() -> exit(boom) end),
 * // receive {'DOWN', Ref, process, Pid, Reason} -> Reason end
 * let Reason;
 * try {
 *   await run(async () => exit('boom'));
 * } catch (e) {
 *   if (!ExitError.is(e)) throw e;
 *   Reason = e.reason; // 'boom'
 * }
 * @see https://www.erlang.org/doc/man/erlang.html#spawn_monitor-1
 */
export class ExitError extends Error {
  readonly reason: unknown;
  readonly [exitErrorBrand] = true;

  constructor(reason: unknown, message?: string, options?: { cause?: unknown }) {
    super(message ?? `process exited: ${describe(reason)}`, options);
    this.name = 'ExitError';
    this.reason = reason;
  }

  /** Whether `value` is an ExitError from any copy of erlts. */
  static is(value: unknown): value is ExitError {
    return typeof value === 'object' && value !== null && exitErrorBrand in value;
  }
}

/**
 * Raises `badarg` naming the function and the bad argument, as a BIF would.
 * @param fn - the Erlang-named function, e.g. `'erlang:register/2'`
 * @param what - what was wrong, in sentence case
 * @param cause - the JS error behind it (a Node error, a user's getter that threw), kept as the
 *   error's `cause`
 */
export function badarg(fn: string, what: string, cause?: unknown): never {
  throw new ErlangError('badarg', `${fn}: ${what}`, cause === undefined ? undefined : { cause });
}

/**
 * Thrown into a dead process's code at its next runtime call (and used to reject the receive or
 * blocking call it was waiting in), so its function unwinds. Never an exit reason of its own:
 * the process had exited before it was thrown.
 */
export class ProcessExited extends Error {
  readonly reason: unknown;
  constructor(reason: unknown) {
    // No stack: it says where the victim was, which nobody asks, and killing
    // a million processes would capture a million stacks.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`process exited: ${describe(reason)}`);
    Error.stackTraceLimit = limit;
    this.name = 'ProcessExited';
    this.reason = reason;
  }
}
