/**
 * A growable byte buffer that external terms are written into.
 *
 *   buf: [ written bytes ............ | free ............ ]
 *          0                    length            buf.length
 *
 * Writers reserve room first, then store bytes directly; when the room runs out the buffer is
 * replaced by one twice as large (or as large as asked) and the written bytes are copied over.
 * The distribution keeps one writer per connection and appends messages to it; term_to_binary
 * writes into a shared one and copies out what it wrote.
 */

const float = new Float64Array(1);
const floatBytes = new Uint8Array(float.buffer);
/** Whether this machine stores a float's least significant byte first (x86, ARM: yes). */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A byte buffer that grows as terms are written into it. */
export class TermWriter {
  /** The buffer: bytes 0 to `length` are written. Replaced when it grows. */
  buf: Buffer;
  /** How many bytes are written. */
  length = 0;

  /**
   * @param capacity - the starting size in bytes
   */
  constructor(capacity = 256) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.length + n > this.buf.length) this.#grow(n);
  }

  #grow(n: number): void {
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  /** Appends one byte. */
  u8(v: number): void {
    if (this.length >= this.buf.length) this.#grow(1);
    this.buf[this.length++] = v;
  }

  /** Appends a tag and a byte, as SMALL_INTEGER_EXT and SMALL_TUPLE_EXT start. */
  u8u8(a: number, b: number): void {
    if (this.length + 2 > this.buf.length) this.#grow(2);
    const buf = this.buf;
    const at = this.length;
    buf[at] = a;
    buf[at + 1] = b;
    this.length = at + 2;
  }

  /** Appends a 16-bit unsigned integer, most significant byte first. */
  u16(v: number): void {
    if (this.length + 2 > this.buf.length) this.#grow(2);
    const buf = this.buf;
    const at = this.length;
    buf[at] = v >>> 8;
    buf[at + 1] = v;
    this.length = at + 2;
  }

  /** Appends a 32-bit integer (signed or not), most significant byte first. */
  u32(v: number): void {
    if (this.length + 4 > this.buf.length) this.#grow(4);
    const buf = this.buf;
    const at = this.length;
    buf[at] = v >>> 24;
    buf[at + 1] = v >>> 16;
    buf[at + 2] = v >>> 8;
    buf[at + 3] = v;
    this.length = at + 4;
  }

  /** Appends a tag and a 32-bit length, as LIST_EXT, BINARY_EXT and MAP_EXT start. */
  tagU32(tag: number, v: number): void {
    if (this.length + 5 > this.buf.length) this.#grow(5);
    const buf = this.buf;
    const at = this.length;
    buf[at] = tag;
    buf[at + 1] = v >>> 24;
    buf[at + 2] = v >>> 16;
    buf[at + 3] = v >>> 8;
    buf[at + 4] = v;
    this.length = at + 5;
  }

  /** Writes a 32-bit integer at `at`, inside what is written (a size known only later). */
  patchU32(at: number, v: number): void {
    const buf = this.buf;
    buf[at] = v >>> 24;
    buf[at + 1] = v >>> 16;
    buf[at + 2] = v >>> 8;
    buf[at + 3] = v;
  }

  /** Appends a float as IEEE 754 double, most significant byte first. */
  f64(v: number): void {
    if (this.length + 8 > this.buf.length) this.#grow(8);
    float[0] = v;
    const buf = this.buf;
    const at = this.length;
    if (littleEndian) for (let i = 0; i < 8; i++) buf[at + i] = floatBytes[7 - i] as number;
    else buf.set(floatBytes, at);
    this.length = at + 8;
  }

  /** Appends bytes. */
  bytes(src: Uint8Array): void {
    const n = src.length;
    if (this.length + n > this.buf.length) this.#grow(n);
    this.buf.set(src, this.length);
    this.length += n;
  }

  /** A copy of the written bytes. */
  take(): Buffer {
    const n = this.length;
    const out = Buffer.allocUnsafe(n);
    const buf = this.buf;
    // Buffer#copy costs a call into C++ that a short loop does not.
    if (n < 128) for (let i = 0; i < n; i++) out[i] = buf[i] as number;
    else buf.copy(out, 0, 0, n);
    return out;
  }

  /** The written bytes, shared with the writer: valid until it writes again. */
  view(): Buffer {
    return this.buf.subarray(0, this.length);
  }

  /** Forgets what was written, keeping the buffer. */
  reset(): void {
    this.length = 0;
  }
}

/** Reads the IEEE 754 double at `at` (most significant byte first). */
export function readF64(buf: Uint8Array, at: number): number {
  if (littleEndian) for (let i = 0; i < 8; i++) floatBytes[7 - i] = buf[at + i] as number;
  else floatBytes.set(buf.subarray(at, at + 8));
  return float[0] as number;
}
