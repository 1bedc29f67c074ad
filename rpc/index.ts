/**
 * erlts/rpc — remote procedure calls, as OTP's rpc: `call` answers `{badrpc, Reason}` where erpc
 * raises, `cast` forgets, `multicall` asks many nodes at once. Since OTP 23 rpc is erpc
 * underneath, and so it is here (erlts/erpc).
 *
 * @example
 * import * as rpc from 'erlts/rpc';
 * // {badrpc, nodedown} = rpc:call('nobody@nohost', erlang, node, [])
 * const R = await rpc.call('nobody@nohost', 'erlang', 'node', []);
 */
import { ErlangError, ExitException, ThrownValue, list, type List } from '../runtime/index.js';
import { caughtException } from '../runtime/internal/library-api.js';
import * as erpc from '../erpc/index.js';

/** A timeout: milliseconds, or `infinity`. */
export type Timeout = erpc.Timeout;

/** What a failed call answers. */
export type BadRpc = ['badrpc', unknown];

/**
 * Calls `Module:Function(Args...)` on `node`, as rpc:call/4,5.
 * @param n - the node
 * @param m - the module
 * @param f - the function
 * @param a - the arguments
 * @param timeout - milliseconds, or `infinity` (the default)
 * @returns the result; `['badrpc', nodedown]` when the node cannot be reached, `['badrpc',
 *   timeout]`, `['badrpc', ['EXIT', Reason]]` when the function failed there; a value it threw is
 *   returned, as OTP's `catch` returns it
 * @example
 * // Pong = rpc:call(Node, erlang, node, [])
 * const Pong = await rpc.call(Node, 'erlang', 'node', []);
 * @see https://www.erlang.org/doc/man/rpc.html#call-5
 */
export async function call(
  n: string,
  m: string,
  f: string,
  a: readonly unknown[],
  timeout: Timeout = 'infinity',
): Promise<unknown> {
  try {
    return await erpc.call(n, m, f, a, timeout);
  } catch (e) {
    return rpcify(e);
  }
}

/** An erpc exception as rpc:call reports it (rpc.erl's rpcify_exception). */
function rpcify(e: unknown): unknown {
  const c = caughtException(e);
  const r = c.reason;
  if (c.class === 'throw') return Array.isArray(r) && r.length === 2 && r[0] === 'EXIT' ? ['badrpc', r] : r;
  if (c.class === 'exit') {
    if (Array.isArray(r) && r.length === 2 && (r[0] === 'exception' || r[0] === 'signal')) {
      return ['badrpc', ['EXIT', r[1]]];
    }
    throw new ExitException(r);
  }
  if (Array.isArray(r) && r.length === 3 && r[0] === 'exception') return ['badrpc', ['EXIT', [r[1], r[2]]]];
  if (Array.isArray(r) && r.length === 2 && r[0] === 'erpc') {
    if (r[1] === 'badarg') throw new ErlangError('badarg', 'rpc:call/5: bad arguments');
    if (r[1] === 'noconnection') return ['badrpc', 'nodedown'];
    if (r[1] === 'timeout' || r[1] === 'notsup') return ['badrpc', r[1]];
    return ['badrpc', ['EXIT', r[1]]];
  }
  throw e instanceof ThrownValue ? e : new ErlangError(r);
}

/**
 * Runs `Module:Function(Args...)` on `node` without waiting, as rpc:cast/4.
 * @param n - the node
 * @param m - the module
 * @param f - the function
 * @param a - the arguments
 * @returns `true`
 * @example
 * // true = rpc:cast(Node, kv, put, [k, v])
 * rpc.cast(Node, 'kv', 'put', ['k', 'v']);
 * @see https://www.erlang.org/doc/man/rpc.html#cast-4
 */
export function cast(n: string, m: string, f: string, a: readonly unknown[]): true {
  try {
    erpc.cast(n, m, f, a);
  } catch (e) {
    const c = caughtException(e);
    if (Array.isArray(c.reason) && c.reason[0] === 'erpc')
      throw new ErlangError('badarg', 'rpc:cast/4: bad arguments');
    throw e;
  }
  return true;
}

/**
 * Calls `Module:Function(Args...)` on every node of `nodes` at once, as rpc:multicall/5.
 * @param nodes - the nodes
 * @param m - the module
 * @param f - the function
 * @param a - the arguments
 * @param timeout - milliseconds, or `infinity`
 * @returns `[Results, BadNodes]`: the results of the nodes that answered, in order, and the nodes
 *   that could not be reached or did not answer in time
 * @example
 * // {Results, []} = rpc:multicall(Nodes, erlang, node, [])
 * const [Results, BadNodes] = await rpc.multicall(Nodes, 'erlang', 'node', []);
 * @see https://www.erlang.org/doc/man/rpc.html#multicall-5
 */
export async function multicall(
  nodes: readonly string[],
  m: string,
  f: string,
  a: readonly unknown[],
  timeout: Timeout = 'infinity',
): Promise<[List<unknown>, List<string>]> {
  const outcomes = await erpc.multicall(nodes, m, f, a, timeout);
  const results = list<unknown[]>();
  const bad = list<string[]>();
  outcomes.forEach(([cls, value], i) => {
    if (cls === 'ok') results.push(value);
    else if (
      cls === 'error' &&
      Array.isArray(value) &&
      value[0] === 'erpc' &&
      (value[1] === 'noconnection' || value[1] === 'timeout')
    ) {
      bad.push(nodes[i] as string);
    } else {
      results.push(
        rpcify(
          cls === 'throw'
            ? new ThrownValue(value)
            : cls === 'exit'
              ? new ExitException(value)
              : new ErlangError(value),
        ),
      );
    }
  });
  return [results, bad];
}
