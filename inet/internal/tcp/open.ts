/**
 * Opening gen_tcp ports: `listen` over `net.Server`, `connect` over `net.Socket`, with OTP's
 * argument rules (badarg raised for malformed arguments, POSIX atoms for failures).
 */
import { ErlangError, ExitException } from 'erlts';
import { caller, describe } from '../../../runtime/internal/driver-api.js';
import { hostOf, ntoa, is_ip_address } from '../address.js';
import { getaddr } from '../hosts.js';
import type { NodeFailure } from '../posix.js';
import { listenOn } from '../node/net-listener.js';
import { connectTo, type ConnectTarget } from '../node/net-connect.js';
import { parseOpenOptions, type BindAddress, type TcpOptions } from './options.js';
import { ListenPort } from './listen-port.js';
import { TcpPort } from './tcp-port.js';

export type OpenResult = readonly ['ok', unknown] | readonly ['error', NodeFailure | 'einval'];

/** A timeout argument: a non-negative integer or `infinity`, else badarg. */
export function timeoutArg(fn: string, timeout: unknown): number | 'infinity' {
  if (timeout === 'infinity' || timeout === Infinity) return 'infinity';
  if (typeof timeout === 'number' && Number.isInteger(timeout) && timeout >= 0 && timeout <= 0xffffffff) {
    return timeout;
  }
  throw new ErlangError(
    'badarg',
    `${fn}: the timeout must be a non-negative integer or infinity: ${describe(timeout)}`,
  );
}

/**
 * A port number argument. OTP exits: `badarg` from listen, `function_clause` from connect.
 */
function portArg(fn: string, port: unknown, reason: 'badarg' | 'function_clause'): number {
  if (typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535) return port;
  throw new ExitException(reason, `${fn}: the port must be an integer in 0..65535: ${describe(port)}`);
}

/** A `{local, Path}` path as Node takes it. */
function localPath(path: unknown): string | null {
  if (typeof path === 'string') return path;
  if (Buffer.isBuffer(path)) return path.toString('utf8');
  if (Array.isArray(path) && path.every((c) => typeof c === 'number')) {
    return Buffer.from(path).toString('utf8');
  }
  return null;
}

/** Where to bind: `{host, port, path}` from an `ip`/`ifaddr` value. */
export function bindTarget(
  ip: BindAddress | undefined,
  family: TcpOptions['family'],
): { host: string | undefined; port: number | undefined; path: string | null } {
  if (ip === undefined || ip === 'any' || ip === 'loopback') {
    return { host: hostOf(ip ?? 'any', family), port: undefined, path: null };
  }
  if (Array.isArray(ip)) {
    if (ip[0] === 'local') return { host: undefined, port: undefined, path: localPath(ip[1]) };
    return { host: ntoa(ip) as string, port: undefined, path: null };
  }
  const map = ip as { family: string; addr?: unknown; port?: number; path?: unknown };
  if (map.family === 'local') return { host: undefined, port: undefined, path: localPath(map.path) };
  return {
    host: hostOf(map.addr as readonly number[] | 'any' | 'loopback', family),
    port: map.port,
    path: null,
  };
}

/**
 * `gen_tcp:listen/2`.
 * @param port - 0 for an ephemeral port
 * @param opts - the option list
 */
export async function listen(port: unknown, opts: unknown): Promise<OpenResult> {
  const proc = caller();
  const p = portArg('gen_tcp:listen/2', port, 'badarg');
  const parsed = parseOpenOptions(opts, 'listen');
  if (parsed[0] === 'error') return parsed;
  const o = parsed[1].options;
  const target = bindTarget(o.ip, o.family);
  if (o.family === 'local' && target.path === null) return ['error', 'einval'];
  const listening = await listenOn(
    target.path !== null
      ? { path: target.path, backlog: o.backlog }
      : {
          host: target.host,
          port: p !== 0 ? p : (target.port ?? o.port),
          ipv6Only: o.family === 'inet6' ? (o.ipv6V6only ?? false) : false,
          backlog: o.backlog,
        },
  );
  if (listening[0] === 'error') return listening;
  const server = listening[1];
  if (!proc.alive) {
    server.close();
    caller(); // unwinds the dead caller
  }
  const passive = passiveAtOpen(parsed[1].given);
  const ls = new ListenPort(proc, o, server, target.path, passive);
  if (passive) ls.tell(['tcp_passive', ls.port]);
  return ['ok', ls.port];
}

/** Where to connect: a resolved `{host, port}` or a local path. */
type PeerTarget = { host: string; port: number } | { path: string };

