/**
 * Packet framing: how long is the next packet at `start` in a buffer? A port of
 * `packet_get_length` (OTP erts/emulator/beam/packet_parser.c), shared by
 * `decode_packet/3` and the incremental {@link PacketDecoder}.
 *
 * Invariant for incremental use: `state.scan` is how far past `start` a line or
 * HTTP search has already looked without finding a packet end, so a growing
 * buffer is searched once, not from its start on every chunk. Every `\n` before
 * `start + state.scan` is known to be a folded header line (followed by SP/HT),
 * which more data cannot change. Callers reset `scan` to 0 when a packet is
 * taken.
 *
 *   buf:  ... | start ............ start+scan ........ end |
 *              \___ already searched ___/\__ search next __/
 *
 * Results: > 0 the total packet length (header included; may exceed what is
 * buffered: "need that much"), 0 "need more, length unknown", -1 invalid.
 * Lengths are computed with C's unsigned/int arithmetic so oversized and
 * wrapping headers give exactly OTP's answers.
 */
import {
  ASN1,
  CDR,
  FCGI,
  FOUR,
  HTTP,
  HTTP_BIN,
  HTTPH,
  HTTPH_BIN,
  LINE,
  ONE,
  RAW,
  SSL_TLS,
  SUNRM,
  TPKT,
  TWO,
} from './packet-type.js';

/** What framing remembers between calls on a growing buffer. */
export class FramingState {
  /** OTP's http_state: 0 expects a request/status line, 1 expects headers. */
  http = 0;
  /** Bytes after the packet start already searched for the line end. */
  scan = 0;
}

const INT_MAX = 0x7fffffff;
const NL = 10;
const CR = 13;

/** `remain:` in packet_get_length: header + payload, checked against the limit. */
function remain(hlen: number, plen: number, maxPlen: number): number {
  const max = maxPlen === 0 ? INT_MAX - hlen : maxPlen;
  if (plen > max) return -1;
  return (hlen + plen) | 0; // C int: wraps as OTP's does
}

function isSp(c: number | undefined): boolean {
  return c === 32 || c === 9;
}

/**
 * The total length of the packet starting at `start` in `buf` (ending at
 * `buf.length`), or 0 (need more, unknown length), or -1 (invalid).
 */
export function packetLength(
  type: number,
  buf: Buffer,
  start: number,
  maxPlen: number,
  truncLen: number,
  delimiter: number,
  state: FramingState,
): number {
  const n = buf.length - start;
  switch (type) {
    case RAW:
      return n === 0 ? 0 : n;
    case ONE:
      if (n < 1) return 0;
      return remain(1, buf[start]!, maxPlen);
    case TWO:
      if (n < 2) return 0;
      return remain(2, (buf[start]! << 8) | buf[start + 1]!, maxPlen);
    case FOUR:
      if (n < 4) return 0;
      return remain(4, buf.readUInt32BE(start), maxPlen);
    case SUNRM:
      if (n < 4) return 0;
      return remain(4, buf.readUInt32BE(start) & INT_MAX, maxPlen);
    case LINE:
      return lineLength(buf, start, n, maxPlen, truncLen, delimiter, state);
    case ASN1:
      return asn1Length(buf, start, n, maxPlen);
    case CDR: {
      if (n < 12) return 0;
      // "GIOP"
      if (buf[start] !== 71 || buf[start + 1] !== 73 || buf[start + 2] !== 79 || buf[start + 3] !== 80) {
        return -1;
      }
      const plen = (buf[start + 6]! & 1) !== 0 ? buf.readUInt32LE(start + 8) : buf.readUInt32BE(start + 8);
      return remain(12, plen, maxPlen);
    }
    case FCGI: {
      if (n < 8) return 0;
      if (buf[start] !== 1) return -1;
      return remain(8, ((buf[start + 4]! << 8) | buf[start + 5]!) + buf[start + 6]!, maxPlen);
    }
    case TPKT: {
      if (n < 4) return 0;
      if (buf[start] !== 3) return -1;
      // unsigned: a length field below the header size wraps to a huge payload
      return remain(4, (((buf[start + 2]! << 8) | buf[start + 3]!) - 4) >>> 0, maxPlen);
    }
    case SSL_TLS: {
      if (n < 5) return 0;
      const plen =
        (buf[start]! & 0x80) !== 0 && buf[start + 2] === 1
          ? ((((buf[start]! << 8) | buf[start + 1]!) & 0x7fff) - 3) >>> 0
          : (buf[start + 3]! << 8) | buf[start + 4]!;
      return remain(5, plen, maxPlen);
    }
    case HTTPH:
    case HTTPH_BIN:
      state.http = 1;
      return httpLength(buf, start, n, maxPlen, truncLen, state);
    case HTTP:
    case HTTP_BIN:
      return httpLength(buf, start, n, maxPlen, truncLen, state);
    default:
      return -1;
  }
}

