/**
 * Socket addresses: sockaddr maps read as the NIF encodes them, the answers Linux gives for an
 * address of another family, v4-mapped addresses, and sockname/peername.
 */
import { is_ip_address, type ip4_address, type ip6_address } from '../../inet/internal/address.js';
import type {
  port_number,
  sockaddr_in,
  sockaddr_in6,
  sockaddr_un,
} from '../../inet/internal/option-types.js';
import { closed, einval, socketArg } from './args.js';
import type { Domain, ESocket, Socket, Target } from './esocket.js';
import type { Error_ } from './transfer.js';

export type { sockaddr_in, sockaddr_in6, sockaddr_un };

/** `socket:sockaddr_unspec()`: the address of no family, as a stream's recvfrom gives it. */
export interface sockaddr_unspec {
  readonly family: 'unspec';
  readonly addr: Buffer;
}

/**
 * A socket address map, as the calls take it: `#{family => inet, addr => {127,0,0,1}, port =>
 * 80}` (`addr` `any` by default, `port` 0), an inet6 one with `flowinfo` and `scope_id`, a local
 * one with a `path`. What {@link sockaddr_recv} gives back is one too.
 * @example
 * // Addr = #{family => inet, addr => {127,0,0,1}, port => 80}
 * const Addr: socket.sockaddr = { family: 'inet', addr: [127, 0, 0, 1], port: 80 };
 * @see https://www.erlang.org/docs/25/man/socket.html#type-sockaddr
 */
export type sockaddr = sockaddr_in | sockaddr_in6 | sockaddr_un | sockaddr_unspec;

/**
 * A socket address map as sockname, peername, recvfrom and recvmsg give it, every key there:
 * an inet one's `addr` is a tuple, an inet6 one has `flowinfo` and `scope_id`, a local one's
 * `path` is a binary. The keys a family lacks read `undefined`, so that
 * `const [, { port }] = await socket.sockname(S)` types `port` as `number | undefined`.
 * @see https://www.erlang.org/docs/25/man/socket.html#type-sockaddr_recv
 */
export type sockaddr_recv =
  | {
      readonly family: 'inet';
      readonly addr: ip4_address;
      readonly port: port_number;
      readonly path?: never;
    }
  | {
      readonly family: 'inet6';
      readonly addr: ip6_address;
      readonly port: port_number;
      readonly flowinfo: number;
      readonly scope_id: number;
      readonly path?: never;
    }
  | { readonly family: 'local'; readonly path: Buffer; readonly addr?: never; readonly port?: never }
  | { readonly family: 'unspec'; readonly addr: Buffer; readonly port?: never; readonly path?: never };

/** A sockaddr's address as gen_tcp's `ip` option takes it. */
function ipOf(addr: unknown, family: Domain): readonly number[] | 'any' | 'loopback' | null {
  if (addr === 'any' || addr === 'loopback') return addr;
  if (is_ip_address(addr) && (addr.length === 4) === (family === 'inet')) return addr;
  return null;
}

/**
 * Reads a sockaddr map by its own family, as the NIF encodes it before any call: a map it
 * cannot encode is `null` (`{invalid, {sockaddr, Addr}}`); a family that does not match the
 * socket is the kernel's business (`einval`).
 */
export function targetOf(addr: unknown): Target | null {
  if (typeof addr !== 'object' || addr === null || Array.isArray(addr)) return null;
  const m = addr as { family?: unknown; addr?: unknown; port?: unknown; path?: unknown };
  if (m.family === 'local') {
    if (typeof m.path === 'string') return { family: 'local', path: Buffer.from(m.path) };
    if (Buffer.isBuffer(m.path)) return { family: 'local', path: m.path };
    if (Array.isArray(m.path) && m.path.every((c) => Number.isInteger(c))) {
      return { family: 'local', path: Buffer.from(m.path as number[]) };
    }
    return null;
  }
  if (m.family !== 'inet' && m.family !== 'inet6') return null;
  const ip = ipOf(m.addr ?? 'any', m.family);
  const port = m.port ?? 0;
  if (ip === null || typeof port !== 'number' || !Number.isInteger(port)) return null;
  // The NIF stores the port in 16 bits: 65536 + P is P, -1 is 65535.
  return { family: m.family, ip, port: ((port % 65536) + 65536) % 65536 };
}

/**
 * What Linux answers for an address of another family than the socket's: the length check
 * comes first (an address shorter than the socket's own sockaddr is EINVAL: an inet address to
 * an inet6 socket, a short local path), then the family (EAFNOSUPPORT). A local socket refuses
 * any other family with EINVAL; an inet6 datagram socket's connect and sendto take an inet
 * address (as v4-mapped), and its sendto refuses any other family with EINVAL.
 * @returns the error, or null when the socket takes the address
 */
export function familyError(e: ESocket, t: Target, op: 'bind' | 'connect' | 'sendto'): Error_ | null {
  if (t.family === e.domain) return null;
  if (e.domain === 'local') return einval;
  if (e.domain === 'inet6' && e.type === 'dgram' && op !== 'bind') {
    if (t.family === 'inet') return null;
    if (op === 'sendto') return einval;
  }
  // sockaddr_in is 16 bytes, sockaddr_in6 28 (24 is enough for Linux), sockaddr_un 2 + path.
  const length = t.family === 'local' ? 2 + t.path.length : t.family === 'inet' ? 16 : 28;
  return length < (e.domain === 'inet' ? 16 : 24) ? einval : ['error', 'eafnosupport'];
}

