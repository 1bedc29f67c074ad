/**
 * inet's address functions — `parse_address` and its five siblings, `ntoa`,
 * `ipv4_mapped_ipv6_address` and the `is_*_address` predicates — with OTP 25's
 * results term for term, rejections and odd inputs included.
 *
 * Addresses are tuples, so JS arrays of numbers (DESIGN §2): `{127,0,0,1}` is
 * `[127, 0, 0, 1]`. Address text goes in as an Erlang string (a JS string, or
 * an array of character codes) and comes out of `ntoa` as a JS string.
 * Everything here is synchronous and touches no socket; the parsing itself
 * lives in `address-parse.ts`.
 *
 * @module
 */
import { ErlangError, is_tuple } from 'erlts';
import { ipv4Addr, ipv4StrictAddr, ipv6Addr, isInvalid, toCodes } from './address-parse.js';
import { describe } from '../../runtime/internal/driver-api.js';

/** An IPv4 address: `{A, B, C, D}`, each 0..255. */
export type ip4_address = readonly [number, number, number, number];

/** An IPv6 address: `{A, B, C, D, E, F, G, H}`, each 0..65535. */
export type ip6_address = readonly [number, number, number, number, number, number, number, number];

/** An IPv4 or IPv6 address. */
export type ip_address = ip4_address | ip6_address;

/** What the parse functions take: an Erlang string, as a JS string or an array of character codes. */
export type address_string = string | readonly number[];

/** `{error, einval}`. */
export type einval = ['error', 'einval'];

function einval(): einval {
  return ['error', 'einval'];
}

/** Runs one of OTP's parsers: `{ok, Address}`, or `undefined` where OTP raises `badarg` inside its `try`. */
function attempt<T>(parse: () => T): ['ok', T] | undefined {
  try {
    return ['ok', parse()];
  } catch (e) {
    if (isInvalid(e)) return undefined;
    throw e;
  }
}

/** OTP's `function_clause` for an argument that is not a list where only a list matches. */
function noClause(fn: string, value: unknown): never {
  throw new ErlangError(
    'function_clause',
    `No function clause matching inet:${fn}(${describe(value)}): the address must be a string (a JS string or an array of character codes)`,
  );
}

/**
 * The fields of `value` as numbers when it is a tuple of `size` integers, each
 * in 0..`max`; otherwise `undefined`. (A `bigint` is an integer too.)
 */
function fieldsInRange(value: unknown, size: number, max: number): number[] | undefined {
  if (!is_tuple(value) || value.length !== size) return undefined;
  const fields: number[] = [];
  for (let i = 0; i < size; i++) {
    const e: unknown = value[i];
    const n = typeof e === 'bigint' ? Number(e) : e;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max) return undefined;
    fields.push(n);
  }
  return fields;
}

/**
 * Parses an IPv4 or IPv6 address string, accepting the short IPv4 forms.
 *
 * IPv4 is tried first in the loose syntax of `parse_ipv4_address` ("127.1",
 * "0x7f.1", octal "0177.0.0.1"), then IPv6 in the syntax of
 * `parse_ipv6strict_address`. A `%scope` suffix is accepted on link-local
 * IPv6 addresses only: "fe80::1%eth0" parses, "1.2.3.4%eth0" does not.
 * Anything that is not a string gives `{error, einval}`.
 *
 * @param address - the text, as a JS string or an array of character codes
 * @returns `{ok, IPAddress}` as `['ok', [...]]`, or `{error, einval}` as `['error', 'einval']`
 * @example
 * // inet:parse_address("::1")            %=> {ok,{0,0,0,0,0,0,0,1}}
 * inet.parse_address('::1'); //           => ['ok', [0, 0, 0, 0, 0, 0, 0, 1]]
 * // inet:parse_address("127.1")          %=> {ok,{127,0,0,1}}
 * inet.parse_address('127.1'); //         => ['ok', [127, 0, 0, 1]]
 * @see https://www.erlang.org/docs/25/man/inet.html#parse_address-1
 */
export function parse_address(address: address_string): ['ok', ip_address] | einval {
  const cs = toCodes(address);
  if (cs === undefined) return einval();
  return (
    (attempt(() => ipv4Addr(cs)) as ['ok', ip4_address] | undefined) ??
    (attempt(() => ipv6Addr(cs)) as ['ok', ip6_address] | undefined) ??
    einval()
  );
}

