/**
 * The packet types of `erlang:decode_packet/3` and gen_tcp's `{packet, T}`
 * option, as small integers for the framing loops, and the validation of the
 * option list both share (`{packet_size, N}`, `{line_length, N}`,
 * `{line_delimiter, C}`), mirroring `decode_packet_3` in OTP's erl_bif_port.c.
 */
import { ErlangError, describe } from '../errors.js';
import { isList } from '../terms.js';

// Numbered as OTP's enum PacketParseType (packet_parser.h).
export const RAW = 0;
export const ONE = 1;
export const TWO = 2;
export const FOUR = 3;
export const ASN1 = 4;
export const SUNRM = 5;
export const CDR = 6;
export const FCGI = 7;
export const LINE = 8;
export const TPKT = 9;
export const HTTP = 10;
export const HTTPH = 11;
export const SSL_TLS = 12;
export const HTTP_BIN = 13;
export const HTTPH_BIN = 14;

/** A packet type as Erlang names it: `raw | 0 | 1 | 2 | 4 | asn1 | ... | httph_bin`. */
export type PacketTypeName =
  | 'raw'
  | 0
  | 1
  | 2
  | 4
  | 'asn1'
  | 'sunrm'
  | 'cdr'
  | 'fcgi'
  | 'line'
  | 'tpkt'
  | 'http'
  | 'httph'
  | 'http_bin'
  | 'httph_bin'
  | 'ssl_tls';

/** One option of `decode_packet/3`: `{packet_size, N}`, `{line_length, N}` or `{line_delimiter, C}`. */
export type DecodeOption = ['packet_size', number] | ['line_length', number] | ['line_delimiter', number];

/** Framing limits, as OTP's packet_get_length takes them. 0 means "no limit". */
export interface PacketLimits {
  /** `{packet_size, N}`: the largest packet accepted; longer ones are an error. */
  readonly packetSize?: number;
  /** `{line_length, N}`: lines are cut after N bytes (for http: the largest line). */
  readonly lineLength?: number;
  /** `{line_delimiter, C}`: the byte that ends a line (`line` type only), `$\n` by default. */
  readonly lineDelimiter?: number;
}

/** Limits resolved to plain integers for the framing loop. */
export interface ResolvedLimits {
  readonly maxPlen: number;
  readonly truncLen: number;
  readonly delimiter: number;
}

const UINT_MAX = 0xffffffff;

function typeCode(type: unknown): number {
  switch (type) {
    case 'raw':
    case 0:
      return RAW;
    case 1:
      return ONE;
    case 2:
      return TWO;
    case 4:
      return FOUR;
    case 'asn1':
      return ASN1;
    case 'sunrm':
      return SUNRM;
    case 'cdr':
      return CDR;
    case 'fcgi':
      return FCGI;
    case 'line':
      return LINE;
    case 'tpkt':
      return TPKT;
    case 'http':
      return HTTP;
    case 'httph':
      return HTTPH;
    case 'http_bin':
      return HTTP_BIN;
    case 'httph_bin':
      return HTTPH_BIN;
    case 'ssl_tls':
      return SSL_TLS;
    default:
      return -1;
  }
}

/** The framing code for an Erlang packet type, or badarg naming the bad value. */
export function packetTypeCode(type: unknown, fn = 'erlang:decode_packet/3'): number {
  const code = typeCode(type);
  if (code < 0) {
    throw new ErlangError(
      'badarg',
      `${fn}: packet type ${describe(type)} is not one of raw, 0, 1, 2, 4, asn1, sunrm, cdr, fcgi, line, tpkt, http, httph, http_bin, httph_bin, ssl_tls`,
    );
  }
  return code;
}

/** Whether a type's packets are HTTP terms rather than binaries. */
export function isHttpType(code: number): boolean {
  return code === HTTP || code === HTTPH || code === HTTP_BIN || code === HTTPH_BIN;
}

function uintValue(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v <= UINT_MAX ? v : null;
  if (typeof v === 'bigint') return v >= 0n && v <= BigInt(UINT_MAX) ? Number(v) : null;
  return null;
}

/**
 * Reads decode_packet's option list as OTP does: every element a 2-tuple of a
 * known key and an integer in 0..2^32-1, `line_delimiter` (a byte) only for the
 * `line` type; anything else is badarg with a message naming it.
 */
export function parseDecodeOptions(
  code: number,
  options: unknown,
  fn = 'erlang:decode_packet/3',
): ResolvedLimits {
  if (!Array.isArray(options)) {
    throw new ErlangError('badarg', `${fn}: options ${describe(options)} is not a list`);
  }
  let maxPlen = 0;
  let truncLen = 0;
  let delimiter = 10;
  for (const opt of options as unknown[]) {
    const bad = (why: string): ErlangError =>
      new ErlangError('badarg', `${fn}: option ${describe(opt)} ${why}`);
    if (!Array.isArray(opt) || isList(opt) || opt.length !== 2) {
      throw bad('is not a {Key, Value} tuple');
    }
    const [key, raw] = opt as [unknown, unknown];
    const val = uintValue(raw);
    if (key !== 'packet_size' && key !== 'line_length' && key !== 'line_delimiter') {
      throw bad('is unknown (expected packet_size, line_length or line_delimiter)');
    }
    if (val === null) throw bad('needs an integer value in 0..4294967295');
    if (key === 'packet_size') maxPlen = val;
    else if (key === 'line_length') truncLen = val;
    else {
      if (code !== LINE) throw bad('is only allowed with packet type line');
      if (val > 255) throw bad('needs a byte value (0..255)');
      delimiter = val;
    }
  }
  return { maxPlen, truncLen, delimiter };
}

/** Resolves the object form of the limits (PacketDecoder's), validating like the option list. */
export function resolveLimits(code: number, limits: PacketLimits, fn = 'PacketDecoder'): ResolvedLimits {
  const options: DecodeOption[] = [];
  if (limits.packetSize !== undefined) options.push(['packet_size', limits.packetSize]);
  if (limits.lineLength !== undefined) options.push(['line_length', limits.lineLength]);
  const resolved = parseDecodeOptions(code, options, fn);
  // gen_tcp accepts {line_delimiter, C} whatever the packet type; it only matters for line.
  if (limits.lineDelimiter === undefined) return resolved;
  const d = parseDecodeOptions(LINE, [['line_delimiter', limits.lineDelimiter]], fn).delimiter;
  return { ...resolved, delimiter: d };
}
