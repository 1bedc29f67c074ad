/**
 * inet's host functions — `gethostbyname`, `gethostbyaddr`, `getaddr`,
 * `getaddrs`, `gethostname` — resolving as OTP 25 does on a Unix host with
 * its default resolver configuration (`lookup` = `[native]`).
 *
 * OTP then asks the `inet_gethost` port program, which calls the C library:
 * gethostbyname(3) for IPv4 names, getaddrinfo(3) (`AF_INET6`, no v4-mapping)
 * for IPv6 names, gethostbyaddr(3) / getnameinfo(3) for addresses. Any
 * failure there falls back to "our own hostname is the loopback address",
 * and whatever still fails is `nxdomain`. This module follows the same order:
 *
 * 1. numeric names, as the C library treats them: for `inet`, a name of
 *    digits and dots is an IPv4 address in inet_aton's syntax ("127.1",
 *    "12345", octal "0177.0.0.1") or nothing; for `inet6`, an IPv6 literal is
 *    itself and an IPv4 literal is nothing (no v4-mapping);
 * 2. the hosts file (`/etc/hosts`), as the C library's `files` source reads it;
 * 3. the system resolver (`dns.lookup`, `dns.lookupService`: getaddrinfo(3) and
 *    getnameinfo(3) on Node's thread pool), which also covers DNS;
 * 4. OTP's own fallback: the short hostname (and hostname.domain) is the
 *    loopback address, and the loopback address is the hostname.
 *
 * IP tuples never reach a resolver: `getaddr([127,0,0,1], 'inet')` is checked
 * and returned as OTP does. Textual results (`h_name`, aliases) are JS strings.
 *
 * @module
 */
import { lookup, lookupService } from 'node:dns';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { ErlangError, List } from 'erlts';
import { describe, getClock, isList, type TimerHandle } from '../../runtime/internal/driver-api.js';
import {
  is_ipv4_address,
  is_ipv6_address,
  parse_address,
  parse_ipv4_address,
  parse_ipv6_address,
  parse_strict_address,
} from './address.js';

/** An address family: `inet` (IPv4) or `inet6` (IPv6). */
export type address_family = 'inet' | 'inet6';

/** OTP's `#hostent{}` record, with its field names. */
export interface hostent {
  /** The official name of the host (a JS string). */
  h_name: string;
  /** Other names of the host (JS strings). */
  h_aliases: List<string>;
  /** `'inet'` or `'inet6'`. */
  h_addrtype: address_family;
  /** 4 for IPv4, 16 for IPv6. */
  h_length: 4 | 16;
  /** The host's addresses, as tuples. */
  h_addr_list: List<number[]>;
}

/** The reasons the host functions give. */
export type HostPosix = 'einval' | 'nxdomain' | 'eafnosupport';
/** `{error, Reason}` of the host functions. */
export type HostFailure = ['error', HostPosix];

/** What one step of the lookup gives: a host entry, or nothing (try the next step). */
type Found = hostent | undefined;

function makeHostent(name: string, addrs: number[][], aliases: string[], family: address_family): hostent {
  const addrList = new List<number[]>();
  for (const a of addrs) addrList.push([...a]);
  const aliasList = new List<string>();
  for (const a of aliases) aliasList.push(a);
  return {
    h_name: name,
    h_aliases: aliasList,
    h_addrtype: family,
    h_length: family === 'inet' ? 4 : 16,
    h_addr_list: addrList,
  };
}

/**
 * A host name argument as a JS string: a JS string (an atom or a string), or
 * an Erlang string given as a `List` of character codes. A plain array is a
 * tuple (DESIGN §2), so it is not a name. `undefined` for anything else.
 */
function nameText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isList(value)) {
    let out = '';
    for (const c of value) {
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > 0x10ffff) return undefined;
      out += String.fromCodePoint(c);
    }
    return out;
  }
  return undefined;
}

/** `inet_parse:visible_string/1`: non-empty, every character 33..126. */
function isVisible(name: string): boolean {
  return name.length > 0 && /^[\x21-\x7e]+$/.test(name);
}

/** `inet_db:tolower/1`: only ASCII letters change case (RFC 4343). */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function isFamily(value: unknown): value is address_family {
  return value === 'inet' || value === 'inet6';
}

