/**
 * The request/reply protocol every behaviour shares, as OTP's gen.erl: `call` (a monitor that is
 * also an alias, the request, then the reply, the DOWN or the timeout), `reply`, and the
 * asynchronous `send_request` family.
 *
 * A caller's `From` is `{Pid, Tag}` where Tag is the monitor's reference, made an alias: the
 * reply goes to the alias, so once the caller gave up (timeout) the alias is off and a late
 * reply is dropped instead of reaching its mailbox (OTP 24+). OTP writes the tag `[alias|Ref]`,
 * an improper list, and so does a call to a server of another node (a BEAM server replies
 * through the alias only to that tag); a server of this node gets the reference itself
 * (docs/DEVIATIONS.md). `reply` takes both.
 */
import {
  ErlangError,
  ExitException,
  ImproperList,
  _,
  make_ref,
  after,
  demonitor,
  is_pid,
  is_reference,
  list,
  monitor,
  node,
  on,
  receive,
  self,
  send,
  type Pid,
  type Ref,
} from '../../../runtime/index.js';
import { ProcessExited, caughtException, describe, isAlias } from '../../../runtime/internal/library-api.js';
import { exitWith, resolve } from './names.js';

/** `{Pid, Tag}`: who made a call, to reply to. */
export type From = [Pid, Ref];

/** A timeout as behaviours take it: milliseconds, or `infinity`. */
export type Timeout = number | 'infinity';

/** The JS wait for a {@link Timeout} (`infinity` is forever). */
export function waitMs(timeout: Timeout): number {
  return timeout === 'infinity' ? Infinity : timeout;
}

/** Whether `t` is a timeout gen accepts: `infinity` (or `Infinity`) or an integer 0..2^32-1. */
export function isTimeout(t: unknown): t is Timeout {
  return (
    t === 'infinity' ||
    t === Infinity ||
    (Number.isInteger(t) && (t as number) >= 0 && (t as number) <= 0xffffffff)
  );
}

/**
 * `timeout`, checked: a bad one raises `reason` (gen's guards make it `function_clause`; the
 * request functions' `badarg`) with a message naming it and the function.
 */
export function checkTimeout(timeout: unknown, fn: string, reason = 'function_clause'): Timeout {
  if (isTimeout(timeout)) return timeout;
  throw new ErlangError(
    reason,
    `${fn}: the timeout must be infinity or an integer 0..4294967295, got ${describe(timeout)}`,
  );
}

/** The timeout as exit reasons carry it: the atom `infinity` for JS's `Infinity`. */
export function timeoutTerm(t: Timeout): Timeout {
  return (t as unknown) === Infinity ? 'infinity' : t;
}

/**
 * gen:call/4: sends `{Label, From, Request}` to the server and waits for the reply.
 * @returns the reply
 * @throws ExitException with gen's bare reason (`noproc`, `timeout`, `calling_self`, the
 *   server's exit reason, `{nodedown, Node}`); the behaviour wraps it in `{Reason, {M, call, Args}}`
 */
export async function call(
  ref: unknown,
  label: unknown,
  request: unknown,
  timeout: unknown,
  fn: string,
  exitAs?: { readonly module: string; readonly withTimeout: boolean },
): Promise<unknown> {
  try {
    const ms = waitMs(checkTimeout(timeout, fn));
    const pid = resolve(ref, fn, true);
    const me = self();
    if (pid === me) throw exitWith('calling_self');
    const mref = monitor('process', pid, aliasDemonitor);
    const remote = !is_pid(pid) || node(pid) !== node();
    const tag = remote ? aliasTag(mref) : mref;
    send(pid, [label, [me, tag], request]);
    // Clauses without bodies: the message itself (or `timeout`) is the result, with no promise
    // more than the wait (a call is on every behaviour's hot path).
    const msg = (await receive(on([tag, _]), on(['DOWN', mref, _, _, _]), after(ms))) as
      unknown[] | 'timeout';
    if (msg === 'timeout') {
      demonitor(mref, flushOption);
      const late: unknown = await receive(on([tag, _]), after(0));
      if (late === 'timeout') throw exitWith('timeout');
      return (late as [unknown, unknown])[1];
    }
    if (msg.length === 2) {
      demonitor(mref, flushOption);
      return msg[1];
    }
    // A node that cannot be reached (or went down): gen's {nodedown, Node}.
    if (msg[4] === 'noconnection') throw exitWith(['nodedown', is_pid(pid) ? node(pid) : pid[1]]);
    throw exitWith(msg[4]);
  } catch (e) {
    if (exitAs === undefined) throw e;
    // `catch gen:call(...)` in the behaviour: exit {Reason, {Module, call, Args}}.
    const t = timeoutTerm(timeout as Timeout);
    const args = exitAs.withTimeout ? list(ref, request, t) : list(ref, request);
    throw new ExitException([caughtReason(e), [exitAs.module, 'call', args]]);
  }
}

/** What `catch Expr` makes of a failure: an error keeps its stack, an exit its reason. */
export function caughtReason(e: unknown): unknown {
  if (e instanceof ProcessExited) throw e;
  const c = caughtException(e);
  if (c.class === 'error') return [c.reason, c.stack];
  if (c.class === 'exit') return c.reason;
  throw e;
}

