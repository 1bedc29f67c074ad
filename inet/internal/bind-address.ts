/**
 * Where an opened socket binds, as OTP 25's inet:list_opt/3 and inet:udp_opt/3 build it from
 * the `ip`, `ifaddr` and `port` options: gen_tcp:listen/2 and gen_udp:open/2 share the rules.
 */
import { z } from 'zod';
import { ErlangError, ExitException, List } from 'erlts';
import { describe, isList } from '../../runtime/internal/driver-api.js';
import { ip4, ip6, word } from './option-table.js';

/** An `ip`/`ifaddr` value: an address tuple, `any`, `loopback`, a sockaddr map or `{local, Path}`. */
export type BindAddress =
  | readonly number[]
  | 'any'
  | 'loopback'
  | {
      readonly family: string;
      readonly addr?: unknown;
      readonly port?: number | undefined;
      readonly path?: unknown;
    }
  | readonly ['local', unknown];

/** The part of an option record that says where a socket binds. */
export interface BindRecord {
  family: 'inet' | 'inet6' | 'local';
  ip: BindAddress | undefined;
  port: number;
}

/** Exits badarg, as the open functions do for an address that is none. */
function exitBadarg(fn: string, why: string, value: unknown): never {
  throw new ExitException('badarg', `${fn}: ${why}: ${describe(value)}`);
}

/** Whether `v` is an Erlang map: a plain object (DESIGN §2), not an instance of a class. */
export function isMap(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

// ---- where a listen socket binds ----
//
// OTP 25's inet:list_opt/3 keeps `ip`, `ifaddr` and `port` in one slot, in list order: `ip`
// and `ifaddr` replace the address, except that once it is a map, `ip` sets the map's `addr`
// and `port` its `port`; an `ifaddr` map is checked and completed at once (prim_socket's
// sockaddr rules). Only the final address is judged: inet_tcp:listen exits badarg for one
// that is neither a map nor an address, and a map is the driver's to refuse when it binds,
// after the other options are set.

/** prim_socket's defaults of a sockaddr map, by family. */
const sockaddrDefaults: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  inet: { family: 'inet', port: 0, addr: 'any' },
  inet6: { family: 'inet6', port: 0, addr: 'any', flowinfo: 0, scope_id: 0 },
  local: { family: 'local', path: Buffer.alloc(0) },
  unspec: { family: 'unspec', addr: Buffer.alloc(0) },
};

/** `any` and `loopback` in a map, as the tuples the driver binds. */
const namedAddresses = {
  inet: { any: [0, 0, 0, 0], loopback: [127, 0, 0, 1] },
  inet6: { any: [0, 0, 0, 0, 0, 0, 0, 0], loopback: [0, 0, 0, 0, 0, 0, 0, 1] },
} as const;

export type SockaddrMap = Readonly<Record<string, unknown>>;

/** The listen address as the options build it up; see the section comment. */
export class ListenAddress {
  /** @param fn - the Erlang function, for messages */
  constructor(readonly fn: string) {}

  /** The address slot: unset, an `ip`/`ifaddr` value, or a map. */
  #addr: unknown = undefined;
  /** `{port, P}` given while the slot held no map. */
  #port: unknown = undefined;
  /** The value of the last `ip` or `ifaddr` option, as given: inet:mod/6 picks the family by it. */
  #last: unknown = undefined;