/** An inet address for an inet6 socket, as the kernel takes it: v4-mapped. */
export function onSocket(
  e: ESocket,
  t: Target & { family: 'inet' | 'inet6' },
): Target & { family: 'inet' | 'inet6' } {
  return t.family === e.domain ? t : { family: 'inet6', ip: v4Mapped(peerIp(t)), port: t.port };
}

/** The address tuple to connect or send to: `loopback` as the family's, never `any`. */
export function peerIp(t: Target & { family: 'inet' | 'inet6' }): readonly number[] {
  if (t.ip === 'loopback') return t.family === 'inet' ? [127, 0, 0, 1] : [0, 0, 0, 0, 0, 0, 0, 1];
  if (t.ip === 'any') return t.family === 'inet' ? [0, 0, 0, 0] : [0, 0, 0, 0, 0, 0, 0, 0];
  return t.ip;
}

/** A `{IP, Port}` or `{local, Path}` endpoint as a parsed address. */
export function targetOfEndpoint(a: readonly unknown[] | null): Target | null {
  if (a === null) return null;
  if (a[0] === 'local') return { family: 'local', path: a[1] as Buffer };
  const ip = a[0] as readonly number[];
  return { family: ip.length === 4 ? 'inet' : 'inet6', ip, port: a[1] as number };
}

export function sockaddrOf(e: ESocket, a: readonly unknown[] | null): sockaddr_recv | null {
  if (a === null) return null;
  if (a[0] === 'local') return { family: 'local', path: a[1] as Buffer };
  if (e.domain === 'inet6') {
    // An inet peer of an inet6 socket is v4-mapped, as the kernel reports it (Node's address
    // came without its ::ffff: prefix).
    const ip = a[0] as number[];
    const addr = (ip.length === 4 ? v4Mapped(ip) : ip) as unknown as ip6_address;
    return { family: 'inet6', addr, port: a[1] as number, flowinfo: 0, scope_id: 0 };
  }
  return { family: 'inet', addr: a[0] as ip4_address, port: a[1] as number };
}

/** `{A, B, C, D}` as the inet6 address `::ffff:A.B.C.D`. */
export function v4Mapped(ip: readonly number[]): number[] {
  const [a, b, c, d] = ip as [number, number, number, number];
  return [0, 0, 0, 0, 0, 0xffff, (a << 8) | b, (c << 8) | d];
}

/**
 * The socket's own address: where bind put it, with the port the system picked for port 0.
 * An inet or inet6 socket not bound yet is at the any address, port 0, as the kernel says.
 * @param s - any socket
 * @returns `['ok', SockAddr]` (a map) or `['error', Reason]` (`closed`, `einval`)
 * @throws ErlangError `badarg` for what is not a socket
 * @example
 * // {ok, #{port := Port}} = socket:sockname(Socket)
 * const [, { port: Port }] = await socket.sockname(Socket);
 * @see https://www.erlang.org/docs/25/man/socket.html#sockname-1
 */
export function sockname(s: Socket): Promise<readonly ['ok', sockaddr_recv] | Error_> {
  const e = socketArg('sockname/1', s);
  if (e.closed) return Promise.resolve(closed);
  if (e.state === 'open' && e.dgram === null && e.domain !== 'local') {
    // Not bound yet: the kernel reports the any address and port 0.
    return Promise.resolve([
      'ok',
      sockaddrOf(e, [e.domain === 'inet6' ? [0, 0, 0, 0, 0, 0, 0, 0] : [0, 0, 0, 0], 0]) as sockaddr_recv,
    ]);
  }
  const a = sockaddrOf(
    e,
    e.dgram !== null
      ? e.dgram.sockname(e.domain as 'inet' | 'inet6')
      : e.stream !== null
        ? (e.stream.sockname() ?? e.streamName)
        : e.bound?.family === 'local'
          ? ['local', e.bound.path]
          : (e.listener?.address() ?? null),
  );
  return Promise.resolve(a === null ? ['error', 'einval'] : ['ok', a]);
}

/**
 * The peer's address: of a connected stream socket, or of a datagram socket's connect.
 * @param s - any socket
 * @returns `['ok', SockAddr]` or `['error', 'enotconn' | 'closed']`
 * @throws ErlangError `badarg` for what is not a socket
 * @example
 * // {ok, #{addr := Addr, port := Port}} = socket:peername(Sock)
 * const [, { addr: Addr, port: Port }] = await socket.peername(Sock);
 * @see https://www.erlang.org/docs/25/man/socket.html#peername-1
 */
export function peername(s: Socket): Promise<readonly ['ok', sockaddr_recv] | Error_> {
  const e = socketArg('peername/1', s);
  if (e.closed) return Promise.resolve(closed);
  const a = sockaddrOf(e, e.stream?.peername() ?? e.dgram?.peername() ?? null);
  return Promise.resolve(a === null ? ['error', 'enotconn'] : ['ok', a]);
}
