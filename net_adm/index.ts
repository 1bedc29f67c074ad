/**
 * erlts/net_adm — the net_adm functions a node uses to find others: `ping`, `names`, `localhost`.
 *
 * @example
 * import * as net_adm from 'erlts/net_adm';
 * // pong = net_adm:ping('b@host')
 * const Answer = await net_adm.ping('b@host');
 */
import { disconnect_node, is_alive, node, type List } from '../runtime/index.js';
import { describe, badarg, toList } from '../runtime/internal/library-api.js';
import { call } from '../stdlib/gen/internal/call.js';
import { names as epmdNames } from '../net_kernel/internal/epmd-client.js';
import { epmdPort } from '../net_kernel/index.js';
import { domainName, shortHostname } from '../net_kernel/internal/node-name.js';

/**
 * Tries to connect to `node`, as net_adm:ping/1: `pong` if it answers, else `pang` (a node that
 * is not alive pings nothing). The connection stays up after a `pong`.
 * @param n - the node's name
 * @returns `pong` or `pang`
 * @example
 * // pong = net_adm:ping(Node)
 * const Answer = await net_adm.ping(Node);
 * @see https://www.erlang.org/doc/man/net_adm.html#ping-1
 */
export async function ping(n: string): Promise<'pong' | 'pang'> {
  if (typeof n !== 'string') badarg('net_adm:ping/1', `the node must be an atom, got ${describe(n)}`);
  if (!is_alive() && n !== node()) return 'pang';
  try {
    const answer = await call(
      ['net_kernel', n],
      '$gen_call',
      ['is_auth', node()],
      'infinity',
      'net_adm:ping/1',
    );
    if (answer === 'yes') return 'pong';
  } catch {
    // The node is down, or refused us: pang, as OTP's `catch gen:call(...)`.
  }
  disconnect_node(n);
  return 'pang';
}

/**
 * The names registered with EPMD on `host`, as net_adm:names/0,1.
 * @param host - a host name or address; this host by default
 * @returns `['ok', [[Name, Port], ...]]`, or `['error', address]` when no EPMD answers there
 * @example
 * // {ok, [{"a", 43512}]} = net_adm:names()
 * const [, Names] = await net_adm.names();
 * @see https://www.erlang.org/doc/man/net_adm.html#names-1
 */
export async function names(host?: string): Promise<['ok', List<[string, number]>] | ['error', unknown]> {
  const port = epmdPort();
  const r = await epmdNames(host ?? '127.0.0.1', port === undefined ? {} : { epmdPort: port });
  if ('error' in r) return ['error', r.error];
  return ['ok', toList(r.map(([name, port]): [string, number] => [name, port]))];
}

/**
 * This host's name, as net_adm:localhost/0: the long name when the node runs with long names,
 * else the short one.
 * @returns the host name, as a string
 * @example
 * // Host = net_adm:localhost()
 * const Host = net_adm.localhost();
 * @see https://www.erlang.org/doc/man/net_adm.html#localhost-0
 */
export function localhost(): string {
  const short = shortHostname();
  const domain = domainName();
  return node().split('@')[1]?.includes('.') && domain !== null ? `${short}.${domain}` : short;
}
