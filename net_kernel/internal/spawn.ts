/**
 * Spawning across nodes (erlang:spawn_request/5 and the SPAWN_REQUEST / SPAWN_REPLY control
 * messages): the processes other nodes ask this one to start, and the requests this node's
 * processes make.
 *
 * What a node may be asked to run: the functions of modules registered by name
 * (runtime/internal/modules.ts), and the few OTP functions other nodes call to reach them:
 * `erpc:execute_call/4` and `execute_cast/3` (what rpc:call, erpc:call and rpc:cast run on the
 * callee since OTP 23), and `erlang:apply/3`.
 */

import {
  type Process,
  ErlangError,
  ExitException,
  Pid,
  Ref,
  ThrownValue,
  applyExport,
  caughtException,
  list,
  processOf,
  spawnProcess,
} from '../../runtime/internal/dist-api.js';

/** What SPAWN_REPLY says: the flags (1 linked, 2 monitored) and the new pid or an error atom. */
export interface SpawnReply {
  readonly flags: number;
  readonly result: Pid | string;
}

/** The functions of OTP modules a node is asked to run that erlts has in TypeScript. */
const builtins: Record<string, (...args: unknown[]) => unknown> = {
  'erpc:execute_call': (...args) =>
    args.length === 4
      ? executeCall(args[0], args[1], args[2], args[3])
      : executeCall3(args[0], args[1], args[2]),
  'erpc:execute_cast': (m, f, a) => executeCast(m, f, a),
  'erlang:apply': (m, f, a) => applyExport(m, f, argList(a)),
};

/** A list of arguments as it arrived: a List or a plain array. */
function argList(a: unknown): unknown[] {
  if (!Array.isArray(a)) throw new ErlangError('badarg', `the arguments must be a list, got ${String(a)}`);
  return [...(a as unknown[])];
}

/**
 * erpc:execute_call/4: applies M:F(A) and exits with the result, so the caller's monitor carries
 * it: `{Ref, return, R}`, `{Ref, throw, T}`, `{Ref, exit, E}`, `{Ref, error, Reason, Stack}`.
 */
async function executeCall(ref: unknown, m: unknown, f: unknown, a: unknown): Promise<never> {
  let outcome: unknown;
  try {
    outcome = [ref, 'return', await applyExport(m, f, argList(a))];
  } catch (e) {
    outcome = failure(ref, e, m, f, a);
  }
  throw new ExitException(outcome);
}

/** erpc:execute_call/3 (an older caller): `{return, R}`, or the exception as it is. */
async function executeCall3(m: unknown, f: unknown, a: unknown): Promise<unknown> {
  return ['return', await applyExport(m, f, argList(a))];
}

/** erpc:execute_cast/3: applies M:F(A); its failure is the process's. */
async function executeCast(m: unknown, f: unknown, a: unknown): Promise<void> {
  await applyExport(m, f, argList(a));
}

/** An exception as erpc:execute_call/4 reports it. */
function failure(ref: unknown, e: unknown, m: unknown, f: unknown, a: unknown): unknown {
  if (ThrownValue.is(e)) return [ref, 'throw', e.value];
  if (ExitException.is(e)) return [ref, 'exit', e.reason];
  const caught = caughtException(e);
  if (caught.class === 'throw') return [ref, 'throw', caught.reason];
  if (caught.class === 'exit') return [ref, 'exit', caught.reason];
  // The stack of a function of another language says nothing to the caller: the call itself.
  const args = Array.isArray(a) ? list(...(a as unknown[])) : a;
  return [ref, 'error', caught.reason, list([m, f, args, list()])];
}

/**
 * Starts the process a SPAWN_REQUEST asks for.
 * @param from - the requesting process (of the peer)
 * @param reqId - the request's reference (the monitor's, with `monitor`)
 * @param mfa - `{Module, Function, Arity}`
 * @param args - the arguments
 * @param opts - spawn options: `link` and `monitor` are made here, the rest ignored
 * @returns what to reply
 */
