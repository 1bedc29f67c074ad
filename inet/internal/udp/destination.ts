/**
 * Where a gen_udp send or connect goes, with OTP 25's argument rules. Each failure is raised
 * where OTP raises it, so the class and reason match:
 *
 *   gen_udp:send/5, connect/3   inet:getaddr(Host, Family)  einval → exit badarg (send) or
 *                                                           {error, einval} (connect); other
 *                                                           errors returned (eafnosupport,
 *                                                           nxdomain)
 *                               getserv(Port)               an unknown service → exit badarg;
 *                                                           no integer or atom → function_clause
 *   inet_udp:send/4, connect/3  the clauses                 a port out of range, a tuple of
 *                                                           the other family → function_clause
 *   prim_inet:sendto            the encoding                a map of the other family, bad
 *                                                           ancillary data → {error, einval}
 *   the kernel                                              port 0 → {error, einval}
 */
import { ErlangError, ExitException } from 'erlts';
import { describe } from '../../../runtime/internal/driver-api.js';
import { is_ipv4_address, is_ipv6_address, ntoa, type ip_address } from '../address.js';
import { getaddr } from '../hosts.js';
import type { NodeFailure } from '../posix.js';
import { getservbyname } from '../services.js';

/** A resolved destination: Node's host text and the port. */
export interface Target {
  readonly host: string;
  readonly port: number;
}

/** Why a destination is refused without raising: OTP's returned errors. */
export type Refusal = readonly ['error', NodeFailure | 'einval' | 'eafnosupport' | 'nxdomain'];

type Family = 'inet' | 'inet6';

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);
}

function isPortNumber(port: unknown): port is number {
  return typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535;
}

/** Whether `ip` is an address tuple of the socket's family (inet_udp's ?ip guard). */
function ofFamily(ip: unknown, family: Family): ip is ip_address {
  return family === 'inet' ? is_ipv4_address(ip) : is_ipv6_address(ip);
}

function clauseError(fn: string, what: string, value: unknown): never {
  throw new ErlangError('function_clause', `${fn}: ${what}: ${describe(value)}`);
}

/** A destination OTP's clauses took (the kernel refuses port 0, when it is asked). */
function target(ip: ip_address | 'loopback', port: number, family: Family): Target {
  const host = ip === 'loopback' ? (family === 'inet6' ? '::1' : '127.0.0.1') : (ntoa(ip) as string);
  return { host, port };
}

/** Whether `v` is the complete destination of send/3,4: a map or a 2-tuple. */
export function isDestination(v: unknown): boolean {
  return isMap(v) || (Array.isArray(v) && v.length === 2);
}

/**
 * The target of a complete destination (`send/3`, and `send/4` with AncData or PortZero):
 * `{IP, Port}`, `{Family, {IP | loopback, Port}}` or a sockaddr map.
 * @param fn - the Erlang function, for messages
 * @param dest - the destination
 * @param family - the socket's family
 * @throws ErlangError `function_clause` where inet_udp:send/4 has no clause for it
 */
export function destinationTarget(fn: string, dest: unknown, family: Family): Target | Refusal {
  if (isMap(dest)) {
    // inet:ensure_sockaddr fills a missing port with 0 and a missing addr with any.
    const addr = Object.hasOwn(dest, 'addr') ? dest['addr'] : 'any';
    const port = Object.hasOwn(dest, 'port') ? dest['port'] : 0;
    if (!ofFamily(addr, family) || !isPortNumber(port)) return clauseError(fn, 'no destination', dest);
    if (dest['family'] !== family) return ['error', 'einval'];
    return target(addr, port, family);
  }
  const [a, b] = dest as [unknown, unknown];
  if (ofFamily(a, family) && isPortNumber(b)) return target(a, b, family);
  if (a === family && Array.isArray(b) && b.length === 2) {
    const [ip, port] = b as [unknown, unknown];
    if ((ofFamily(ip, family) || ip === 'loopback') && isPortNumber(port)) return target(ip, port, family);
  }
  return clauseError(fn, 'no destination', dest);
}