/**
 * Parses an IPv4 or IPv6 address string, requiring IPv4 addresses to have all
 * four decimal fields.
 *
 * IPv4 is tried in the syntax of `parse_ipv4strict_address`, then IPv6 in the
 * syntax of `parse_ipv6strict_address`. Anything that is not a string gives
 * `{error, einval}`.
 *
 * @param address - the text, as a JS string or an array of character codes
 * @returns `{ok, IPAddress}` as `['ok', [...]]`, or `{error, einval}` as `['error', 'einval']`
 * @example
 * // inet:parse_strict_address("127.0.0.1") %=> {ok,{127,0,0,1}}
 * inet.parse_strict_address('127.0.0.1'); // => ['ok', [127, 0, 0, 1]]
 * // inet:parse_strict_address("127.1")     %=> {error,einval}
 * inet.parse_strict_address('127.1'); //     => ['error', 'einval']
 * @see https://www.erlang.org/docs/25/man/inet.html#parse_strict_address-1
 */
export function parse_strict_address(address: address_string): ['ok', ip_address] | einval {
  const cs = toCodes(address);
  if (cs === undefined) return einval();
  return (
    (attempt(() => ipv4StrictAddr(cs)) as ['ok', ip4_address] | undefined) ??
    (attempt(() => ipv6Addr(cs)) as ['ok', ip6_address] | undefined) ??
    einval()
  );
}

/**
 * Parses an IPv4 address string, accepting the short and C-style forms.
 *
 * One to four dot-separated fields, each decimal, octal (a leading `0`) or
 * hexadecimal (`0x`/`0X`); the last field fills all the remaining low bytes,
 * so "127.1" is `{127,0,0,1}` and "4244504319" is `{252,253,254,255}`.
 * As in OTP a field may carry a sign that does not make it negative:
 * "+1.2.3.4" and "-0.1.2.3" parse. An argument that is not a list raises.
 *
 * @param address - the text, as a JS string or an array of character codes
 * @returns `{ok, IPv4Address}` as `['ok', [A, B, C, D]]`, or `{error, einval}` as `['error', 'einval']`
 * @throws ErlangError `function_clause`, as OTP, when `address` is not a string
 * @example
 * // inet:parse_ipv4_address("0x7f.1")    %=> {ok,{127,0,0,1}}
 * inet.parse_ipv4_address('0x7f.1'); //   => ['ok', [127, 0, 0, 1]]
 * @see https://www.erlang.org/docs/25/man/inet.html#parse_ipv4_address-1
 */
export function parse_ipv4_address(address: address_string): ['ok', ip4_address] | einval {
  const cs = toCodes(address);
  if (cs === undefined) return noClause('parse_ipv4_address', address);
  return attempt(() => ipv4Addr(cs)) ?? einval();
}

/**
 * Parses an IPv4 address string of exactly four decimal fields.
 *
 * Each field is 0..255 written with one to three characters and no leading
 * zero ("01.2.3.4" is rejected). An argument that is not a list raises.
 *
 * @param address - the text, as a JS string or an array of character codes
 * @returns `{ok, IPv4Address}` as `['ok', [A, B, C, D]]`, or `{error, einval}` as `['error', 'einval']`
 * @throws ErlangError `function_clause`, as OTP, when `address` is not a string
 * @example
 * // inet:parse_ipv4strict_address("192.168.42.2") %=> {ok,{192,168,42,2}}
 * inet.parse_ipv4strict_address('192.168.42.2'); // => ['ok', [192, 168, 42, 2]]
 * @see https://www.erlang.org/docs/25/man/inet.html#parse_ipv4strict_address-1
 */
export function parse_ipv4strict_address(address: address_string): ['ok', ip4_address] | einval {
  const cs = toCodes(address);
  if (cs === undefined) return noClause('parse_ipv4strict_address', address);
  return attempt(() => ipv4StrictAddr(cs)) ?? einval();
}