export function spawnRequest(from: Pid, reqId: Ref, mfa: unknown, args: unknown, opts: unknown): SpawnReply {
  if (!Array.isArray(mfa) || mfa.length !== 3 || !Array.isArray(args) || !Array.isArray(opts)) {
    return { flags: 0, result: 'badarg' };
  }
  const [m, f] = mfa as [unknown, unknown];
  const key = `${String(m)}:${String(f)}`;
  const builtin = Object.hasOwn(builtins, key) ? builtins[key] : undefined;
  const fn = builtin ?? ((...a: unknown[]) => applyExport(m, f, a));
  let flags = 0;
  const link = opts.includes('link');
  const monitor = opts.includes('monitor') || opts.some((o) => Array.isArray(o) && o[0] === 'monitor');
  const argv: unknown[] = [...(args as unknown[])];
  const proc = spawnProcess(fn, argv, 'erlang:spawn_request/5', (p: Process) => {
    if (link) {
      p.linkRemote(from);
      flags |= 1;
    }
    if (monitor) {
      p.watchedBy(from, reqId, p.pid);
      flags |= 2;
    }
  });
  return { flags, result: proc.pid };
}

// ---------------------------------------------------------------------------
// Requests this node makes

/** A spawn_request of a local process waiting for its reply. */
interface Pending {
  readonly proc: Process;
  readonly node: string;
  readonly tag: unknown;
  /** `yes`, `no`, `error_only` or `success_only`. */
  readonly reply: string;
  readonly link: boolean;
  readonly monitor: boolean;
}

const pending = new Map<Ref, Pending>();
/** Requests abandoned with the `link` option: their process, once made, is sent `abandoned`. */
const abandonedLinks = new Map<Ref, { readonly proc: Process; readonly node: string }>();

/** Records a request made; its reply (or its node's going down) settles it. */
export function requestMade(reqId: Ref, p: Pending): void {
  pending.set(reqId, p);
}

/**
 * A SPAWN_REPLY arrived: `[31, ReqId, To, Flags, Result]`.
 * @param exitLinked - sends a link's exit signal from a local process to one of the peer's
 */
export function replied(
  c: readonly unknown[],
  exitLinked: (from: Pid, to: Pid, reason: unknown) => void,
): void {
  const reqId = c[1];
  if (!(reqId instanceof Ref)) return;
  const result = c[4];
  const flags = typeof c[3] === 'number' ? c[3] : 0;
  const gaveUp = abandonedLinks.get(reqId);
  if (gaveUp !== undefined) {
    // The new process is linked to the requester on its node: as OTP, it gets `abandoned`.
    abandonedLinks.delete(reqId);
    if (result instanceof Pid && (flags & 1) !== 0) exitLinked(gaveUp.proc.pid, result, 'abandoned');
    return;
  }
  const p = pending.get(reqId);
  if (p === undefined) return;
  pending.delete(reqId);
  if (result instanceof Pid) {
    if (!p.proc.alive) {
      // Linked on its node to a process that is gone: it learns so, as from any dead process.
      if ((flags & 1) !== 0) exitLinked(p.proc.pid, result, 'noproc');
      return;
    }
    if ((flags & 1) !== 0) p.proc.linkRemote(result);
    if ((flags & 2) !== 0) p.proc.monitorRemote(reqId, { item: result, target: result, node: p.node });
    if (p.reply === 'yes' || p.reply === 'success_only') p.proc.offer([p.tag, reqId, 'ok', result]);
  } else if (p.reply === 'yes' || p.reply === 'error_only') {
    p.proc.offer([p.tag, reqId, 'error', result]);
  }
}

/** The connection to `node` is gone: its requests still waiting fail with `noconnection`. */
export function requestsDown(node: string): void {
  for (const [reqId, p] of [...pending]) {
    if (p.node !== node) continue;
    pending.delete(reqId);
    if (p.reply === 'yes' || p.reply === 'error_only') p.proc.offer([p.tag, reqId, 'error', 'noconnection']);
  }
  for (const [reqId, a] of [...abandonedLinks]) if (a.node === node) abandonedLinks.delete(reqId);
}

/** Whether a process still waits for the reply to `reqId` (for spawn_request_abandon). */
export function abandon(reqId: Ref): boolean {
  const p = pending.get(reqId);
  if (p === undefined) return false;
  pending.delete(reqId);
  if (p.link) abandonedLinks.set(reqId, { proc: p.proc, node: p.node });
  return true;
}

export { processOf };
