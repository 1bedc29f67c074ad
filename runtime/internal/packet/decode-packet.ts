/**
 * `erlang:decode_packet/3`: one packet off the front of a binary, framed and
 * (for the http types) parsed exactly as OTP's BIF does it.
 */
import { ErlangError, describe } from '../errors.js';
import type { List } from '../terms.js';
import { FramingState, packetLength } from './framing.js';
import { packetBody, type Packet } from './packet-body.js';
import { packetTypeCode, parseDecodeOptions, type DecodeOption, type PacketTypeName } from './packet-type.js';

/** `{ok, Packet, Rest} | {more, Length | undefined} | {error, invalid}`. */
export type DecodeResult = ['ok', Packet, Buffer] | ['more', number | 'undefined'] | ['error', 'invalid'];

const NO_LIMITS = { maxPlen: 0, truncLen: 0, delimiter: 10 } as const;
const scratch = new FramingState();

/**
 * Decodes the binary `Bin` according to the packet protocol `Type`, as
 * `erlang:decode_packet/3`: the first complete packet and the bytes after it.
 *
 * @param type - `raw | 0 | 1 | 2 | 4 | asn1 | sunrm | cdr | fcgi | line | tpkt | http | httph | http_bin | httph_bin` (also OTP's undocumented `ssl_tls`)
 * @param bin - the bytes received so far (a Buffer)
 * @param options - a list of `['packet_size', N]`, `['line_length', N]`, `['line_delimiter', C]` (the last for `line` only); a plain array or a `List`
 * @returns `['ok', Packet, Rest]` where Packet is a Buffer (the payload; the header is included for asn1, sunrm, cdr, fcgi, tpkt) or an HttpPacket
 *   (`['http_request', Method, Uri, [Major, Minor]]`, `['http_response', [Major, Minor], Code, Reason]`,
 *   `['http_header', Index, Field, UnmodifiedField, Value]`, `'http_eoh'`, `['http_error', Line]`);
 *   `['more', Length]` or `['more', 'undefined']` when `bin` holds no whole packet yet;
 *   `['error', 'invalid']` for a malformed header or a packet longer than `packet_size`.
 *   Returned Buffers share memory with `bin`, as OTP's sub-binaries share it.
 * @throws ErlangError `badarg` when `type` is not a packet type, `bin` is not a Buffer or an option is malformed
 * @example
 * // erlang:decode_packet(1, <<3,"abcd">>, []) -> {ok, <<"abc">>, <<"d">>}
 * decode_packet(1, Buffer.from('\x03abcd', 'latin1'), []); // ['ok', <Buffer 61 62 63>, <Buffer 64>]
 * // erlang:decode_packet(http_bin, <<"GET / HTTP/1.1\r\n">>, [])
 * //   -> {ok, {http_request, 'GET', {abs_path, <<"/">>}, {1,1}}, <<>>}
 * decode_packet('http_bin', Buffer.from('GET / HTTP/1.1\r\n'), []);
 * @see https://www.erlang.org/doc/man/erlang.html#decode_packet-3
 */
export function decode_packet(
  type: PacketTypeName,
  bin: Buffer,
  options: readonly DecodeOption[] | List<DecodeOption> = [],
): DecodeResult {
  if (!Buffer.isBuffer(bin)) {
    throw new ErlangError(
      'badarg',
      `erlang:decode_packet/3: binary argument ${describe(bin)} is not a Buffer`,
    );
  }
  const code = packetTypeCode(type);
  const limits =
    Array.isArray(options) && options.length === 0 ? NO_LIMITS : parseDecodeOptions(code, options);
  scratch.http = 0;
  scratch.scan = 0;
  const total = packetLength(code, bin, 0, limits.maxPlen, limits.truncLen, limits.delimiter, scratch);
  if (total < 0) return ['error', 'invalid'];
  if (total === 0) return ['more', 'undefined'];
  if (total > bin.length) return ['more', total];
  return ['ok', packetBody(code, bin, 0, total, scratch), bin.subarray(total)];
}
