/**
 * FLOAT_EXT's text: the 31 bytes OTP writes with C's `"%.20e"` for `minor_version` 0, and reads
 * back with its own strict parser.
 *
 * `"%.20e"` is the float's exact binary value rounded to 21 significant digits, ties to even
 * (glibc's printf in the default rounding mode). JS's toExponential(20) rounds ties up, so the
 * digits come from the exact value here, with BigInt.
 */

const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
const hiWord = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** The float's exact value as `num / 2^shift` (both integers, shift >= 0, or num scaled up). */
function exactParts(a: number): [bigint, number] {
  float[0] = a;
  const hi = words[hiWord] as number;
  const lo = words[1 - hiWord] as number;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0)
    exp = -1074; // subnormal: no hidden bit
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  if (exp >= 0) return [mant << BigInt(exp), 0];
  return [mant, -exp];
}

/**
 * A float as `"%.20e"` prints it: `1.50000000000000000000e+00`.
 * @param x - a finite float
 * @returns the text, 26 to 29 characters
 */
export function floatToText20e(x: number): string {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const a = Math.abs(x);
  if (a === 0) return `${sign}0.${'0'.repeat(20)}e+00`;
  const [num, shift] = exactParts(a);
  const den = 1n << BigInt(shift);
  // The decimal exponent d with 10^d <= a < 10^(d+1); log10 may miss it by one near a power of 10.
  let d = Math.floor(Math.log10(a));
  for (;;) {
    const q = scaledDigits(num, den, 20 - d);
    // 22 digits: d was one too small, or rounding carried (9.99...5 -> 10.0...). Rounding to
    // exactly 10^21 reads 1.0e(d+1) either way.
    if (q === 10n ** 21n) return layout(sign, 10n ** 20n, d + 1);
    if (q > 10n ** 21n) d++;
    else if (q < 10n ** 20n) d--;
    else return layout(sign, q, d);
  }
}

/** round_half_even(num / den * 10^k) */
function scaledDigits(num: bigint, den: bigint, k: number): bigint {
  let n = num;
  let m = den;
  if (k >= 0) n *= 10n ** BigInt(k);
  else m *= 10n ** BigInt(-k);
  const q = n / m;
  const r2 = (n % m) * 2n;
  if (r2 > m || (r2 === m && (q & 1n) === 1n)) return q + 1n;
  return q;
}

function layout(sign: string, digits: bigint, exp: number): string {
  const text = digits.toString();
  const e = Math.abs(exp).toString().padStart(2, '0');
  return `${sign}${text[0] as string}.${text.slice(1)}e${exp < 0 ? '-' : '+'}${e}`;
}

/** What OTP's FLOAT_EXT reader accepts: a sign, digits, a point, digits, an exponent. */
const floatText = /^[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?$/;

/**
 * The float in FLOAT_EXT's 31 bytes: text up to a NUL, which must come within the 31. (OTP's
 * writer always ends the text there; OTP's reader, given none, reads on past the field, into
 * whatever follows in memory: erlts refuses such bytes.)
 * @param bytes - the 31 bytes
 * @returns the float, or undefined when OTP would refuse the text (no point, junk, not finite)
 */
export function textToFloat(bytes: Uint8Array): number | undefined {
  const nul = bytes.indexOf(0);
  if (nul < 0) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, nul).toString('latin1');
  if (!floatText.test(text)) return undefined;
  const x = Number.parseFloat(text);
  return Number.isFinite(x) ? x : undefined;
}