function lineLength(
  buf: Buffer,
  start: number,
  n: number,
  maxPlen: number,
  truncLen: number,
  delimiter: number,
  state: FramingState,
): number {
  const at = n === 0 ? -1 : buf.indexOf(delimiter, start + state.scan);
  if (at < 0) {
    state.scan = n;
    if (maxPlen !== 0 && n > maxPlen) return -1; // packet full
    if (truncLen !== 0 && n >= truncLen) return truncLen; // line buffer full
    return 0;
  }
  const len = at - start + 1;
  if (maxPlen !== 0 && len > maxPlen) return -1;
  if (truncLen !== 0 && len > truncLen) return truncLen;
  return len;
}

function asn1Length(buf: Buffer, start: number, n: number, maxPlen: number): number {
  if (n < 2) return 0;
  let t = start;
  let nn = n - 1;
  if ((buf[t++]! & 0x1f) === 0x1f) {
    // long tag: continuation bytes have the top bit set
    while (nn !== 0 && (buf[t]! & 0x80) !== 0) {
      t++;
      nn--;
    }
    if (nn < 2) return 0;
    t++;
    nn--;
  }
  const first = buf[t]!;
  const length = first & 0x7f;
  let plen: number;
  if ((first & 0x80) !== 0) {
    t++;
    nn--;
    if (nn < length) return 0;
    switch (length) {
      case 0:
        plen = 0;
        break;
      case 1:
        plen = buf[t]!;
        t += 1;
        break;
      case 2:
        plen = (buf[t]! << 8) | buf[t + 1]!;
        t += 2;
        break;
      case 3:
        plen = (buf[t]! << 16) | (buf[t + 1]! << 8) | buf[t + 2]!;
        t += 3;
        break;
      case 4:
        plen = buf.readUInt32BE(t);
        t += 4;
        break;
      default:
        return -1;
    }
  } else {
    t++;
    plen = length;
  }
  return remain(t - start, plen, maxPlen);
}

/**
 * An HTTP line: up to `\n`; in header state (1) a line followed by SP/HT
 * continues (folding), so the byte after `\n` must be seen before deciding.
 */
function httpLength(
  buf: Buffer,
  start: number,
  n: number,
  maxPlen: number,
  truncLen: number,
  state: FramingState,
): number {
  if ((n === 1 && buf[start] === NL) || (n === 2 && buf[start] === CR && buf[start + 1] === NL)) return n;
  // As OTP: line_length limits http lines when packet_size is not given.
  const max = maxPlen === 0 ? truncLen : maxPlen;
  let from = start + state.scan;
  for (;;) {
    const at = from < buf.length ? buf.indexOf(NL, from) : -1;
    if (at < 0) {
      state.scan = n;
      if (max !== 0 && n >= max) return -1; // packet full
      return 0;
    }
    const plen = at - start + 1;
    if (state.http === 0) {
      if (max !== 0 && plen > max) return -1;
      return plen;
    }
    if (plen < n) {
      if (isSp(buf[at + 1]) && plen > 2) {
        from = at + 1; // header value continues on the next line
        state.scan = from - start;
      } else {
        if (max !== 0 && plen > max) return -1;
        return plen;
      }
    } else {
      if (max !== 0 && plen > max) return -1;
      state.scan = at - start; // look at this \n again once its next byte is here
      return 0;
    }
  }
}
