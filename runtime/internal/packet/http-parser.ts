/**
 * HTTP packet parsing: one framed line (request line, status line or header)
 * into OTP's HttpPacket term. A port of `packet_parse_http` (OTP
 * erts/emulator/beam/packet_parser.c) and the term builders of
 * `decode_packet/3` (erl_bif_port.c), as integer-state loops over the bytes.
 *
 * Strings are Erlang strings under DESIGN §2: a `List` of byte values for
 * `http`/`httph`, a Buffer (a view of the input, as OTP's sub-binaries) for
 * `http_bin`/`httph_bin`. Integers are C ints, so absurdly long digit runs
 * wrap exactly as OTP's do.
 */
import { List } from '../terms.js';
import type { FramingState } from './framing.js';

/** An Erlang string in an HTTP packet: a list of bytes (`http`) or a binary (`http_bin`). */
export type HttpString = List<number> | Buffer;

/** HttpUri: `'*' | {absoluteURI, Scheme, Host, Port, Path} | {scheme, Scheme, String} | {abs_path, Path} | String`. */
export type HttpUri =
  | '*'
  | ['abs_path', HttpString]
  | ['absoluteURI', 'http' | 'https', HttpString, number | 'undefined', HttpString]
  | ['scheme', HttpString, HttpString]
  | HttpString;

/** HttpPacket, as `decode_packet/3` returns it for the http types. */
export type HttpPacket =
  | ['http_request', string | HttpString, HttpUri, [number, number]]
  | ['http_response', [number, number], number, HttpString]
  | ['http_header', number, string | HttpString, HttpString, HttpString]
  | 'http_eoh'
  | ['http_error', HttpString];

/** OTP's known header names; a header's index in `{http_header, Index, ...}` is its position + 1. */
export const HTTP_HEADERS: readonly string[] = [
  'Cache-Control',
  'Connection',
  'Date',
  'Pragma',
  'Transfer-Encoding',
  'Upgrade',
  'Via',
  'Accept',
  'Accept-Charset',
  'Accept-Encoding',
  'Accept-Language',
  'Authorization',
  'From',
  'Host',
  'If-Modified-Since',
  'If-Match',
  'If-None-Match',
  'If-Range',
  'If-Unmodified-Since',
  'Max-Forwards',
  'Proxy-Authorization',
  'Range',
  'Referer',
  'User-Agent',
  'Age',
  'Location',
  'Proxy-Authenticate',
  'Public',
  'Retry-After',
  'Server',
  'Vary',
  'Warning',
  'Www-Authenticate',
  'Allow',
  'Content-Base',
  'Content-Encoding',
  'Content-Language',
  'Content-Length',
  'Content-Location',
  'Content-Md5',
  'Content-Range',
  'Content-Type',
  'Etag',
  'Expires',
  'Last-Modified',
  'Accept-Ranges',
  'Set-Cookie',
  'Set-Cookie2',
  'X-Forwarded-For',
  'Cookie',
  'Keep-Alive',
  'Proxy-Connection',
];

/** OTP's known methods (matched case-sensitively); others come back as strings. */
export const HTTP_METHODS: readonly string[] = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE'];

const HTTP_MAX_NAME_LEN = 50;
const SP = 32;
const HT = 9;
const CR = 13;
const NL = 10;

/** Token characters: 33..127 except HTTP's separators (OTP's tspecial table, inverted). */
const token = new Uint8Array(256);
for (let c = 33; c < 128; c++) token[c] = 1;
for (const ch of '()<>@,;:\\"/[]?={} \t') token[ch.charCodeAt(0)] = 0;

interface Known {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly index: number;
}

function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

function table(names: readonly string[]): Map<number, Known[]> {
  const m = new Map<number, Known[]>();
  names.forEach((name, index) => {
    let h = 0;
    const bytes = new Uint8Array(name.length);
    for (let i = 0; i < name.length; i++) {
      bytes[i] = name.charCodeAt(i);
      h = hashStep(h, bytes[i]!);
    }
    const bucket = m.get(h) ?? [];
    bucket.push({ name, bytes, index });
    m.set(h, bucket);
  });
  return m;
}

const headerTable = table(HTTP_HEADERS);
const methodTable = table(HTTP_METHODS);

