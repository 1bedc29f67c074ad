/**
 * Opening gen_udp ports: `gen_udp:open/1,2` and `fdopen/2` over `node:dgram`, with OTP's
 * argument rules (badarg exits for malformed arguments, POSIX atoms for failures). The port
 * is bound when it is made, as inet_udp binds it (to `any` and port 0 by default).
 */
import { ErlangError, ExitException, type Port } from 'erlts';
import { caller, describe } from '../../../runtime/internal/driver-api.js';
import type { NodeFailure } from '../posix.js';
import { getservbyname } from '../services.js';
import { bindTarget } from '../tcp/open.js';
import { DgramPort } from './dgram.js';
import { parseUdpOptions, type UdpOptions } from './options.js';
import { UdpPort } from './udp-port.js';

/** What open gives. */
export type UdpOpenResult = readonly ['ok', Port] | readonly ['error', NodeFailure | 'einval' | 'enotsup'];

/** Whether this Node's dgram takes `reusePort` (22.12 and later). */
const nodeReusePort = ((): boolean => {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
})();

/**
 * The port argument of open: an integer in 0..65535 (OTP exits badarg for one out of range),
 * or a service name, which gen_udp:open1/2 matches as `{ok, Port} = getserv(Name)`.
 */
function portNumber(fn: string, port: unknown): number {
  if (typeof port === 'number' && Number.isInteger(port)) {
    if (port >= 0 && port <= 65535) return port;
    throw new ExitException('badarg', `${fn}: the port must be in 0..65535: ${describe(port)}`);
  }
  if (typeof port === 'string') {
    const s = getservbyname(port, 'udp');
    if (s[0] === 'ok') return s[1];
    throw new ErlangError(['badmatch', s], `${fn}: unknown service: ${describe(port)}`);
  }
  // inet_udp:getserv/1 has clauses for an integer and an atom only.
  throw new ErlangError('function_clause', `${fn}: not a port: ${describe(port)}`);
}

/**
 * `gen_udp:open/2`: a bound UDP port owned by the caller.
 * @param port - 0 for an ephemeral port
 * @param opts - the option list
 */
export function open(port: unknown, opts: unknown): Promise<UdpOpenResult> {
  return openWith('gen_udp:open/2', portNumber('gen_udp:open/2', port), opts, undefined);
}

/**
 * `gen_udp:fdopen/2`: a port over a bound UDP descriptor.
 * @param fd - the descriptor
 * @param opts - the option list
 */
export function fdopen(fd: unknown, opts: unknown): Promise<UdpOpenResult> {
  if (typeof fd !== 'number' || !Number.isInteger(fd) || fd < 0) {
    throw new ErlangError('badarg', `gen_udp:fdopen/2: not a file descriptor: ${describe(fd)}`);
  }
  return openWith('gen_udp:fdopen/2', 0, opts, fd);
}

async function openWith(
  fn: string,
  port: number,
  opts: unknown,
  fdArg: number | undefined,
): Promise<UdpOpenResult> {
  const proc = caller();
  const parsed = parseUdpOptions(port, opts);
  if (parsed[0] === 'error') return parsed;
  const o = parsed[1].options;
  // Node has no AF_UNIX datagram sockets (docs/DEVIATIONS.md).
  if (o.family === 'local') return ['error', 'eafnosupport'];
  if (o.reuseport && !nodeReusePort) return ['error', 'enotsup'];
  const fd = fdArg ?? (typeof o.fd === 'number' ? o.fd : undefined);
  if (o.fd !== undefined && fd === undefined) {
    throw new ExitException('badarg', `${fn}: bad value for fd: ${describe(o.fd)}`);
  }
  const family = o.family;
  const d = new DgramPort(family, {
    reuseAddr: o.reuseaddr,
    reusePort: o.reuseport,
    ipv6Only: family === 'inet6' && o.ipv6V6only === true,
  });
  const bound = fd !== undefined ? await d.bindFd(fd) : await bindAt(d, o);
  if (bound !== 'ok' || !proc.alive) {
    d.close();
    caller(); // unwinds a caller killed while binding
    return bound === 'ok' ? ['error', 'closed'] : bound;
  }
  const udp = new UdpPort(proc, o, d);
  const applied = udp.applyToSocket(null, o);
  if (applied !== 'ok') {
    udp.close();
    return applied;
  }
  udp.options = { ...o, memberships: [] };
  if (parsed[1].passiveAtOpen) udp.tell(['udp_passive', udp.port]);
  return ['ok', udp.port];
}

function bindAt(d: DgramPort, o: UdpOptions): Promise<'ok' | readonly ['error', NodeFailure]> {
  const target = bindTarget(o.ip, o.family);
  return d.bind(target.host ?? (o.family === 'inet6' ? '::' : '0.0.0.0'), target.port ?? o.port);
}
