/**
 * erlts/erpc — calls on other nodes, as OTP's erpc: `call` runs `Module:Function(Args...)` on a
 * node and gives its result, or raises what it raised there; `cast` runs it and forgets. The
 * callee is any node: a BEAM node runs its own modules, an erlts node the modules registered with
 * `code.register_module`.
 *
 * How it works, as in OTP 23+: a spawn_request of `erpc:execute_call(Ref, M, F, A)` with a monitor;
 * the result travels in the spawned process's exit reason, so it comes as the monitor's DOWN.
 *
 * @example
 * import * as erpc from 'erlts/erpc';
 * // 3 = erpc:call(Node, erlang, length, [[a, b, c]])
 * const N = await erpc.call(Node, 'erlang', 'length', [list('a', 'b', 'c')]);
 */
import {
  ErlangError,
  ExitException,
  ThrownValue,
  _,
  after,
  apply,
  demonitor,
  is_alive,
  list,
  make_ref,
  monotonic_time,
  node,
  on,
  receive,
  spawn,
  spawn_request,
  spawn_request_abandon,
  type List,
  type Ref,
} from '../runtime/index.js';
import { caughtException, describe } from '../runtime/internal/library-api.js';

/** A timeout: milliseconds, or `infinity`. */
export type Timeout = number | 'infinity';

function checkCall(n: unknown, m: unknown, f: unknown, a: unknown, t: unknown): void {
  const ok =
    typeof n === 'string' &&
    typeof m === 'string' &&
    typeof f === 'string' &&
    Array.isArray(a) &&
    (t === 'infinity' || (Number.isInteger(t) && (t as number) >= 0 && (t as number) <= 0xffffffff));
  if (!ok) {
    throw new ErlangError(
      ['erpc', 'badarg'],
      `erpc: expected (Node, Module, Function, Args, Timeout) with atoms, a list and a timeout, got ${describe([n, m, f, a, t])}`,
    );
  }
}

/**
 * Calls `Module:Function(Args...)` on `node` and waits for the result, as erpc:call/5.
 * @param n - the node
 * @param m - the module, an atom
 * @param f - the function, an atom
 * @param a - the arguments
 * @param timeout - milliseconds, or `infinity` (the default)
 * @returns what the function returned there
 * @throws what it raised there: a throw is thrown again; an error is `error({exception, Reason,
 *   Stack})`; an exit `exit({exception, Reason})`; `{erpc, noconnection}` when the node cannot be
 *   reached or goes down; `{erpc, timeout}`
 * @example
 * // Sum = erpc:call(Node, lists, sum, [[1, 2, 3]], 5000)
 * const Sum = await erpc.call(Node, 'lists', 'sum', [list(1, 2, 3)], 5000);
 * @see https://www.erlang.org/doc/man/erpc.html#call-5
 */
export async function call(
  n: string,
  m: string,
  f: string,
  a: readonly unknown[],
  timeout: Timeout = 'infinity',
): Promise<unknown> {
  checkCall(n, m, f, a, timeout);
  if (n === node() && timeout === 'infinity') return callHere(m, f, a);
  const res = make_ref();
  const reqId = spawn_request(
    n,
    'erpc',
    'execute_call',
    [res, m, f, list(...a)],
    [['reply', 'error_only'], 'monitor'],
  );
  const ms = timeout === 'infinity' ? Infinity : timeout;
  const msg = (await receive(
    on(['spawn_reply', reqId, 'error', _]),
    on(['DOWN', reqId, 'process', _, _]),
    after(ms),
  )) as unknown[] | 'timeout';
  if (msg === 'timeout') {
    if (abandonCall(reqId)) throw new ErlangError(['erpc', 'timeout']);
    const late = (await receive(
      on(['spawn_reply', reqId, 'error', _]),
      on(['DOWN', reqId, 'process', _, _]),
      after(0),
    )) as unknown[] | 'timeout';
    if (late === 'timeout') throw new ErlangError(['erpc', 'timeout']);
    return result(res, reqId, late);
  }
  return result(res, reqId, msg);
}

/**
 * Gives up a call whose time ran out, as erpc's call_abandon: the spawn request while it waits
 * for its reply, else the monitor of the process it spawned, so that its DOWN (the late result)
 * never reaches the caller.
 * @returns whether the call was given up; false when its answer is already in the mailbox
 */
function abandonCall(reqId: Ref): boolean {
  return spawn_request_abandon(reqId) || demonitor(reqId, ['info']);
}

/** The call on this node, as erpc:call's local case: the function's own exception as erpc's. */
async function callHere(m: string, f: string, a: readonly unknown[]): Promise<unknown> {
  try {
    return await apply(m, f, a);
  } catch (e) {
    const c = caughtException(e);
    if (c.class === 'throw') throw new ThrownValue(c.reason);
    if (c.class === 'exit') throw new ExitException(['exception', c.reason]);
    throw new ErlangError(['exception', c.reason, c.stack]);
  }
}

