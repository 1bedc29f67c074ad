/**
 * The socket module's argument checks, as socket.erl's guards and the NIF make them: what is
 * raised (badarg, `{invalid, ...}`) and what is returned for a malformed argument.
 */
import { ErlangError, Pid, Ref } from 'erlts';
import { describe } from '../../runtime/internal/driver-api.js';
import { ESocket, lookupSocket } from './esocket.js';
import { flagsOf, type Error_, type Flags, type Timeout } from './transfer.js';

export type Ok<T> = readonly ['ok', T];

export const closed = ['error', 'closed'] as const;

export const einval = ['error', 'einval'] as const;

export function socketArg(fn: string, s: unknown): ESocket {
  const e = lookupSocket(s);
  if (e === null) throw new ErlangError('badarg', `socket:${fn}: not a socket: ${describe(s)}`);
  return e;
}

/** A timeout argument: ms, infinity, nowait, or the caller's own ref (a nowait with that handle). */
export function timeoutArg(fn: string, t: unknown): Timeout {
  if (t === 'infinity' || t === 'nowait' || t instanceof Ref) return t;
  if (typeof t === 'number' && Number.isInteger(t) && t >= 0) return t;
  throw new ErlangError(['invalid', ['timeout', t]], `socket:${fn}: bad timeout: ${describe(t)}`);
}

/** An address argument: a map (what the NIF cannot encode is then an error returned), else raised. */
export function addrArg(fn: string, addr: unknown): object {
  if (typeof addr === 'object' && addr !== null && !Array.isArray(addr)) return addr;
  throw new ErlangError(
    ['invalid', ['sockaddr', addr]],
    `socket:${fn}: not a sockaddr map: ${describe(addr)}`,
  );
}

/** A buffer size or length argument: a non-negative integer, else badarg. */
export function sizeArg(fn: string, size: unknown): number {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
    throw new ErlangError('badarg', `socket:${fn}: bad length: ${describe(size)}`);
  }
  return size;
}

/**
 * The trailing arguments every data call takes: `[Flags,] Timeout`, either optional. With
 * both, Flags must be a list (OTP's guard: badarg); alone, a list is the flags, anything else
 * the timeout.
 * @returns the flags and the timeout, or the error for a flag that is wrong or not honoured
 */
export function callArgs(
  fn: string,
  dir: 'send' | 'recv',
  flagsOrTimeout: unknown,
  maybeTimeout: unknown,
): { flags: Flags; t: Timeout } | Error_ {
  const list = Array.isArray(flagsOrTimeout);
  if (!list && maybeTimeout !== undefined) {
    throw new ErlangError('badarg', `socket:${fn}: flags not a list: ${describe(flagsOrTimeout)}`);
  }
  const t = timeoutArg(fn, (list ? maybeTimeout : flagsOrTimeout) ?? 'infinity');
  if (!list) return { flags: NO_FLAGS, t };
  const flags = flagsOf(flagsOrTimeout as unknown[], dir);
  return 'peek' in flags ? { flags, t } : flags;
}

export const NO_FLAGS = { peek: false, more: false } as const;

export function isError(a: object): a is Error_ {
  return Array.isArray(a);
}

export function isMap(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !Buffer.isBuffer(v) &&
    !(v instanceof Ref) &&
    !(v instanceof Pid)
  );
}