const aliasDemonitor: ['alias', 'demonitor'][] = [['alias', 'demonitor']];

/** Whether `tag` is OTP's `[alias|Alias]`, the tag of a call made from another node. */
function isAliasTag(tag: unknown): tag is ImproperList & { readonly tail: Ref } {
  return (
    tag instanceof ImproperList && tag.head.length === 1 && tag.head[0] === 'alias' && is_reference(tag.tail)
  );
}

const flushOption: 'flush'[] = ['flush'];

/** gen:reply/2: sends `Reply` to the caller `From`, through its alias when it has one. */
export function reply(from: unknown, msg: unknown, fn = 'gen:reply/2'): 'ok' {
  if (!Array.isArray(from) || from.length !== 2) {
    throw new ErlangError(
      'function_clause',
      `${fn}: From must be {Pid, Tag} as the callback got it, got ${describe(from)}`,
    );
  }
  const [to, tag] = from as [unknown, unknown];
  try {
    if (is_reference(tag) && isAlias(tag)) send(tag, [tag, msg]);
    else if (isAliasTag(tag)) send(tag.tail, [tag, msg]);
    else send(to as Pid, [tag, msg]);
  } catch {
    // A reply to a name or a node nobody has is dropped, as `catch To ! Msg` drops it.
  }
  return 'ok';
}

// ---- send_request --------------------------------------------------------------

/** gen:send_request/3: the request id (a monitor that is also an alias). */
export function send_request(ref: unknown, label: unknown, request: unknown, fn: string): Ref {
  let pid: Pid | [string, string];
  try {
    pid = resolve(ref, fn, true);
  } catch (e) {
    // Asynchronous to the end: a server that is not there answers with a DOWN.
    if (ExitException.is(e)) {
      const mref = make_ref();
      send(self(), ['DOWN', mref, 'process', ref, e.reason]);
      return mref;
    }
    throw e;
  }
  const mref = monitor('process', pid, [['alias', 'demonitor']]);
  // As call: OTP's [alias|Ref] for another node's server, so that its late reply is dropped.
  const remote = !is_pid(pid) || node(pid) !== node();
  send(pid, [label, [self(), remote ? aliasTag(mref) : mref], request]);
  return mref;
}

/** OTP's call tag `[alias|Ref]`. */
function aliasTag(mref: Ref): ImproperList {
  return new ImproperList(['alias'], mref);
}

/** A response as wait_response and its kin give it. */
export type Response = ['reply', unknown] | ['error', [unknown, unknown]];

function checkReqId(reqId: unknown, fn: string): asserts reqId is Ref {
  if (!is_reference(reqId))
    throw new ErlangError('badarg', `${fn}: expected a request id (a reference), got ${describe(reqId)}`);
}

function checkWait(timeout: unknown, fn: string): number {
  return waitMs(checkTimeout(timeout, fn, 'badarg'));
}

/** gen:wait_response/2. */
export function wait_response(reqId: unknown, timeout: unknown, fn: string): Promise<Response | 'timeout'> {
  checkReqId(reqId, fn);
  const ms = checkWait(timeout, fn);
  const replied = ([, r]: readonly unknown[]): Response => {
    demonitor(reqId, flushOption);
    return ['reply', r];
  };
  return receive(
    on([reqId, _], replied),
    on([aliasTag(reqId), _], replied),
    on(['DOWN', reqId, _, _, _], ([, , , object, reason]): Response => ['error', [reason, object]]),
    after(ms, () => 'timeout' as const),
  );
}

/** gen:receive_response/2: as wait_response, but a timeout abandons the request. */
export function receive_response(
  reqId: unknown,
  timeout: unknown,
  fn: string,
): Promise<Response | 'timeout'> {
  checkReqId(reqId, fn);
  const ms = checkWait(timeout, fn);
  const replied = ([, r]: readonly unknown[]): Response => {
    demonitor(reqId, flushOption);
    return ['reply', r];
  };
  return receive(
    on([reqId, _], replied),
    on([aliasTag(reqId), _], replied),
    on(['DOWN', reqId, _, _, _], ([, , , object, reason]): Response => ['error', [reason, object]]),
    after(ms, () => {
      demonitor(reqId, flushOption);
      return receive(
        on([reqId, _], ([, r]): Response => ['reply', r]),
        on([aliasTag(reqId), _], ([, r]): Response => ['reply', r]),
        after(0, () => 'timeout' as const),
      );
    }),
  );
}

/** gen:check_response/2: the response `msg` is for `reqId`, or `no_reply`. */
export function check_response(msg: unknown, reqId: unknown, fn: string): Response | 'no_reply' {
  checkReqId(reqId, fn);
  if (Array.isArray(msg)) {
    if (msg.length === 2 && (msg[0] === reqId || (isAliasTag(msg[0]) && msg[0].tail === reqId))) {
      demonitor(reqId, flushOption);
      return ['reply', msg[1]];
    }
    if (msg.length === 5 && msg[0] === 'DOWN' && msg[1] === reqId) return ['error', [msg[4], msg[3]]];
  }
  return 'no_reply';
}
