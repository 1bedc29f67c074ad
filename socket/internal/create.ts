/**
 * socket:open/3,4's arguments, checked in OTP's order, and what socket(2) answers for them.
 *
 * OTP hands a domain, type and protocol to the kernel as numbers: atoms are translated first
 * (a protocol by the system's protocols file, as the NIF reads it with getprotoent; an unknown
 * atom is `{invalid, {protocol, P}}`), integers go as they are. So `open(inet, stream, udp)`
 * is the kernel's EPROTONOSUPPORT, not a bad argument. The kernel's answers (Linux):
 *
 *   type outside 0..10                       einval
 *   a family other than local, inet, inet6   eafnosupport (erlts has no others)
 *   inet, inet6: protocol outside 0..262     einval
 *                stream  0, 6 (tcp)          a TCP socket
 *                dgram   0, 17 (udp)         a UDP socket
 *                a protocol of another type  eprotonosupport
 *                types 4, 5 (seqpacket), 6-10   esocktnosupport
 *   local:       protocol other than 0, 1    eprotonosupport
 *                stream                      a local stream
 *                types 4, 6-10               esocktnosupport
 *
 * What Linux makes and Node cannot (raw sockets, local datagram and seqpacket sockets, MPTCP,
 * UDP-Lite, ping sockets) is `eprotonosupport`, and so is an inet seqpacket socket
 * (docs/DEVIATIONS.md).
 */
import { readFile } from 'node:fs/promises';
import { ErlangError } from 'erlts';
import { describe } from '../../runtime/internal/driver-api.js';
import type { Domain, Protocol, SocketType } from './esocket.js';

/** What open/3,4 makes: the socket's domain, type, and protocol as socket:info/1 names it. */
export interface Created {
  readonly domain: Domain;
  readonly type: SocketType;
  readonly protocol: Protocol;
}

const DOMAINS: Record<string, number> = { unspec: 0, local: 1, inet: 2, inet6: 10 };
const TYPES: Record<string, number> = { stream: 1, dgram: 2, raw: 3, seqpacket: 5 };
const AF_LOCAL = 1;
const AF_INET = 2;
const AF_INET6 = 10;
const SOCK_STREAM = 1;
const SOCK_DGRAM = 2;
const SOCK_RAW = 3;
const SOCK_SEQPACKET = 5;
const SOCK_MAX = 11;
const IPPROTO_MAX = 263;
const IPPROTO_TCP = 6;
const IPPROTO_UDP = 17;

/** The protocols every system's file names, for the common calls (no file read). */
const WELL_KNOWN: readonly (readonly [string, number])[] = [
  ['ip', 0],
  ['IP', 0],
  ['icmp', 1],
  ['ICMP', 1],
  ['tcp', 6],
  ['TCP', 6],
  ['udp', 17],
  ['UDP', 17],
  ['ipv6', 41],
  ['IPv6', 41],
  ['sctp', 132],
  ['SCTP', 132],
];
const byName = new Map<string, number>(WELL_KNOWN);

let fileTable: Promise<Map<string, number>> | undefined;

/** The protocols file's names (`name number aliases...` lines), read once; empty without one. */
function protocolsFile(): Promise<Map<string, number>> {
  fileTable ??= readFile('/etc/protocols', 'latin1').then(parseProtocols, () => new Map<string, number>());
  return fileTable;
}

function parseProtocols(text: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const line of text.split('\n')) {
    const fields = (line.split('#')[0] ?? '').trim().split(/\s+/);
    const n = Number(fields[1]);
    if (fields.length < 2 || !Number.isInteger(n)) continue;
    for (const name of [fields[0], ...fields.slice(2)]) {
      if (name !== undefined && name !== '' && !names.has(name)) names.set(name, n);
    }
  }
  return names;
}

