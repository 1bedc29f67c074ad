/**
 * Integer and float fields of any bit width, big or little endian, at any bit offset.
 *
 * Little endian for a width that is not whole bytes follows Erlang: the value's bytes go
 * least significant first, and the bits left over (the top `n mod 8`) come last, as a short
 * field. `<<16#ABC:12/little>>` is `<<16#BC, 16#A:4>>`. So a little-endian field is the
 * big-endian field of a "stream value" whose top byte is the value's low byte; the two
 * functions below convert between them.
 */
import { maxNumberBits, readBits, readBitsBig, writeBits, writeBitsBig } from './bit-cursor.js';
import { fromHalfBits, toHalfBits } from './half-float.js';

/** The stream order of a little-endian `n`-bit value (see the module comment). */
function littleToStream(v: number, n: number): number {
  const whole = n >> 3;
  let w = 0;
  for (let i = 0; i < whole; i++) w = w * 256 + (Math.floor(v / 2 ** (8 * i)) % 256);
  const rest = n & 7;
  return w * 2 ** rest + Math.floor(v / 2 ** (8 * whole));
}

/** The value of a little-endian `n`-bit field read in stream order `w`. */
function streamToLittle(w: number, n: number): number {
  const whole = n >> 3;
  const rest = n & 7;
  const bytes = Math.floor(w / 2 ** rest);
  // The stream's first byte is the value's lowest.
  let value = (w % 2 ** rest) * 2 ** (8 * whole);
  for (let i = 0; i < whole; i++)
    value += (Math.floor(bytes / 2 ** (8 * (whole - 1 - i))) % 256) * 2 ** (8 * i);
  return value;
}

function littleToStreamBig(v: bigint, n: number): bigint {
  const whole = n >> 3;
  let w = 0n;
  for (let i = 0; i < whole; i++) w = (w << 8n) | ((v >> BigInt(8 * i)) & 0xffn);
  const rest = BigInt(n & 7);
  return (w << rest) | (v >> BigInt(8 * whole));
}

function streamToLittleBig(w: bigint, n: number): bigint {
  const whole = n >> 3;
  const rest = BigInt(n & 7);
  const top = w & ((1n << rest) - 1n);
  const bytes = w >> rest;
  let value = top << BigInt(8 * whole);
  for (let i = 0; i < whole; i++) value |= ((bytes >> BigInt(8 * (whole - 1 - i))) & 0xffn) << BigInt(8 * i);
  return value;
}

/** A bigint as a term: a number when it is a safe integer (DESIGN §2). */
function normalize(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/**
 * Writes `value` (an integer of any size) as an `n`-bit field, wrapped to `n` bits as Erlang
 * does (two's complement: `<<-1:8>>` is `<<255>>`).
 * @param dst - the buffer being built, zeroed
 * @param pos - bit offset
 * @param n - the width in bits
 * @param value - a safe integer or a bigint
 * @param little - little endian
 */
export function writeInteger(
  dst: Buffer,
  pos: number,
  n: number,
  value: number | bigint,
  little: boolean,
): void {
  if (n === 0) return;
  if (typeof value === 'number' && n <= 48) {
    const m = 2 ** n;
    let v = value % m;
    if (v < 0) v += m;
    if ((pos & 7) === 0 && (n & 7) === 0) {
      if (little) dst.writeUIntLE(v, pos >> 3, n >> 3);
      else dst.writeUIntBE(v, pos >> 3, n >> 3);
      return;
    }
    writeBits(dst, pos, n, little ? littleToStream(v, n) : v);
    return;
  }
  let v = BigInt.asUintN(n, BigInt(value));
  if (little) v = littleToStreamBig(v, n);
  writeBitsBig(dst, pos, n, v);
}

/**
 * Reads an `n`-bit integer field.
 * @param buf - the bytes; the caller has checked that the field is inside them
 * @param pos - bit offset
 * @param n - the width in bits
 * @param signed - two's complement
 * @param little - little endian
 * @returns the integer: a number when safe, else a bigint
 */
export function readInteger(
  buf: Buffer,
  pos: number,
  n: number,
  signed: boolean,
  little: boolean,
): number | bigint {
  if (n === 0) return 0;
  if (n <= 48) {
    let v = 0;
    if ((pos & 7) === 0 && (n & 7) === 0) {
      // Whole bytes: plain byte arithmetic, cheaper than Buffer's checked readers.
      const at = pos >> 3;
      if (little) for (let i = (n >> 3) - 1; i >= 0; i--) v = v * 256 + buf[at + i]!;
      else for (let i = 0; i < n >> 3; i++) v = v * 256 + buf[at + i]!;
    } else {
      v = readBits(buf, pos, n);
      if (little) v = streamToLittle(v, n);
    }
    if (signed && v >= 2 ** (n - 1)) v -= 2 ** n;
    return v;
  }
  let v = n <= maxNumberBits ? BigInt(readBits(buf, pos, n)) : readBitsBig(buf, pos, n);
  if (little) v = streamToLittleBig(v, n);
  return normalize(signed ? BigInt.asIntN(n, v) : v);
}

const scratch = Buffer.alloc(8);

/**
 * Writes a float field of 16, 32 or 64 bits.
 * @param dst - the buffer being built, zeroed
 * @param pos - bit offset
 * @param n - 16, 32 or 64
 * @param value - a finite number (a float32 or half too large becomes infinity, as in erl)
 * @param little - little endian
 */
export function writeFloat(dst: Buffer, pos: number, n: 16 | 32 | 64, value: number, little: boolean): void {
  const aligned = (pos & 7) === 0;
  const out = aligned ? dst : scratch;
  const at = aligned ? pos >> 3 : 0;
  if (n === 16) {
    const bits = toHalfBits(value);
    if (little) out.writeUInt16LE(bits, at);
    else out.writeUInt16BE(bits, at);
  } else if (n === 32) {
    if (little) out.writeFloatLE(value, at);
    else out.writeFloatBE(value, at);
  } else if (little) out.writeDoubleLE(value, at);
  else out.writeDoubleBE(value, at);
  if (!aligned) {
    for (let i = 0; i < n >> 3; i++) writeBits(dst, pos + 8 * i, 8, scratch[i]!);
  }
}

/**
 * Reads a float field of 16, 32 or 64 bits.
 * @param buf - the bytes; the caller has checked that the field is inside them
 * @param pos - bit offset
 * @param n - 16, 32 or 64
 * @param little - little endian
 * @returns the number; NaN for an infinity or NaN, which no Erlang float is
 */
export function readFloat(buf: Buffer, pos: number, n: 16 | 32 | 64, little: boolean): number {
  let src = buf;
  let at = pos >> 3;
  if ((pos & 7) !== 0) {
    for (let i = 0; i < n >> 3; i++) scratch[i] = readBits(buf, pos + 8 * i, 8);
    src = scratch;
    at = 0;
  }
  if (n === 16) return fromHalfBits(little ? src.readUInt16LE(at) : src.readUInt16BE(at));
  const x =
    n === 32
      ? little
        ? src.readFloatLE(at)
        : src.readFloatBE(at)
      : little
        ? src.readDoubleLE(at)
        : src.readDoubleBE(at);
  return Number.isFinite(x) ? x : NaN;
}
