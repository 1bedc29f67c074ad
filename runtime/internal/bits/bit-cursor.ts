/**
 * Bit-level reads and writes over Buffers, for segments that do not start or end on a byte
 * boundary (`<<A:4, B:12>>`).
 *
 * Bits are numbered from the most significant bit of byte 0, as Erlang lays out a bitstring:
 * bit offset `p` is bit `7 - (p & 7)` of byte `p >> 3`. Every write ORs into its bytes, so a
 * buffer being built must start zeroed; the construction allocates it so.
 *
 * Numbers carry at most {@link maxNumberBits} bits: a double holds every integer below 2^53
 * exactly, and the loops multiply and divide by powers of two (never `<<`, which is 32-bit)
 * so nothing is lost. Wider fields go through bigint.
 */

/** The widest field read or written as a number; wider ones are bigints. */
export const maxNumberBits = 52;

/**
 * The `n` bits at bit offset `pos` as an unsigned number, most significant first.
 * @param buf - the bytes; the caller has checked that `pos + n` bits are there
 * @param pos - bit offset of the first bit
 * @param n - how many bits, 0 to {@link maxNumberBits}
 * @returns the unsigned value
 */
export function readBits(buf: Uint8Array, pos: number, n: number): number {
  let result = 0;
  while (n > 0) {
    const inByte = pos & 7;
    const avail = 8 - inByte;
    const take = avail < n ? avail : n;
    const bits = ((buf[pos >> 3] ?? 0) >> (avail - take)) & ((1 << take) - 1);
    result = result * (1 << take) + bits;
    n -= take;
    pos += take;
  }
  return result;
}

/**
 * The `n` bits at bit offset `pos` as an unsigned bigint, most significant first.
 * @param buf - the bytes; the caller has checked that `pos + n` bits are there
 * @param pos - bit offset of the first bit
 * @param n - how many bits, any count
 * @returns the unsigned value
 */
export function readBitsBig(buf: Uint8Array, pos: number, n: number): bigint {
  let result = 0n;
  // 32-bit chunks: each is exact as a number, and few bigint steps are needed.
  while (n > 0) {
    const take = n > 32 ? 32 : n;
    result = (result << BigInt(take)) | BigInt(readBits(buf, pos, take));
    n -= take;
    pos += take;
  }
  return result;
}

/**
 * ORs the `n` low bits of `value` into `dst` at bit offset `pos`, most significant first.
 * @param dst - the buffer being built (zeroed where it has not been written)
 * @param pos - bit offset of the first bit
 * @param n - how many bits, 0 to {@link maxNumberBits}
 * @param value - an unsigned integer below 2^n
 */
export function writeBits(dst: Uint8Array, pos: number, n: number, value: number): void {
  while (n > 0) {
    const inByte = pos & 7;
    const avail = 8 - inByte;
    const take = avail < n ? avail : n;
    const chunk = Math.floor(value / 2 ** (n - take)) % (1 << take);
    const index = pos >> 3;
    dst[index] = (dst[index] ?? 0) | (chunk << (avail - take));
    n -= take;
    pos += take;
  }
}

/**
 * ORs the `n` low bits of a bigint into `dst` at bit offset `pos`, most significant first.
 * @param dst - the buffer being built (zeroed where it has not been written)
 * @param pos - bit offset of the first bit
 * @param n - how many bits, any count
 * @param value - an unsigned integer below 2^n
 */
export function writeBitsBig(dst: Uint8Array, pos: number, n: number, value: bigint): void {
  while (n > 0) {
    const take = n > 32 ? 32 : n;
    writeBits(dst, pos, take, Number(BigInt.asUintN(take, value >> BigInt(n - take))));
    n -= take;
    pos += take;
  }
}

/**
 * Copies `n` bits from `src` at bit `srcPos` into `dst` at bit `dstPos`. Whole bytes on byte
 * boundaries are one `copy`; otherwise it moves a byte's worth of bits at a time.
 * @param src - the bytes to copy from
 * @param srcPos - bit offset in `src`
 * @param dst - the buffer being built (zeroed where it has not been written)
 * @param dstPos - bit offset in `dst`
 * @param n - how many bits
 */
export function copyBits(src: Uint8Array, srcPos: number, dst: Uint8Array, dstPos: number, n: number): void {
  if ((srcPos & 7) === 0 && (dstPos & 7) === 0) {
    const whole = n >> 3;
    dst.set(src.subarray(srcPos >> 3, (srcPos >> 3) + whole), dstPos >> 3);
    const rest = n & 7;
    if (rest > 0) writeBits(dst, dstPos + whole * 8, rest, readBits(src, srcPos + whole * 8, rest));
    return;
  }
  while (n >= 8) {
    writeBits(dst, dstPos, 8, readBits(src, srcPos, 8));
    srcPos += 8;
    dstPos += 8;
    n -= 8;
  }
  if (n > 0) writeBits(dst, dstPos, n, readBits(src, srcPos, n));
}

/**
 * The `n` bits (a multiple of 8) at bit offset `pos`, as a Buffer: a view of `buf` when they
 * start on a byte boundary, else a copy shifted into place.
 * @param buf - the bytes
 * @param pos - bit offset of the first bit
 * @param n - how many bits, a multiple of 8
 * @returns the bytes
 */
export function sliceBits(buf: Buffer, pos: number, n: number): Buffer {
  if ((pos & 7) === 0) return buf.subarray(pos >> 3, (pos + n) >> 3);
  const out = Buffer.alloc(n >> 3);
  copyBits(buf, pos, out, 0, n);
  return out;
}