/**
 * The target of a host and a port (`send/4,5`, `connect/3`), resolving a name.
 * @param fn - the Erlang function, for messages
 * @param host - an address tuple, a host name (atom or string)
 * @param port - a port number or a service name
 * @param family - the socket's family
 * @param call - `send` exits badarg where the host or the service is none; `connect` returns
 *   getaddr's einval
 */
export async function hostTarget(
  fn: string,
  host: unknown,
  port: unknown,
  family: Family,
  call: 'send' | 'connect',
): Promise<Target | Refusal> {
  let ip: unknown = host;
  // The common case needs no lookup: an address tuple of the socket's family.
  if (!ofFamily(host, family)) {
    const r = await getaddr(host, family);
    if (r[0] === 'error') {
      if (r[1] === 'einval' && call === 'send')
        throw new ExitException('badarg', `${fn}: bad host: ${describe(host)}`);
      return r;
    }
    ip = r[1];
  }
  let portNo: unknown = port;
  if (call === 'send') {
    if (typeof port === 'string') {
      const s = getservbyname(port, 'udp');
      if (s[0] === 'error') throw new ExitException('badarg', `${fn}: unknown service: ${describe(port)}`);
      portNo = s[1];
    } else if (typeof port !== 'number' || !Number.isInteger(port)) {
      return clauseError(fn, 'not a port', port);
    }
  }
  if (!ofFamily(ip, family) || !isPortNumber(portNo))
    return clauseError(fn, 'bad address or port', [host, port]);
  return call === 'send' ? target(ip, portNo, family) : { host: ntoa(ip) as string, port: portNo };
}

/**
 * The target of `connect/2`'s sockaddr map (`any` and `loopback` taken), as inet_udp:connect/2
 * takes a map of its family.
 * @throws ErlangError `function_clause` for a map of another family or no address
 */
export function sockaddrTarget(fn: string, map: unknown, family: Family): Target {
  if (isMap(map) && !Object.hasOwn(map, 'family')) {
    // inet:ensure_sockaddr/1 raises prim_socket's {invalid, {sockaddr, family, Map}}.
    throw new ErlangError(
      ['invalid', ['sockaddr', 'family', map]],
      `${fn}: the sockaddr has no family: ${describe(map)}`,
    );
  }
  if (!isMap(map) || map['family'] !== family) return clauseError(fn, 'not a sockaddr of the family', map);
  const addr = Object.hasOwn(map, 'addr') ? map['addr'] : 'any';
  const port = Object.hasOwn(map, 'port') ? map['port'] : 0;
  if (!isPortNumber(port)) return clauseError(fn, 'bad port', map);
  if (addr === 'any' || addr === 'loopback') {
    const ip =
      family === 'inet6' ? (addr === 'any' ? '::' : '::1') : addr === 'any' ? '0.0.0.0' : '127.0.0.1';
    return { host: ip, port };
  }
  if (!ofFamily(addr, family)) return clauseError(fn, 'bad address', map);
  return { host: ntoa(addr) as string, port };
}

/**
 * Ancillary data of a send, as prim_inet encodes it: `[]` sends; `{tos, N}`, `{tclass, N}`
 * and `{ttl, N}` are OTP's, which Node cannot send (`{error, enotsup}`); anything else is
 * einval.
 * @returns nothing for `[]`, or the refusal
 */
export function ancillaryRefusal(
  ancData: readonly unknown[],
): readonly ['error', 'einval' | 'enotsup'] | undefined {
  if (ancData.length === 0) return undefined;
  const known = ancData.every(
    (a) =>
      Array.isArray(a) &&
      a.length === 2 &&
      (a[0] === 'tos' || a[0] === 'tclass' || a[0] === 'ttl') &&
      Number.isInteger(a[1]),
  );
  return known ? ['error', 'enotsup'] : ['error', 'einval'];
}