async function peerTarget(
  address: unknown,
  port: number,
  family: TcpOptions['family'],
  timeout: number | 'infinity',
): Promise<PeerTarget | readonly ['error', NodeFailure | 'einval']> {
  if (Array.isArray(address) && address.length === 2 && address[0] === 'local') {
    const path = localPath(address[1]);
    if (path === null)
      throw new ExitException('badarg', `gen_tcp:connect/4: bad local address: ${describe(address)}`);
    return { path };
  }
  if (is_ip_address(address)) return { host: ntoa(address) as string, port };
  if (
    typeof address === 'string' ||
    (Array.isArray(address) && address.every((c) => typeof c === 'number'))
  ) {
    const fam = family === 'inet6' ? 'inet6' : 'inet';
    const r = await getaddr(address, fam, timeout);
    if (r[0] === 'error') return r;
    return { host: ntoa(r[1]) as string, port };
  }
  throw new ExitException('badarg', `gen_tcp:connect/4: bad address: ${describe(address)}`);
}

/**
 * `gen_tcp:connect/3,4` (an address and a port) and `connect/2,3` (a sockaddr map).
 * @param args - `(Address, Port, Opts[, Timeout])` or `(SockAddr, Opts[, Timeout])`
 */
export async function connect(args: readonly unknown[]): Promise<OpenResult> {
  const proc = caller();
  let address: unknown;
  let port: number;
  let opts: unknown;
  let timeoutIn: unknown;
  const first = args[0];
  if (typeof first === 'object' && first !== null && !Array.isArray(first) && !Buffer.isBuffer(first)) {
    // connect(SockAddr, Opts, Timeout)
    const map = first as { family?: unknown; addr?: unknown; port?: unknown; path?: unknown };
    if (map.family === 'local') {
      address = ['local', map.path];
      port = 0;
    } else if ((map.family === 'inet' || map.family === 'inet6') && is_ip_address(map.addr)) {
      // OTP 25's gen_tcp takes an address tuple here, not `any` or `loopback`.
      address = map.addr;
      port = portArg('gen_tcp:connect/3', map.port, 'function_clause');
    } else {
      throw new ExitException('function_clause', `gen_tcp:connect/3: bad sockaddr: ${describe(first)}`);
    }
    opts = args[1] === undefined ? [] : args[1];
    timeoutIn = args.length > 2 ? args[2] : 'infinity';
  } else {
    address = first;
    port = portArg('gen_tcp:connect/4', args[1], 'function_clause');
    opts = args[2] === undefined ? [] : args[2];
    timeoutIn = args.length > 3 ? args[3] : 'infinity';
  }
  const timeout = timeoutArg('gen_tcp:connect/4', timeoutIn);
  // Omitted options are [] (the TS signature makes them optional). Anything else that is not
  // a list, null included, fails as in OTP, where inet:mod/4 has no clause for it (after the
  // timeout's check) and gen_tcp:connect re-raises that as an exit.
  if (!Array.isArray(opts)) {
    throw new ExitException(
      'function_clause',
      `gen_tcp:connect/4: the options must be a list: ${describe(opts)}`,
    );
  }
  // `local` belongs with a {local, Path} address, which chooses the family itself.
  const isLocal = Array.isArray(address) && address[0] === 'local';
  const given = isLocal ? opts.filter((o) => o !== 'local') : opts;
  const parsed = parseOpenOptions(given, 'connect');
  if (parsed[0] === 'error')
    throw new ExitException('badarg', `gen_tcp:connect/4: bad option in ${describe(opts)}`);
  const o = parsed[1].options;
  const peer = await peerTarget(address, port, o.family, timeout);
  caller(); // a caller killed during the name lookup goes no further
  if (Array.isArray(peer)) return peer as readonly ['error', NodeFailure | 'einval'];
  let target: ConnectTarget;
  if ('path' in peer) target = peer;
  else {
    const local = bindTarget(o.ip, o.family);
    target = {
      host: (peer as { host: string }).host,
      port: (peer as { port: number }).port,
      family: o.family === 'inet6' ? 6 : 4,
      ...(o.ip !== undefined && local.host !== undefined ? { localAddress: local.host } : {}),
      ...(o.port !== 0 ? { localPort: o.port } : {}),
    };
  }
  const connected = await connectTo(proc, target, timeout);
  if (connected[0] === 'error') return connected;
  const sock = connected[1];
  const tcp = new TcpPort(proc, o, sock, 'connect');
  if ('path' in target) tcp.local = { path: Buffer.from(target.path), via: 'connect' };
  if (passiveAtOpen(parsed[1].given)) tcp.tell(['tcp_passive', tcp.port]);
  return ['ok', tcp.port];
}

/** Whether the options opened the socket with `{active, N}`, N <= 0: OTP then sends `tcp_passive`. */
export function passiveAtOpen(given: readonly unknown[]): boolean {
  for (let i = given.length - 1; i >= 0; i--) {
    const opt = given[i];
    if (Array.isArray(opt) && opt[0] === 'active') return typeof opt[1] === 'number' && opt[1] <= 0;
  }
  return false;
}