/**
 * Parses an IPv6 address string; an IPv4 address string gives its IPv4-mapped
 * IPv6 address.
 *
 * IPv4 text in the loose syntax of `parse_ipv4_address` becomes
 * `{0,0,0,0,0,16#ffff,...}`; anything else is parsed as by
 * `parse_ipv6strict_address`. An argument that is not a list raises.
 *
 * @param address - the text, as a JS string or an array of character codes
 * @returns `{ok, IPv6Address}` as `['ok', [...8 groups]]`, or `{error, einval}` as `['error', 'einval']`
 * @throws ErlangError `function_clause`, as OTP, when `address` is not a string
 * @example
 * // inet:parse_ipv6_address("192.168.42.2") %=> {ok,{0,0,0,0,0,65535,49320,10754}}
 * inet.parse_ipv6_address('192.168.42.2'); // => ['ok', [0, 0, 0, 0, 0, 65535, 49320, 10754]]
 * @see https://www.erlang.org/docs/25/man/inet.html#parse_ipv6_address-1
 */
export function parse_ipv6_address(address: address_string): ['ok', ip6_address] | einval {
  const cs = toCodes(address);
  if (cs === undefined) return noClause('parse_ipv6_address', address);
  const v4 = attempt(() => ipv4Addr(cs));
  if (v4 !== undefined) return ['ok', ipv4ToMapped(v4[1])];
  return (attempt(() => ipv6Addr(cs)) as ['ok', ip6_address] | undefined) ?? einval();
}

/**
 * Parses an IPv6 address string.
 *
 * Eight hex groups of one to four digits, at most one `::`, optionally a
 * dotted-quad IPv4 address (four strict decimal fields) as the last 32 bits,
 * and on fe80::/ff02:: addresses a `%scope` suffix: `%0<decimal>` sets the
 * second group to that number, any other text (an interface name) leaves it 0.
 * Anything that is not a string gives `{error, einval}`.
 *
 * @param address - the text, as a JS string or an array of character codes
 * @returns `{ok, IPv6Address}` as `['ok', [...8 groups]]`, or `{error, einval}` as `['error', 'einval']`
 * @example
 * // inet:parse_ipv6strict_address("::FFFF:192.168.42.2") %=> {ok,{0,0,0,0,0,65535,49320,10754}}
 * inet.parse_ipv6strict_address('::FFFF:192.168.42.2'); // => ['ok', [0, 0, 0, 0, 0, 65535, 49320, 10754]]
 * // inet:parse_ipv6strict_address("fe80::1%eth0")        %=> {ok,{65152,0,0,0,0,0,0,1}}
 * inet.parse_ipv6strict_address('fe80::1%eth0'); //        => ['ok', [65152, 0, 0, 0, 0, 0, 0, 1]]
 * @see https://www.erlang.org/docs/25/man/inet.html#parse_ipv6strict_address-1
 */
export function parse_ipv6strict_address(address: address_string): ['ok', ip6_address] | einval {
  const cs = toCodes(address);
  if (cs === undefined) return einval();
  return (attempt(() => ipv6Addr(cs)) as ['ok', ip6_address] | undefined) ?? einval();
}

function ipv4ToMapped([a, b, c, d]: ip4_address): ip6_address {
  return [0, 0, 0, 0, 0, 0xffff, a * 256 + b, c * 256 + d];
}

