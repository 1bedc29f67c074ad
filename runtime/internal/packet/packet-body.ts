/**
 * What a framed packet decodes to: the payload binary (`packet_get_body`), or
 * for the http types the HttpPacket term, or for ssl_tls OTP's record tuple.
 * Shared by `decode_packet/3` and {@link PacketDecoder}.
 */
import { List } from '../terms.js';
import { parseHttpPacket, type HttpPacket } from './http-parser.js';
import type { FramingState } from './framing.js';
import { FCGI, FOUR, HTTP, HTTP_BIN, HTTPH, HTTPH_BIN, ONE, SSL_TLS, TWO } from './packet-type.js';

/** `{ssl_tls, [], ContentType, {Major, Minor}, Bin}`, the (undocumented) ssl_tls packet. */
export type SslTlsPacket = ['ssl_tls', List<never>, number, [number, number], Buffer];

/** A decoded packet: a binary, or an HttpPacket for the http types. */
export type Packet = Buffer | HttpPacket | SslTlsPacket;

function sslTls(buf: Buffer, start: number, len: number): SslTlsPacket {
  if ((buf[start]! & 0x80) !== 0 && buf[start + 2] === 1) {
    // SSLv2 client hello, re-framed as <<1:8, Length:24, Data/binary>>
    const dataLen = len - 3;
    const out = Buffer.alloc(4 + Math.max(0, dataLen));
    out[0] = 1;
    out[1] = (dataLen >>> 16) & 0xff;
    out[2] = (dataLen >>> 8) & 0xff;
    out[3] = dataLen & 0xff;
    buf.copy(out, 4, start + 3, start + len);
    return ['ssl_tls', new List<never>(), 22, [buf[start + 3]!, buf[start + 4]!], out];
  }
  return [
    'ssl_tls',
    new List<never>(),
    buf[start]!,
    [buf[start + 1]!, buf[start + 2]!],
    Buffer.from(buf.subarray(start + 5, start + len)),
  ];
}

/** The packet term for the `len` framed bytes at `start` (`len` from packetLength). */
export function packetBody(
  type: number,
  buf: Buffer,
  start: number,
  len: number,
  state: FramingState,
): Packet {
  switch (type) {
    case ONE:
      return buf.subarray(start + 1, start + len);
    case TWO:
      return buf.subarray(start + 2, start + len);
    case FOUR:
      return buf.subarray(start + 4, start + len);
    case FCGI:
      return buf.subarray(start, start + len - buf[start + 6]!); // without the padding
    case HTTP:
    case HTTPH:
      return parseHttpPacket(buf, start, len, state, false);
    case HTTP_BIN:
    case HTTPH_BIN:
      return parseHttpPacket(buf, start, len, state, true);
    case SSL_TLS:
      return sslTls(buf, start, len);
    default:
      return buf.subarray(start, start + len); // header included, as OTP returns it
  }
}