/** What a call's answer means: its result, or the exception erpc raises. */
function result(res: Ref, _reqId: Ref, msg: readonly unknown[]): unknown {
  if (msg[0] === 'spawn_reply') throw new ErlangError(['erpc', msg[3]]);
  const reason = msg[4];
  if (Array.isArray(reason) && reason[0] === res) {
    if (reason[1] === 'return' && reason.length === 3) return reason[2];
    if (reason[1] === 'throw' && reason.length === 3) throw new ThrownValue(reason[2]);
    if (reason[1] === 'exit' && reason.length === 3) throw new ExitException(['exception', reason[2]]);
    if (reason[1] === 'error' && reason.length === 4)
      throw new ErlangError(['exception', reason[2], reason[3]]);
    if (reason[1] === 'error' && reason.length === 3) throw new ErlangError(reason[2]);
  }
  if (reason === 'noconnection') throw new ErlangError(['erpc', 'noconnection']);
  throw new ExitException(['signal', reason]);
}

/**
 * Runs `Module:Function(Args...)` on `node` and returns at once, as erpc:cast/4: nothing comes
 * back, not even a failure.
 * @param n - the node
 * @param m - the module
 * @param f - the function
 * @param a - the arguments
 * @returns `ok`
 * @example
 * // ok = erpc:cast(Node, logger, notice, ["hello"])
 * erpc.cast(Node, 'logger', 'notice', ['hello']);
 * @see https://www.erlang.org/doc/man/erpc.html#cast-4
 */
export function cast(n: string, m: string, f: string, a: readonly unknown[]): 'ok' {
  checkCall(n, m, f, a, 'infinity');
  if (n === node()) spawn(() => apply(m, f, a));
  else if (is_alive()) spawn_request(n, 'erpc', 'execute_cast', [m, f, list(...a)], [['reply', 'no']]);
  return 'ok';
}

/** One node's outcome in multicall: `['ok', Result]`, or the exception erpc:call would raise. */
export type Outcome = ['ok', unknown] | ['error' | 'exit' | 'throw', unknown];

/**
 * Calls `Module:Function(Args...)` on every node of `nodes` at once and waits for all, as
 * erpc:multicall/5.
 * @param nodes - the nodes
 * @param m - the module
 * @param f - the function
 * @param a - the arguments
 * @param timeout - milliseconds for the whole, or `infinity`
 * @returns one outcome per node, in order: `['ok', Result]` or `[Class, Reason]`
 * @example
 * // [{ok, N1}, {ok, N2}] = erpc:multicall([N1, N2], erlang, node, [])
 * const Outcomes = await erpc.multicall([N1, N2], 'erlang', 'node', []);
 * @see https://www.erlang.org/doc/man/erpc.html#multicall-5
 */
export async function multicall(
  nodes: readonly string[],
  m: string,
  f: string,
  a: readonly unknown[],
  timeout: Timeout = 'infinity',
): Promise<List<Outcome>> {
  if (!Array.isArray(nodes))
    throw new ErlangError(['erpc', 'badarg'], 'erpc:multicall/5: the nodes must be a list');
  for (const n of nodes as readonly unknown[]) checkCall(n, m, f, a, timeout);
  const deadline = timeout === 'infinity' ? Infinity : Number(monotonic_time('millisecond')) + timeout;
  const requests = nodes.map((n: string) => {
    const res = make_ref();
    const reqId = spawn_request(
      n,
      'erpc',
      'execute_call',
      [res, m, f, list(...a)],
      [['reply', 'error_only'], 'monitor'],
    );
    return { res, reqId };
  });
  const out = list<Outcome[]>();
  for (const { res, reqId } of requests) {
    const ms =
      deadline === Infinity ? Infinity : Math.max(0, deadline - Number(monotonic_time('millisecond')));
    let msg = (await receive(
      on(['spawn_reply', reqId, 'error', _]),
      on(['DOWN', reqId, 'process', _, _]),
      after(ms),
    )) as unknown[] | 'timeout';
    if (msg === 'timeout' && !abandonCall(reqId)) {
      // The answer came as the time ran out: it is the result, as OTP's mcall_abandon takes it.
      msg = await receive(
        on(['spawn_reply', reqId, 'error', _]),
        on(['DOWN', reqId, 'process', _, _]),
        after(0),
      );
    }
    if (msg === 'timeout') {
      out.push(['error', ['erpc', 'timeout']]);
      continue;
    }
    try {
      out.push(['ok', result(res, reqId, msg)]);
    } catch (e) {
      const c = caughtException(e);
      out.push([c.class, c.reason]);
    }
  }
  return out;
}