/** An address tuple as text Node's resolver accepts (no zone, no compression). */
function nodeAddress(ip: readonly number[]): string {
  return ip.length === 4 ? ip.join('.') : ip.map((w) => w.toString(16)).join(':');
}

function addressTuple(text: string): number[] | undefined {
  const parsed = parse_strict_address(text.replace(/%.*$/, ''));
  return parsed[0] === 'ok' ? [...parsed[1]] : undefined;
}

// ---------------------------------------------------------------- hosts file

interface HostsLine {
  readonly addr: number[];
  readonly names: readonly string[];
}

function hostsPath(): string {
  return process.platform === 'win32'
    ? `${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\drivers\\etc\\hosts`
    : '/etc/hosts';
}

/** The hosts file's entries in file order; empty when it cannot be read. */
async function hostsLines(): Promise<HostsLine[]> {
  let text: string;
  try {
    text = await readFile(hostsPath(), 'latin1');
  } catch {
    return [];
  }
  const lines: HostsLine[] = [];
  for (const raw of text.split('\n')) {
    const fields = raw.replace(/#.*/, '').trim().split(/\s+/);
    const [addrText, ...names] = fields;
    if (addrText === undefined || names.length === 0) continue;
    const addr = addressTuple(addrText);
    if (addr !== undefined) lines.push({ addr, names });
  }
  return lines;
}

/**
 * The C library's `files` source for a name: every line of the family that
 * lists the name (case-insensitively). The official name is the first name of
 * the first such line; IPv4 aliases are that line's other names (gethostbyname
 * reports them), IPv6 has none (getaddrinfo reports only the canonical name).
 */
async function filesByName(name: string, family: address_family): Promise<Found> {
  const want = asciiLower(name);
  const size = family === 'inet' ? 4 : 8;
  const hits = (await hostsLines()).filter(
    (l) => l.addr.length === size && l.names.some((n) => asciiLower(n) === want),
  );
  const first = hits[0];
  if (first === undefined) return undefined;
  const addrs: number[][] = [];
  for (const hit of hits) {
    if (!addrs.some((a) => a.every((x, i) => x === hit.addr[i]))) addrs.push(hit.addr);
  }
  const [official = name, ...aliases] = first.names;
  return makeHostent(official, addrs, family === 'inet' ? aliases : [], family);
}

/** The C library's `files` source for an address: the first line with it. */
async function filesByAddr(ip: readonly number[], family: address_family): Promise<Found> {
  const line = (await hostsLines()).find(
    (l) => l.addr.length === ip.length && l.addr.every((x, i) => x === ip[i]),
  );
  if (line === undefined) return undefined;
  const [official = '', ...aliases] = line.names;
  return makeHostent(official, [[...ip]], family === 'inet' ? aliases : [], family);
}

// ---------------------------------------------------------- system resolver

/** getaddrinfo(3) through Node; any failure is "not found". */
function systemByName(name: string, family: address_family): Promise<Found> {
  return new Promise((resolve) => {
    try {
      lookup(name, { family: family === 'inet' ? 4 : 6, all: true, verbatim: true }, (err, addresses) => {
        if (err !== null || addresses.length === 0) return resolve(undefined);
        const addrs: number[][] = [];
        for (const { address } of addresses) {
          const ip = addressTuple(address);
          if (ip !== undefined && ip.length === (family === 'inet' ? 4 : 8)) addrs.push(ip);
        }
        resolve(addrs.length === 0 ? undefined : makeHostent(name, addrs, [], family));
      });
    } catch {
      resolve(undefined);
    }
  });
}

/** getnameinfo(3) through Node (it asks with NI_NAMEREQD); any failure is "not found". */
function systemByAddr(ip: readonly number[], family: address_family): Promise<Found> {
  return new Promise((resolve) => {
    try {
      lookupService(nodeAddress(ip), 0, (err, host) => {
        resolve(err !== null || host === '' ? undefined : makeHostent(host, [[...ip]], [], family));
      });
    } catch {
      resolve(undefined);
    }
  });
}

// ----------------------------------------------------------- OTP's fallback

/** The short hostname, as `inet_db:gethostname()` holds it. */
function selfName(): string {
  const name = hostname();
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

/** `inet_db:res_option(domain)`: what follows the first dot of the hostname, or "". */
function selfDomain(): string {
  const name = hostname();
  const dot = name.indexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

function loopback(family: address_family): number[] {
  return family === 'inet' ? [127, 0, 0, 1] : [0, 0, 0, 0, 0, 0, 0, 1];
}

/** `inet:gethostbyname_self/2`: our own name resolves to the loopback address. */
function selfByName(name: string, family: address_family): Found {
  const want = asciiLower(name);
  const self = selfName();
  if (asciiLower(self) === want) return makeHostent(self, [loopback(family)], [], family);
  const domain = selfDomain();
  if (domain === '') return undefined;
  const fqdn = `${self}.${domain}`;
  return asciiLower(fqdn) === want ? makeHostent(fqdn, [loopback(family)], [], family) : undefined;
}

/** `inet:gethostbyaddr_self/2`: the loopback address is our own name. */
function selfByAddr(ip: readonly number[], family: address_family): Found {
  const self = selfName();
  const domain = selfDomain();
  return domain === ''
    ? makeHostent(self, [[...ip]], [], family)
    : makeHostent(`${self}.${domain}`, [[...ip]], [self], family);
}

// -------------------------------------------------------------- the lookups

/** inet_aton's syntax: 1 to 4 parts, each decimal, octal or 0x-hex. */
const inetAtonSyntax = /^(0[xX][0-9a-fA-F]*|[0-9]+)(\.(0[xX][0-9a-fA-F]*|[0-9]+)){0,3}$/;

/**
 * Step 1 for a name: what the C library decides without consulting any
 * source. `undefined` means "not numeric, ask the sources"; `null` means
 * "numeric but not an address of this family: not found".
 */
function numericName(name: string, family: address_family): hostent | null | undefined {
  if (family === 'inet') {
    // gethostbyname(3): digits and dots are an address or nothing; IPv6 text is nothing.
    if (/^[0-9][0-9.]*$/.test(name) && !name.endsWith('.')) {
      const parsed = parse_ipv4_address(name);
      return parsed[0] === 'ok' ? makeHostent(name, [[...parsed[1]]], [], family) : null;
    }
    if (isIP(name) !== 0 || inetAtonSyntax.test(name) || (/^[0-9a-fA-F:]/.test(name) && name.includes(':'))) {
      return null;
    }
    return undefined;
  }
  // getaddrinfo(3) with AF_INET6 and no AI_V4MAPPED.
  if (name.includes(':')) {
    const parsed = parse_ipv6_address(name);
    if (parsed[0] === 'ok' && isIP(name.replace(/%.*$/, '')) === 6) {
      return makeHostent(name, [[...parsed[1]]], [], family);
    }
    return isIP(name.replace(/%.*$/, '')) === 6 ? null : undefined;
  }
  return isIP(name) === 4 || inetAtonSyntax.test(name) ? null : undefined;
}

/**
 * Whether the C library is asked about `name` at all. OTP's port program
 * cannot carry characters beyond Latin-1 (it fails after a timeout) and sends
 * the name as a C string (NUL ends it); such a name, or an empty one,
 * resolves to nothing.
 */
function isLatin1Name(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0 || c > 0xff) return false;
  }
  return true;
}

/** A lookup timeout: milliseconds, or Infinity for OTP's `infinity`. */
type Timeout = number;

/** Checks a `Timeout` argument as OTP does: a non-negative integer or `infinity`, else badarg. */
function timeoutArg(fn: string, timeout: unknown): Timeout {
  if (timeout === 'infinity' || timeout === Infinity) return Infinity;
  if (typeof timeout === 'number' && Number.isInteger(timeout) && timeout >= 0) return timeout;
  throw new ErlangError(
    'badarg',
    `${fn}: the timeout must be a non-negative integer or infinity, got ${describe(timeout)}`,
  );
}

/**
 * Runs a system-resolver step with OTP's timeout: it bounds the call to the
 * resolver (the port program in OTP), not the numeric and hosts-file steps,
 * which answer at once there as here.
 */
async function bounded<T>(step: Promise<T>, timeout: Timeout): Promise<T | 'timeout'> {
  if (timeout === Infinity) return step;
  const clock = getClock();
  let timer: TimerHandle = null;
  const expired = new Promise<'timeout'>(
    (resolve) => (timer = clock.setTimer(timeout, () => resolve('timeout'))),
  );
  try {
    return await Promise.race([step, expired]);
  } finally {
    clock.clearTimer(timer);
  }
}

/** `inet:gethostbyname_tm/4` with `lookup` = `[native]`, for a name already known to be text. */
async function resolveName(
  name: string,
  family: address_family,
  timeout: Timeout = Infinity,
): Promise<['ok', hostent] | HostFailure | ['error', 'timeout']> {
  let found: Found;
  const numeric = numericName(name, family);
  if (numeric !== undefined) {
    found = numeric ?? undefined;
  } else if (isLatin1Name(name)) {
    found = await filesByName(name, family);
    if (found === undefined) {
      const system = await bounded(systemByName(name, family), timeout);
      if (system === 'timeout') return ['error', 'timeout'];
      found = system;
    }
  }
  found ??= selfByName(name, family);
  return found !== undefined ? ['ok', found] : ['error', 'nxdomain'];
}

/**
 * Resolves a host name to a host entry.
 *
 * @param name - The host name: a JS string (an Erlang atom or string), or an
 *   Erlang string as a `List` of character codes. IP address text resolves
 *   as the C library does ("127.0.0.1", "127.1", "::1" for `inet6`).
 * @param family - `'inet'` (the default) or `'inet6'`.
 * @param timeout - milliseconds or `'infinity'` (the default), as gethostbyname/3;
 *   badarg for anything else
 * @returns `{ok, Hostent}` as `['ok', hostent]`, or `{error, Posix}`:
 *   `nxdomain` when the name does not resolve, `einval` for a bad name or
 *   family (a tuple, a number, a family other than `inet`/`inet6`), `timeout`.
 * @example
 * // {ok, #hostent{h_name = "localhost", h_addr_list = [{127,0,0,1}]}} = inet:gethostbyname("localhost")
 * const [ok, ent] = await inet.gethostbyname('localhost');
 * @see https://www.erlang.org/doc/man/inet.html#gethostbyname-1
 */
export async function gethostbyname(
  name: unknown,
  family: unknown = 'inet',
  timeout: unknown = 'infinity',
): Promise<['ok', hostent] | HostFailure | ['error', 'timeout']> {
  const ms = timeoutArg('inet:gethostbyname/3', timeout);
  const text = nameText(name);
  if (text === undefined || !isFamily(family)) return ['error', 'einval'];
  return resolveName(text, family, ms);
}

/**
 * Returns all IP addresses of a host.
 *
 * @param host - An IP address tuple (`[127,0,0,1]`, returned as it is when
 *   valid and of the family) or a host name (a JS string or a `List` of codes).
 * @param family - `'inet'` or `'inet6'`.
 * @param timeout - milliseconds or `'infinity'` (the default), as getaddrs/3
 * @returns `{ok, Addresses}` as `['ok', List of tuples]`, or `{error, Posix}`:
 *   `nxdomain`, `einval` (bad tuple, empty or non-printable name, bad family),
 *   `eafnosupport` (a valid tuple of the other family), `timeout`.
 * @example
 * // {ok, [{127,0,0,1}]} = inet:getaddrs("localhost", inet)
 * const [ok, addrs] = await inet.getaddrs('localhost', 'inet');
 * @see https://www.erlang.org/doc/man/inet.html#getaddrs-2
 */
export async function getaddrs(
  host: unknown,
  family: unknown,
  timeout: unknown = 'infinity',
): Promise<['ok', List<number[]>] | HostFailure | ['error', 'timeout']> {
  const ms = timeoutArg('inet:getaddrs/3', timeout);
  if (Array.isArray(host) && !isList(host) && (host.length === 4 || host.length === 8)) {
    const valid = host.length === 4 ? is_ipv4_address(host) : is_ipv6_address(host);
    if (!valid) return ['error', 'einval'];
    if (family !== (host.length === 4 ? 'inet' : 'inet6')) return ['error', 'eafnosupport'];
    const out = new List<number[]>();
    out.push(host.map(Number));
    return ['ok', out];
  }
  const text = nameText(host);
  if (text === undefined || !isVisible(text) || !isFamily(family)) return ['error', 'einval'];
  const result = await resolveName(text, family, ms);
  return result[0] === 'ok' ? ['ok', result[1].h_addr_list] : result;
}

/**
 * Returns the first IP address of a host.
 *
 * @param host - An IP address tuple or a host name, as for {@link getaddrs}.
 * @param family - `'inet'` or `'inet6'`.
 * @param timeout - milliseconds or `'infinity'` (the default), as getaddr/3
 * @returns `{ok, Address}` as `['ok', tuple]`, or `{error, Posix}` as {@link getaddrs}.
 * @example
 * // {ok, {127,0,0,1}} = inet:getaddr("localhost", inet)
 * const [ok, ip] = await inet.getaddr('localhost', 'inet');
 * @see https://www.erlang.org/doc/man/inet.html#getaddr-2
 */
export async function getaddr(
  host: unknown,
  family: unknown,
  timeout: unknown = 'infinity',
): Promise<['ok', number[]] | HostFailure | ['error', 'timeout']> {
  timeoutArg('inet:getaddr/3', timeout);
  const result = await getaddrs(host, family, timeout);
  if (result[0] === 'error') return result;
  const first = result[1][0];
  return first === undefined ? ['error', 'nxdomain'] : ['ok', first];
}

/**
 * Returns a host entry for an IP address.
 *
 * @param address - An IP address tuple, or its text as `parse_address`
 *   reads it ("127.0.0.1", "127.1", "::1"). Only the tuples
 *   `[127,0,0,1]` and `[0,0,0,0,0,0,0,1]` fall back to the host's own name.
 * @param timeout - milliseconds or `'infinity'` (the default), as gethostbyaddr/2
 * @returns `{ok, Hostent}` as `['ok', hostent]` whose `h_addr_list` is the
 *   address, or `{error, Posix}`: `nxdomain` when the address has no name,
 *   `einval` when it is not an address.
 * @example
 * // {ok, #hostent{h_name = "localhost"}} = inet:gethostbyaddr({127,0,0,1})
 * const [ok, ent] = await inet.gethostbyaddr([127, 0, 0, 1]);
 * @see https://www.erlang.org/doc/man/inet.html#gethostbyaddr-1
 */
export async function gethostbyaddr(
  address: unknown,
  timeout: unknown = 'infinity',
): Promise<['ok', hostent] | HostFailure | ['error', 'timeout']> {
  const ms = timeoutArg('inet:gethostbyaddr/2', timeout);
  let ip: number[] | undefined;
  const isTuple = Array.isArray(address) && !isList(address);
  if (isTuple) {
    // inet_gethost_native checks integers and their upper bound only; a
    // negative field passes and finds no name.
    const size = address.length;
    const max = size === 4 ? 255 : 65535;
    const fields = (address as unknown[]).map((x) => (typeof x === 'bigint' ? Number(x) : x));
    if ((size === 4 || size === 8) && fields.every((x) => Number.isInteger(x) && (x as number) <= max)) {
      ip = fields as number[];
      if (ip.some((x) => x < 0)) return ['error', 'nxdomain'];
    }
  } else {
    const text = nameText(address);
    if (text !== undefined) {
      const parsed = parse_address(text);
      if (parsed[0] === 'ok') ip = [...parsed[1]];
    }
  }
  if (ip === undefined) return ['error', 'einval'];
  const family: address_family = ip.length === 4 ? 'inet' : 'inet6';
  let found = await filesByAddr(ip, family);
  if (found === undefined) {
    const system = await bounded(systemByAddr(ip, family), ms);
    if (system === 'timeout') return ['error', 'timeout'];
    found = system;
  }
  // OTP's fallback matches the tuple {127,0,0,1} or {0,0,0,0,0,0,0,1}, not their text.
  const isLoopback = ip.every((x, i) => x === loopback(family)[i]);
  if (found === undefined && isTuple && isLoopback) found = selfByAddr(ip, family);
  return found !== undefined ? ['ok', found] : ['error', 'nxdomain'];
}

/**
 * Returns the local host name, without its domain. Never fails.
 *
 * @returns `{ok, Hostname}` as `['ok', string]` (a JS string).
 * @example
 * // {ok, Hostname} = inet:gethostname()
 * const [ok, name] = inet.gethostname();
 * @see https://www.erlang.org/doc/man/inet.html#gethostname-0
 */
export function gethostname(): ['ok', string] {
  try {
    return ['ok', selfName()];
  } catch {
    return ['ok', 'nohost.nodomain'];
  }
}