/** A protocol atom's number: `default` is 0; others by the protocols file. */
async function protocolNumber(name: string): Promise<number | undefined> {
  if (name === 'default') return 0;
  const known = byName.get(name);
  if (known !== undefined) return known;
  const table = await protocolsFile();
  return table.size === 0 ? undefined : table.get(name);
}

function isInt32(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31;
}

/**
 * Checks open/3,4's arguments as OTP does, in its order (protocol, domain, type), then answers
 * as socket(2) would.
 * @returns the socket to make, or the error open returns
 * @throws ErlangError `{invalid, {protocol, P}}` for a protocol that is neither an atom nor an
 *   integer, `{case_clause, {integer_range, P}}` for one beyond 32 bits, as the NIF raises them
 */
export async function checkOpen(
  domain: unknown,
  type: unknown,
  protocol: unknown,
): Promise<Created | readonly ['error', unknown]> {
  let proto: number | undefined;
  if (typeof protocol === 'string') {
    proto = await protocolNumber(protocol);
    if (proto === undefined) return ['error', ['invalid', ['protocol', protocol]]];
  } else if (typeof protocol === 'number' && Number.isInteger(protocol)) {
    if (!isInt32(protocol)) {
      throw new ErlangError(
        ['case_clause', ['integer_range', protocol]],
        `socket:open/4: protocol out of range: ${describe(protocol)}`,
      );
    }
    proto = protocol;
  } else {
    throw new ErlangError(
      ['invalid', ['protocol', protocol]],
      `socket:open/4: bad protocol: ${describe(protocol)}`,
    );
  }
  const family = typeof domain === 'string' ? DOMAINS[domain] : isInt32(domain) ? domain : undefined;
  if (family === undefined) return ['error', ['invalid', ['domain', domain]]];
  const kind = typeof type === 'string' ? TYPES[type] : isInt32(type) ? type : undefined;
  if (kind === undefined) return ['error', ['invalid', ['type', type]]];
  return kernelSocket(family, kind, proto);
}

/** socket(2) on Linux, for what Node can make; the rest as Linux refuses it, or eprotonosupport. */
function kernelSocket(family: number, type: number, protocol: number): Created | readonly ['error', unknown] {
  if (type < 0 || type >= SOCK_MAX) return ['error', 'einval'];
  if (family === AF_LOCAL) {
    if (protocol !== 0 && protocol !== 1) return ['error', 'eprotonosupport'];
    if (type === SOCK_STREAM)
      return { domain: 'local', type: 'stream', protocol: protocol === 1 ? 'icmp' : 'ip' };
    // Local datagram (raw is one) and seqpacket sockets: Linux has them, Node does not.
    if (type === SOCK_DGRAM || type === SOCK_RAW || type === SOCK_SEQPACKET)
      return ['error', 'eprotonosupport'];
    return ['error', 'esocktnosupport'];
  }
  if (family !== AF_INET && family !== AF_INET6) return ['error', 'eafnosupport'];
  if (protocol < 0 || protocol >= IPPROTO_MAX) return ['error', 'einval'];
  const domain = family === AF_INET ? 'inet' : 'inet6';
  if (type === SOCK_STREAM) {
    if (protocol === 0 || protocol === IPPROTO_TCP) return { domain, type: 'stream', protocol: 'tcp' };
    return ['error', 'eprotonosupport']; // MPTCP (262) included: Node has none
  }
  if (type === SOCK_DGRAM) {
    if (protocol === 0 || protocol === IPPROTO_UDP) return { domain, type: 'dgram', protocol: 'udp' };
    return ['error', 'eprotonosupport']; // UDP-Lite and ping sockets included: Node has none
  }
  // Linux: raw sockets (root only); seqpacket is ESOCKTNOSUPPORT without SCTP, but erlts has
  // always answered both as what Node lacks (docs/DEVIATIONS.md).
  if (type === SOCK_RAW || type === SOCK_SEQPACKET) return ['error', 'eprotonosupport'];
  return ['error', 'esocktnosupport'];
}