function lookup(
  t: Map<number, Known[]>,
  h: number,
  bytes: Uint8Array,
  from: number,
  len: number,
): Known | null {
  const bucket = t.get(h);
  if (bucket === undefined) return null;
  outer: for (const k of bucket) {
    if (k.bytes.length !== len) continue;
    for (let i = 0; i < len; i++) if (k.bytes[i] !== bytes[from + i]) continue outer;
    return k;
  }
  return null;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

function isSp(c: number | undefined): boolean {
  return c === SP || c === HT;
}

/** Bytes `[from, to)` of `buf` as an Erlang string of the packet's mode. */
export function httpString(buf: Uint8Array, from: number, to: number, asBin: boolean): HttpString {
  if (asBin) {
    return Buffer.isBuffer(buf) ? buf.subarray(from, to) : Buffer.from(buf.subarray(from, to));
  }
  const l = new List<number>();
  for (let i = from; i < to; i++) l.push(buf[i]!);
  return l;
}

function stringOf(text: string, asBin: boolean): HttpString {
  const bytes = Buffer.from(text, 'latin1');
  return asBin ? bytes : httpString(bytes, 0, bytes.length, false);
}

/** Case-insensitive "http://" / "https://" prefix test at `p`. */
function hasPrefixCI(buf: Buffer, p: number, end: number, prefix: string): boolean {
  if (end - p < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    let c = buf[p + i]!;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

function parseUri(buf: Buffer, p: number, end: number, asBin: boolean): HttpUri {
  const len = end - p;
  if (len === 1 && buf[p] === 42) return '*';
  if (len <= 1 || buf[p] === 47) return ['abs_path', httpString(buf, p, end, asBin)];
  const scheme = hasPrefixCI(buf, p, end, 'http://')
    ? 'http'
    : hasPrefixCI(buf, p, end, 'https://')
      ? 'https'
      : null;
  if (scheme !== null) return parseAbsoluteUri(buf, p + scheme.length + 3, end, scheme, asBin);
  let colon = p;
  while (colon < end && buf[colon] !== 58) colon++;
  if (colon === end) return httpString(buf, p, end, asBin);
  return ['scheme', httpString(buf, p, colon, asBin), httpString(buf, colon + 1, end, asBin)];
}

/** `host[:port][/path]` after the scheme; OTP 25 takes the first ':' as the port separator. */
function parseAbsoluteUri(
  buf: Buffer,
  p: number,
  end: number,
  scheme: 'http' | 'https',
  asBin: boolean,
): HttpUri {
  let slash = -1;
  for (let i = p; i < end; i++) {
    if (buf[i] === 47) {
      slash = i;
      break;
    }
  }
  const hostEnd = slash < 0 ? end : slash;
  const path = slash < 0 ? stringOf('/', asBin) : httpString(buf, slash, end, asBin);
  let colon = -1;
  for (let i = p; i < hostEnd; i++) {
    if (buf[i] === 58) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return ['absoluteURI', scheme, httpString(buf, p, hostEnd, asBin), 'undefined', path];
  let port = 0;
  let q = colon + 1;
  while (q < hostEnd && isDigit(buf[q])) port = (Math.imul(port, 10) + (buf[q++]! - 48)) | 0;
  const portTerm = q === hostEnd && port !== 0 ? port : 'undefined';
  return ['absoluteURI', scheme, httpString(buf, p, colon, asBin), portTerm, path];
}

/** Reads `HTTP/Major.Minor` digits at `p`; returns the end or -1, writing into `ver`. */
function parseVersion(buf: Buffer, p: number, end: number, ver: [number, number]): number {
  let major = 0;
  let q = p;
  while (q < end && isDigit(buf[q])) major = (Math.imul(major, 10) + (buf[q++]! - 48)) | 0;
  if (q === p || q === end || buf[q] !== 46) return -1;
  q++;
  const p0 = q;
  let minor = 0;
  while (q < end && isDigit(buf[q])) minor = (Math.imul(minor, 10) + (buf[q++]! - 48)) | 0;
  if (q === p0) return -1;
  ver[0] = major;
  ver[1] = minor;
  return q;
}

function startsWithHttpSlash(buf: Buffer, p: number): boolean {
  return buf[p] === 72 && buf[p + 1] === 84 && buf[p + 2] === 84 && buf[p + 3] === 80 && buf[p + 4] === 47;
}

function sameBytes(buf: Buffer, start: number, name: Uint8Array, len: number): boolean {
  for (let i = 0; i < len; i++) if (buf[start + i] !== name[i]) return false;
  return true;
}

/** Scratch for header-name normalisation (OTP's name_buf). */
const nameBuf = new Uint8Array(HTTP_MAX_NAME_LEN);

/**
 * Parses one framed HTTP line `buf[start, start+len)` (its line end included),
 * updating `state.http` as OTP does; null when the line is malformed (the
 * caller then gives `{http_error, Line}`).
 */
function parseLine(
  buf: Buffer,
  start: number,
  len: number,
  state: FramingState,
  asBin: boolean,
): HttpPacket | null {
  let end = start + len;
  // remove the trailing CRLF (or LF)
  if (len >= 2 && buf[end - 2] === CR) end -= 2;
  else if (len >= 1 && buf[end - 1] === NL) end -= 1;
  let p = start;

  if (state.http === 0) {
    if (end - p >= 5 && startsWithHttpSlash(buf, p)) {
      // Status-Line = HTTP-Version SP Status-Code SP Reason-Phrase
      const ver: [number, number] = [0, 0];
      p = parseVersion(buf, p + 5, end, ver);
      if (p < 0) return null;
      const p0 = p;
      while (p < end && isSp(buf[p])) p++;
      if (p === p0) return null;
      let status = 0;
      while (p < end && isDigit(buf[p])) status = (Math.imul(status, 10) + (buf[p++]! - 48)) | 0;
      const p1 = p;
      while (p < end && isSp(buf[p])) p++;
      if (p === p1 && p < end) return null;
      state.http = 1;
      return ['http_response', ver, status, httpString(buf, p, end, asBin)];
    }
    // Request-Line = Method SP Request-URI SP HTTP-Version
    let h = 0;
    while (p < end && token[buf[p]!] === 1) h = hashStep(h, buf[p++]!);
    const methLen = p - start;
    if (p === end || methLen === 0 || !isSp(buf[p])) return null;
    const known = lookup(methodTable, h, buf, start, methLen);
    while (p < end && isSp(buf[p])) p++;
    const uriStart = p;
    while (p < end && !isSp(buf[p])) p++;
    const uriEnd = p;
    if (uriEnd === uriStart) return null;
    while (p < end && isSp(buf[p])) p++;
    const ver: [number, number] = [0, 9];
    if (p < end) {
      if (end - p < 8 || !startsWithHttpSlash(buf, p)) return null;
      if (parseVersion(buf, p + 5, end, ver) < 0) return null;
    }
    state.http = 1;
    const method = known !== null ? known.name : httpString(buf, start, start + methLen, asBin);
    return ['http_request', method, parseUri(buf, uriStart, uriEnd, asBin), ver];
  }

  if (p === end) {
    state.http = 0; // end of headers: ready for the next request
    return 'http_eoh';
  }
  // Header name: capitalised per dash-separated word, as OTP does.
  let up = true;
  let h = 0;
  let nameLen = 0;
  while (token[buf[p]!] === 1) {
    if (nameLen < HTTP_MAX_NAME_LEN) {
      let c = buf[p]!;
      if (up) {
        if (c >= 97 && c <= 122) c -= 32;
        up = false;
      } else if (c >= 65 && c <= 90) c += 32;
      else if (c === 45) up = true;
      nameBuf[nameLen] = c;
      h = hashStep(h, c);
    }
    nameLen++;
    p++;
    if (p === end) return null;
  }
  if (buf[p] !== 58) return null;
  const unmodified = httpString(buf, start, start + nameLen, asBin);
  let field: string | HttpString = unmodified; // a name too long to normalise stays as sent
  let index = 0;
  if (nameLen <= HTTP_MAX_NAME_LEN) {
    const known = lookup(headerTable, h, nameBuf, 0, nameLen);
    if (known !== null) {
      field = known.name;
      index = known.index + 1;
    } else if (!asBin) {
      field = httpString(nameBuf, 0, nameLen, false);
    } else if (!sameBytes(buf, start, nameBuf, nameLen)) {
      field = Buffer.from(nameBuf.subarray(0, nameLen));
    } // else sent in canonical case: the same binary serves (Erlang binaries are immutable)
  }
  p++;
  while (p < end && isSp(buf[p])) p++;
  return ['http_header', index, field, unmodified, httpString(buf, p, end, asBin)];
}

/** The HttpPacket for a framed line, `{http_error, Line}` when it does not parse. */
export function parseHttpPacket(
  buf: Buffer,
  start: number,
  len: number,
  state: FramingState,
  asBin: boolean,
): HttpPacket {
  return (
    parseLine(buf, start, len, state, asBin) ?? ['http_error', httpString(buf, start, start + len, asBin)]
  );
}
