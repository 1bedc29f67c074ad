/**
 * PacketDecoder: gen_tcp's `{packet, T}` framing over a byte stream that
 * arrives in chunks split at arbitrary points. Same framing and parsing code as
 * `decode_packet/3` (framing.ts, packet-body.ts), plus the bookkeeping that
 * keeps it linear:
 *
 *   #buf:  [ handed out ... | #start ..... pending ..... #buf.length ]
 *
 * - A chunk arriving with nothing pending becomes #buf as is: packets are views
 *   of it, nothing is copied (the common case: many packets per chunk).
 * - A chunk arriving while a packet is incomplete is appended into an owned
 *   storage buffer that grows by doubling; bytes before #start (handed out as
 *   views) are never written again, only the free space after #buf.length.
 * - A known packet length (length-prefixed types) is read from the header once
 *   and kept in #need; a chunk completing such a packet has only the missing
 *   bytes copied (into a buffer of exactly that packet), its remainder waits
 *   in #queued and becomes #buf, uncopied, once that packet is taken; line and http searches resume at FramingState.scan, so a
 *   long line arriving byte by byte is searched once, not once per chunk.
 */
import { FramingState, packetLength } from './framing.js';
import { packetBody, type Packet } from './packet-body.js';
import {
  packetTypeCode,
  resolveLimits,
  type PacketLimits,
  type PacketTypeName,
  type ResolvedLimits,
} from './packet-type.js';

/** What gen_tcp reports when a packet is longer than `packet_size` or its header is invalid. */
export type PacketError = ['error', 'emsgsize'];

const EMPTY = Buffer.alloc(0);
const MIN_STORAGE = 1024;

/**
 * Incremental packet framing for a byte stream: push chunks as they arrive,
 * pull complete packets one by one.
 *
 * @example
 * // {packet, 2} on a socket: <<0,3,"abc",0,2,"de">> arriving as <<0>>, <<3,"ab">>, <<"c",0,2,"de">>
 * const d = new PacketDecoder(2, { packetSize: 0 });
 * d.push(Buffer.from([0]));
 * d.next(); // undefined: incomplete
 * d.push(Buffer.from([3, 97, 98]));
 * d.push(Buffer.from([99, 0, 2, 100, 101]));
 * d.next(); // <Buffer 61 62 63>
 * d.next(); // <Buffer 64 65>
 * @see https://www.erlang.org/doc/man/inet.html#setopts-2 (the packet option)
 */
export class PacketDecoder {
  #type = 0;
  #limits: ResolvedLimits = { maxPlen: 0, truncLen: 0, delimiter: 10 };
  #buf: Buffer = EMPTY;
  #start = 0;
  /** Owned, writable storage behind #buf when appending; null when #buf is a caller's chunk. */
  #storage: Buffer | null = null;
  /** Bytes after #buf (only while #buf holds exactly one complete straddling packet). */
  #queued: Buffer | null = null;
  #need = 0;
  #state = new FramingState();
  #error: PacketError | null = null;

  /**
   * @param type - the packet type, as gen_tcp's `{packet, Type}` names it
   * @param limits - `packetSize` (`{packet_size, N}`), `lineLength` (line truncation; gen_tcp uses its `buffer`
   *   size), `lineDelimiter` (`{line_delimiter, C}`); 0 or absent means no limit
   * @throws ErlangError `badarg` for an unknown type or a bad limit
   */
  constructor(type: PacketTypeName, limits: PacketLimits = {}) {
    this.setType(type, limits);
  }

  /**
   * Changes the packet type and limits, keeping the buffered bytes, as
   * `inet:setopts(S, [{packet, T}])` does on a live socket (for example to
   * switch from `http_bin` to `raw` after the headers).
   * @param type - the new packet type
   * @param limits - the new limits
   */
  setType(type: PacketTypeName, limits: PacketLimits = {}): void {
    const code = packetTypeCode(type, 'PacketDecoder');
    this.#limits = resolveLimits(code, limits);
    this.#type = code;
    this.#need = 0;
    this.#state.scan = 0;
    this.#state.http = 0;
    this.#error = null;
  }

  /** Bytes received and not yet taken as packets. */
  get buffered(): number {
    return this.#buf.length - this.#start + (this.#queued?.length ?? 0);
  }

  /** The total length of the incomplete next packet when its header gives it, else 0. */
  get needed(): number {
    return this.#need;
  }

  /** Whether the HTTP parser expects headers (OTP's http_state 1) rather than a request/status line. */
  get inHeaders(): boolean {
    return this.#state.http !== 0;
  }