/** An integer as `inet` hands it back: a number when it is safe, a bigint beyond. */
function toInteger(big: bigint): number | bigint {
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

/** The elements of a tuple of `size` integers as bigints, or `undefined`. */
function bigIntegers(value: unknown, size: number): bigint[] | undefined {
  if (!is_tuple(value) || value.length !== size) return undefined;
  const out: bigint[] = [];
  for (let i = 0; i < size; i++) {
    const e: unknown = value[i];
    if (typeof e === 'bigint') out.push(e);
    else if (typeof e === 'number' && Number.isInteger(e)) out.push(BigInt(e));
    else return undefined;
  }
  return out;
}

/**
 * Converts an IPv4 address to its IPv4-mapped IPv6 address, or back.
 *
 * From IPv6 only the two low groups are read, so the reverse direction works
 * on any IPv6 address, not only `::ffff:0:0/96`. OTP's guards compare the
 * bitwise OR of the fields, so a tuple with a negative field passes them and
 * gets the matching bit arithmetic (`{-1,1000,0,0}` gives
 * `{0,0,0,0,0,65535,-24,0}`), exactly as in OTP.
 *
 * @param address - `{A,B,C,D}` or `{A,B,C,D,E,F,G,H}` as an array
 * @returns `{0,0,0,0,0,16#ffff,A bsl 8 bor B,C bsl 8 bor D}` for IPv4, `{G bsr 8,G band 255,H bsr 8,H band 255}` for IPv6
 * @throws ErlangError `function_clause`, as OTP, for anything else (wrong size, a field too big, a non-integer)
 * @example
 * // inet:ipv4_mapped_ipv6_address({192,168,42,2})          %=> {0,0,0,0,0,65535,49320,10754}
 * inet.ipv4_mapped_ipv6_address([192, 168, 42, 2]); //        => [0, 0, 0, 0, 0, 65535, 49320, 10754]
 * // inet:ipv4_mapped_ipv6_address({0,0,0,0,0,65535,49320,10754}) %=> {192,168,42,2}
 * inet.ipv4_mapped_ipv6_address([0, 0, 0, 0, 0, 65535, 49320, 10754]); // => [192, 168, 42, 2]
 * @see https://www.erlang.org/docs/25/man/inet.html#ipv4_mapped_ipv6_address-1
 */
export function ipv4_mapped_ipv6_address(address: ip4_address): ip6_address;
export function ipv4_mapped_ipv6_address(address: ip6_address): ip4_address;
export function ipv4_mapped_ipv6_address(address: ip_address): ip_address;
export function ipv4_mapped_ipv6_address(address: ip_address): ip_address {
  const v4 = fieldsInRange(address, 4, 255);
  if (v4 !== undefined) return ipv4ToMapped(v4 as unknown as ip4_address);
  const v6 = fieldsInRange(address, 8, 65535);
  if (v6 !== undefined) {
    const g = v6[6] ?? 0;
    const h = v6[7] ?? 0;
    return [g >> 8, g & 255, h >> 8, h & 255];
  }
  // The rare path: integers outside the ranges, which OTP's `bor` guards still let through.
  const big4 = bigIntegers(address, 4);
  if (big4 !== undefined && big4.reduce((x, y) => x | y) < 256n) {
    const [a = 0n, b = 0n, c = 0n, d = 0n] = big4;
    return [
      0,
      0,
      0,
      0,
      0,
      0xffff,
      toInteger((a << 8n) | b),
      toInteger((c << 8n) | d),
    ] as unknown as ip6_address;
  }
  const big8 = bigIntegers(address, 8);
  if (big8 !== undefined && big8.reduce((x, y) => x | y) < 65536n) {
    const [, , , , , , g = 0n, h = 0n] = big8;
    return [g >> 8n, g & 255n, h >> 8n, h & 255n].map(toInteger) as unknown as ip4_address;
  }
  return noClause('ipv4_mapped_ipv6_address', address);
}

/** The decimal text of `x`'s two bytes, as `inet_parse:dig_to_dec/1`: "192.168". */
function bytePair(x: number): string {
  return `${x >> 8}.${x & 255}`;
}

/**
 * IPv6 text with the first longest run of two or more zero groups written as
 * `::` (RFC 5952's rule, as `inet_parse:ntoa/2` applies it); a single zero
 * group stays "0".
 */
function compressGroups(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (g: readonly number[]): string => g.map((x) => x.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

/**
 * Formats an IPv4 or IPv6 address as text.
 *
 * IPv4 as "a.b.c.d". IPv6 in lowercase hex with the first longest run of zero
 * groups as `::`, and OTP's special forms: `::a.b.c.d` for any address whose
 * first six groups are zero (so `{0,0,0,0,0,0,0,2}` is "::0.0.0.2", though
 * `::` and `::1` stay as they are), `::ffff:a.b.c.d` for IPv4-mapped addresses,
 * and a scope suffix `%0<decimal>` for fe80::/ff02:: addresses whose second
 * group is not zero (the inverse of the parsers' `%scope`).
 *
 * @param address - `{A,B,C,D}` or `{A,B,C,D,E,F,G,H}` as an array
 * @returns the text as a JS string (OTP returns a char list), or `{error, einval}` as `['error', 'einval']`
 *   for anything that is not an IPv4 or IPv6 address
 * @example
 * // inet:ntoa({127,0,0,1})                    %=> "127.0.0.1"
 * inet.ntoa([127, 0, 0, 1]); //                 => '127.0.0.1'
 * // inet:ntoa({16#fe80,0,0,0,16#204,16#acff,16#fe17,16#bf38}) %=> "fe80::204:acff:fe17:bf38"
 * inet.ntoa([0xfe80, 0, 0, 0, 0x204, 0xacff, 0xfe17, 0xbf38]); // => 'fe80::204:acff:fe17:bf38'
 * @see https://www.erlang.org/docs/25/man/inet.html#ntoa-1
 */
export function ntoa(address: unknown): string | einval {
  const v4 = fieldsInRange(address, 4, 255);
  if (v4 !== undefined) return v4.join('.');
  const v6 = fieldsInRange(address, 8, 65535);
  if (v6 === undefined) return einval();
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = v6;
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0) {
    if (f === 0) {
      if (g === 0 && h <= 1) return h === 0 ? '::' : '::1';
      return `::${bytePair(g)}.${bytePair(h)}`;
    }
    if (f === 0xffff) return `::ffff:${bytePair(g)}.${bytePair(h)}`;
  }
  if ((a === 0xfe80 || a === 0xff02) && b !== 0) return `${compressGroups([a, 0, c, d, e, f, g, h])}%0${b}`;
  return compressGroups(v6);
}

/**
 * Tests whether a term is an IPv4 address: a 4-tuple of integers 0..255.
 *
 * @param address - any term
 * @returns `true` or `false`
 * @example
 * // inet:is_ipv4_address({127,0,0,1})   %=> true
 * inet.is_ipv4_address([127, 0, 0, 1]); // => true
 * // inet:is_ipv4_address({0,0,0,256})   %=> false
 * inet.is_ipv4_address([0, 0, 0, 256]); // => false
 * @see https://www.erlang.org/docs/25/man/inet.html#is_ipv4_address-1
 */
export function is_ipv4_address(address: unknown): address is ip4_address {
  return fieldsInRange(address, 4, 255) !== undefined;
}

/**
 * Tests whether a term is an IPv6 address: an 8-tuple of integers 0..65535.
 *
 * @param address - any term
 * @returns `true` or `false`
 * @example
 * // inet:is_ipv6_address({0,0,0,0,0,0,0,1})      %=> true
 * inet.is_ipv6_address([0, 0, 0, 0, 0, 0, 0, 1]); // => true
 * @see https://www.erlang.org/docs/25/man/inet.html#is_ipv6_address-1
 */
export function is_ipv6_address(address: unknown): address is ip6_address {
  return fieldsInRange(address, 8, 65535) !== undefined;
}

/**
 * Tests whether a term is an IPv4 or IPv6 address.
 *
 * @param address - any term
 * @returns `true` or `false`
 * @example
 * // inet:is_ip_address("0.0.0.0")   %=> false
 * inet.is_ip_address('0.0.0.0'); //   => false
 * @see https://www.erlang.org/docs/25/man/inet.html#is_ip_address-1
 */
export function is_ip_address(address: unknown): address is ip_address {
  return is_ipv4_address(address) || is_ipv6_address(address);
}

/** A socket's IP endpoint as inet gives it: `{IP, Port}`. */
export type IpEndpoint = readonly [ip_address, number];

/**
 * A Node address and port as `{IP, Port}` (a v4-mapped IPv6 address as the IPv4 one, as a
 * dual-stack socket's peer reads in OTP), or null when Node has none.
 * @param address - Node's text form
 * @param port - the port number
 */
export function endpointOf(address: string | undefined, port: number | undefined): IpEndpoint | null {
  if (address === undefined || port === undefined) return null;
  const parsed = parse_address(
    address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address,
  );
  return parsed[0] === 'ok' ? [parsed[1], port] : null;
}

/**
 * An address as Node takes it: `any` and `loopback` for the family, or the tuple's text.
 * @param ip - an address tuple, `any` or `loopback`
 * @param family - the socket's family
 */
export function hostOf(ip: readonly number[] | 'any' | 'loopback', family: string): string {
  if (ip === 'any') return family === 'inet6' ? '::' : '0.0.0.0';
  if (ip === 'loopback') return family === 'inet6' ? '::1' : '127.0.0.1';
  return ntoa(ip) as string;
}
