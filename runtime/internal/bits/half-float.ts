/**
 * IEEE 754 binary16 ("half") floats, which `<<X:16/float>>` builds and matches (OTP 24+).
 * JS has no Float16Array before Node 24, so the conversions are written out: to half rounds
 * once, to nearest with ties to even, straight from the double (as erl does: no detour through
 * a float32, which would round twice).
 */

/** 2^-14: the smallest normal half float. */
const minNormal = 2 ** -14;
/** 2^-24: the spacing of subnormal half floats. */
const subnormalStep = 2 ** -24;

/** Rounds to the nearest integer, ties to even. */
function roundHalfEven(y: number): number {
  const floor = Math.floor(y);
  const diff = y - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * The 16 bits of the half float nearest `x` (a value too large becomes infinity, as erl builds
 * it; one too small becomes a signed zero).
 * @param x - a finite number
 * @returns the bit pattern, 0 to 0xffff
 */
export function toHalfBits(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a < minNormal) {
    // Subnormal: a multiple of 2^-24. Rounding up to 2^-14 gives 0x400, the smallest normal.
    return sign | roundHalfEven(a / subnormalStep);
  }
  let exponent = Math.floor(Math.log2(a));
  // log2 can be off by one next to a power of two; fix it so 2^e <= a < 2^(e+1).
  if (2 ** exponent > a) exponent--;
  else if (2 ** (exponent + 1) <= a) exponent++;
  let mantissa = roundHalfEven((a / 2 ** exponent - 1) * 1024);
  if (mantissa === 1024) {
    mantissa = 0;
    exponent++;
  }
  // Past 65504 (the largest finite half) the exponent overflows: infinity, as erl builds it.
  if (exponent > 15) return sign | 0x7c00;
  return sign | ((exponent + 15) << 10) | mantissa;
}

/**
 * The value of a half float's 16 bits.
 * @param bits - the bit pattern, 0 to 0xffff
 * @returns the number, or NaN for an infinity or NaN pattern (which no Erlang float is)
 */
export function fromHalfBits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0x1f) return NaN;
  if (exponent === 0) return sign * mantissa * subnormalStep;
  return sign * (1024 + mantissa) * 2 ** (exponent - 25);
}