  /**
   * Adds received bytes. The chunk is not copied when nothing is pending, so
   * the caller must not modify it afterwards.
   * @param chunk - bytes in stream order
   */
  push(chunk: Buffer): void {
    const add = chunk.length;
    if (add === 0) return;
    this.#flatten(); // pushed again before the straddling packet was taken
    const end = this.#buf.length;
    const pending = end - this.#start;
    const need = this.#need;
    if (pending === 0) {
      this.#buf = chunk;
      this.#start = 0;
      this.#storage = null;
      return;
    }
    if (need > pending && pending + add > need) {
      // Complete the straddling packet alone; the rest of the chunk stays a view.
      const packet = Buffer.allocUnsafeSlow(need);
      this.#buf.copy(packet, 0, this.#start, end);
      chunk.copy(packet, pending, 0, need - pending);
      this.#buf = packet;
      this.#start = 0;
      this.#queued = chunk.subarray(need - pending);
      return;
    }
    const storage = this.#storage;
    if (storage !== null && end + add <= storage.length) {
      chunk.copy(storage, end);
      this.#buf = storage.subarray(0, end + add);
      return;
    }
    // Grow: only the pending bytes move (less than one packet), plus the chunk.
    // A known length sizes the storage, but a header claiming gigabytes does
    // not allocate them before the bytes come.
    const want = pending + add;
    const doubled = Math.max(MIN_STORAGE, 2 * want);
    const size = need >= want ? Math.min(need, doubled) : doubled;
    const fresh = Buffer.allocUnsafeSlow(size);
    this.#buf.copy(fresh, 0, this.#start, end);
    chunk.copy(fresh, pending);
    this.#storage = fresh;
    this.#buf = fresh.subarray(0, pending + add);
    this.#start = 0;
  }

  /**
   * Takes the next complete packet.
   * @returns the packet (a Buffer, or an HttpPacket for the http types), `undefined` when no whole packet is
   *   buffered yet, or `['error', 'emsgsize']` once the stream holds a packet longer than `packet_size` or an
   *   invalid header (then on every later call: the stream cannot be resynchronised)
   */
  next(): Packet | PacketError | undefined {
    if (this.#error !== null) return this.#error;
    if (this.#start === this.#buf.length && this.#queued !== null) this.#unqueue();
    const avail = this.#buf.length - this.#start;
    if (avail < this.#need || avail === 0) return undefined;
    const { maxPlen, truncLen, delimiter } = this.#limits;
    const total = packetLength(this.#type, this.#buf, this.#start, maxPlen, truncLen, delimiter, this.#state);
    if (total < 0) return (this.#error = ['error', 'emsgsize']);
    if (total === 0) return undefined;
    if (total > avail) {
      this.#need = total;
      return undefined;
    }
    this.#need = 0;
    this.#state.scan = 0;
    const packet = packetBody(this.#type, this.#buf, this.#start, total, this.#state);
    this.#start += total;
    if (this.#start === this.#buf.length) this.#release();
    return packet;
  }

  /**
   * Takes exactly `length` buffered bytes, or all of them when `length` is 0
   * (gen_tcp's `recv(S, Length)` in raw mode).
   * @param length - the number of bytes wanted, 0 for whatever is buffered
   * @returns the bytes, or `undefined` when fewer are buffered (or none, for 0)
   */
  read(length: number): Buffer | undefined {
    this.#flatten();
    const avail = this.#buf.length - this.#start;
    const n = length === 0 ? avail : length;
    if (n === 0 || n > avail) return undefined;
    const out = this.#buf.subarray(this.#start, this.#start + n);
    this.#start += n;
    this.#need = 0;
    this.#state.scan = 0;
    if (this.#start === this.#buf.length) this.#release();
    return out;
  }

  /**
   * Takes every buffered byte, leaving the decoder empty.
   * @returns the pending bytes (possibly empty)
   */
  drain(): Buffer {
    this.#flatten();
    const out = this.#buf.subarray(this.#start);
    this.#release();
    this.#need = 0;
    this.#state.scan = 0;
    return out;
  }

  /**
   * Puts bytes back in front of the buffered ones (a peek that took them).
   * @param bytes - bytes taken from this decoder, in stream order
   */
  unshift(bytes: Buffer): void {
    if (bytes.length === 0) return;
    const rest = this.drain();
    this.push(rest.length === 0 ? bytes : Buffer.concat([bytes, rest]));
  }

  #release(): void {
    this.#buf = EMPTY;
    this.#start = 0;
    this.#storage = null;
    if (this.#queued !== null) this.#unqueue();
  }

  #unqueue(): void {
    this.#buf = this.#queued ?? EMPTY;
    this.#queued = null;
    this.#start = 0;
    this.#storage = null;
  }

  /** Makes every buffered byte contiguous in #buf (for read and drain, off the packet path). */
  #flatten(): void {
    if (this.#queued === null) return;
    this.#buf = Buffer.concat([this.#buf.subarray(this.#start), this.#queued]);
    this.#start = 0;
    this.#storage = null;
    this.#queued = null;
  }
}
