/**
 * Erlang's exception classes for scenario ports. erlts raises `error`,
 * `exit` and `throw` as three JS error types, ErlangError, ExitException and
 * ThrownValue, whose `is` checks work across package copies.
 */
import { ErlangError, ExitException, ThrownValue, list } from 'erlts';

/** An Erlang exception class. */
export type Class = 'error' | 'exit' | 'throw';

/**
 * The `Class:Reason` of a caught exception, as an Erlang `catch Class:Reason`
 * clause sees it. Anything that is not an Erlang exception (a JS bug, or the
 * runtime unwinding a dead process) is rethrown.
 */
export function classOf(e: unknown): [Class, unknown] {
  if (ErlangError.is(e)) return ['error', e.reason];
  if (ExitException.is(e)) return ['exit', e.reason];
  if (ThrownValue.is(e)) return ['throw', e.value];
  throw e;
}

/**
 * Erlang's `catch Expr`: the value, or for an exception `{'EXIT', {Reason,
 * Stack}}` (error), `{'EXIT', Reason}` (exit) or the thrown term (throw).
 * The stack is an empty list: scenarios print only its head's reason.
 */
export async function catch_(expr: () => unknown): Promise<unknown> {
  try {
    return await expr();
  } catch (e) {
    const [cls, reason] = classOf(e);
    if (cls === 'error') return ['EXIT', [reason, list()]];
    if (cls === 'exit') return ['EXIT', reason];
    return reason;
  }
}