  /** Takes `opt` if it is `{ip, _}`, `{ifaddr, _}` or `{port, _}`; whether it did. */
  take(opt: unknown): boolean {
    if (!Array.isArray(opt) || isList(opt) || opt.length !== 2) return false;
    const name: unknown = opt[0];
    const value: unknown = opt[1];
    if (name === 'port') {
      if (isMap(this.#addr)) this.#addr = { ...this.#addr, port: value };
      else this.#port = value;
      return true;
    }
    if (name === 'ifaddr') this.#addr = isMap(value) ? completeSockaddr(this.fn, value) : value;
    else if (name === 'ip') this.#addr = isMap(this.#addr) ? { ...this.#addr, addr: value } : value;
    else return false;
    this.#last = value;
    return true;
  }

  /**
   * Puts the final address and port in `o`, or exits badarg, as inet_tcp:listen/2 does, for an
   * address that is none for the socket's family or a port that is none; a map is left for
   * {@link checkBindMap}.
   * @param familyGiven - whether `inet`, `inet6` or `local` was in the list
   * @returns the final address map, if it is one
   */
  settle(o: BindRecord, familyGiven: boolean): SockaddrMap | undefined {
    // Without a family atom, inet:mod/6 picks the module by the last ip/ifaddr value.
    const last = this.#last;
    let family = o.family;
    if (!familyGiven) {
      if (
        (Array.isArray(last) && last.length === 8) ||
        (isMap(last) && 'family' in last && last.family === 'inet6')
      ) {
        family = o.family = 'inet6';
      } else if (Array.isArray(last) && last[0] === 'local') family = 'local';
    }
    const addr = this.#addr;
    if (isMap(addr)) {
      if (family === 'local') exitBadarg(this.fn, 'local takes no address map', addr);
      return addr as SockaddrMap;
    }
    if (addr !== undefined) {
      const parsed = addressByFamily[family].safeParse(addr);
      if (!parsed.success) {
        exitBadarg(this.fn, `bad ${family} address for ip or ifaddr`, addr);
      }
      o.ip = parsed.data;
    }
    if (this.#port !== undefined) {
      const port = word.safeParse(this.#port);
      if (!port.success) exitBadarg(this.fn, 'bad value for port', ['port', this.#port]);
      o.port = port.data;
    }
    return undefined;
  }
}

/** What inet_tcp, inet6_tcp and local_tcp's listen take for an address that is no map. */
const addressByFamily = {
  inet: z.union([ip4, z.enum(['any', 'loopback'])]),
  inet6: z.union([ip6, z.enum(['any', 'loopback'])]),
  local: z.tuple([z.literal('local'), z.unknown()]),
} as const;

/** Whether `n` is an Erlang integer: a safe integer or a bigint (DESIGN §2). */
function isInteger(n: unknown): boolean {
  return typeof n === 'bigint' || Number.isInteger(n);
}

/** Raises error `{invalid, {sockaddr, What, Map}}`, as prim_socket:enc_sockaddr/1 does. */
function invalidSockaddr(fn: string, what: unknown, map: object): never {
  throw new ErlangError(
    ['invalid', ['sockaddr', what, map]],
    `${fn}: the ifaddr map is no socket address: ${describe(map)}`,
  );
}

/**
 * An `{ifaddr, Map}` map checked and completed as prim_socket:enc_sockaddr/1 does: the family's
 * defaults filled in, a local path made a binary; error `{invalid, {sockaddr, What, Map}}` for
 * no family (`family`), a local path that is no string or binary of at most 255 bytes (`path`)
 * or keys the family does not have (`{keys, Keys}`). Another family is left for bind to refuse.
 */
function completeSockaddr(fn: string, map: object): SockaddrMap {
  const m = map as SockaddrMap;
  if (!Object.hasOwn(m, 'family')) return invalidSockaddr(fn, 'family', map);
  const family = m['family'];
  if (isInteger(family)) return mergeSockaddr(fn, { family: 0, addr: Buffer.alloc(0) }, m);
  if (typeof family !== 'string' || !Object.hasOwn(sockaddrDefaults, family)) return m;
  const defaults = sockaddrDefaults[family] as SockaddrMap;
  if (family !== 'local') return mergeSockaddr(fn, defaults, m);
  const path = localPathBytes(m['path']);
  if (path === undefined || path.length > 255) return invalidSockaddr(fn, 'path', map);
  return mergeSockaddr(fn, defaults, { ...m, path }, map);
}

/** A local path as bytes: a binary, a string or a list of bytes, as the socket module takes it. */
function localPathBytes(path: unknown): Buffer | undefined {
  if (Buffer.isBuffer(path)) return path;
  if (typeof path === 'string') return Buffer.from(path, 'utf8');
  if (Array.isArray(path) && path.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) {
    return Buffer.from(path as number[]);
  }
  return undefined;
}

/** `defaults` overlaid with `given`; error `{invalid, {sockaddr, {keys, Keys}, Map}}` for keys defaults lack. */
function mergeSockaddr(
  fn: string,
  defaults: SockaddrMap,
  given: SockaddrMap,
  original: object = given,
): SockaddrMap {
  // OTP folds over the keys in order, consing: it names them last first.
  const extra = Object.keys(given)
    .filter((k) => !Object.hasOwn(defaults, k))
    .sort()
    .reverse();
  if (extra.length > 0) invalidSockaddr(fn, ['keys', new List(...extra)], original);
  return { ...defaults, ...given };
}

/**
 * Judges the final address map as inet_drv's bind does and, if it binds, puts it in `o`.
 * `einval` for a missing `family`, `addr` or `port`, a family other than inet and inet6, a
 * tuple of the wrong size or range, a bad port, or an inet map on an inet6 socket;
 * `eafnosupport` for an inet6 map on an inet socket; error `badarg` for an `addr` that is no
 * tuple, `badarith` for a tuple of non-integers, `function_clause` for an inet6 map without
 * `flowinfo` and `scope_id` (OTP raises these from prim_inet's encoding).
 * @returns the error reason, or nothing when `o.ip` and `o.port` are set
 */
export function checkBindMap(
  fn: string,
  map: SockaddrMap,
  o: BindRecord,
): 'einval' | 'eafnosupport' | undefined {
  const has = (k: string): boolean => Object.hasOwn(map, k);
  const raise = (reason: string, why: string): never => {
    throw new ErlangError(reason, `${fn}: ${why}: ${describe(map)}`);
  };
  if (!has('family') || !has('addr') || !has('port')) return 'einval';
  const family = map['family'];
  if (family !== 'inet' && family !== 'inet6') return 'einval';
  const addr = map['addr'];
  let tuple: readonly number[];
  if (addr === 'any' || addr === 'loopback') tuple = namedAddresses[family][addr];
  else {
    if (!Array.isArray(addr) || isList(addr)) return raise('badarg', 'the address is no tuple');
    if (addr.length !== (family === 'inet' ? 4 : 8)) return 'einval';
    if (!addr.every(isInteger)) return raise('badarith', 'the address holds a non-integer');
    const max = family === 'inet' ? 255 : 65535;
    if (!addr.every((n) => typeof n === 'number' && n >= 0 && n <= max)) return 'einval';
    tuple = addr as number[];
  }
  const port = map['port'];
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) return 'einval';
  if (family === 'inet6') {
    if (!has('flowinfo') || !has('scope_id')) {
      raise('function_clause', 'an inet6 map needs flowinfo and scope_id');
    }
    if (!isInteger(map['flowinfo']) || !isInteger(map['scope_id'])) {
      raise('badarith', 'flowinfo and scope_id must be integers');
    }
  }
  if (family !== o.family) return family === 'inet6' ? 'eafnosupport' : 'einval';
  o.ip = { family, addr: tuple, port };
  o.port = port;
  return undefined;
}
