/**
 * io_lib_format's float printers, ported from OTP 25: the shortest form that
 * reads back (`~w`, `float_to_list(F, [short])`), and the exact digits `~e`
 * and `~f` round (`float_to_list/1`'s `%.20e`). OTP keeps them in
 * io_lib_format; io_lib's `~w` writer calls the first.
 */

/**
 * Writes a float as float_to_list(F, [short]) (io_lib_format:fwrite_g/1) does:
 * the shortest digits that read back as `x`, laid out as OTP's Ryu-based
 * printer does: fixed notation near 1, scientific otherwise, always with a `.`
 * (`1.0`, `0.1`, `1.0e-10`). NaN and ±Infinity, which Erlang has not, are
 * `nan`, `inf` and `-inf`.
 * @param x - the float
 * @returns its shortest Erlang text
 * @example
 * // float_to_list(1.0e-10, [short]) -> "1.0e-10"
 * floatToShortString(1e-10) // '1.0e-10'
 * @see https://www.erlang.org/doc/man/erlang.html#float_to_list-2
 */
export function floatToShortString(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + '0.0';
  const [mant = '', expText = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const olength = digits.length;
  const sciExp = Number(expText);
  const ryuExp = sciExp - (olength - 1);
  const output = BigInt(digits);
  let lower: number;
  let upper: number;
  if (olength === 1) {
    lower = -4;
    upper = 2;
  } else if (sciExp >= 10) {
    lower = -(olength + 2);
    upper = 2;
  } else {
    lower = -(olength + 2);
    upper = 1;
  }
  let fixed = lower <= ryuExp && ryuExp <= upper;
  // Integers at and beyond 2^53 print in scientific form even when short.
  if (
    fixed &&
    ((output >= 1n << 53n && ryuExp === 0) ||
      (output > (1n << 52n) / 5n && ryuExp === 1) ||
      (output > (1n << 51n) / 25n && ryuExp === 2))
  ) {
    fixed = false;
  }
  if (fixed) {
    const whole = olength + ryuExp;
    if (ryuExp >= 0) return sign + digits + '0'.repeat(ryuExp) + '.0';
    if (whole > 0) return sign + digits.slice(0, whole) + '.' + digits.slice(whole);
    return sign + '0.' + '0'.repeat(-whole) + digits;
  }
  const frac = olength > 1 ? digits.slice(1) : '0';
  return `${sign}${digits[0] ?? ''}.${frac}e${sciExp}`;
}

/**
 * The 21 significant digits of float_to_list/1 (C's `%.20e`, exact and rounded
 * half-to-even) and io_lib_format's exponent `E` (the decimal point sits after
 * `E` digits). `~e`, `~f` and `~g` round these digits again, as OTP does.
 * @param x - a finite float; its sign is ignored
 * @returns `{ digits, exp }`: 21 digit characters and the exponent
 * @example
 * // float_to_list(0.5) -> "5.00000000000000000000e-01"
 * floatData(0.5) // { digits: '500000000000000000000', exp: 0 }
 * @see https://www.erlang.org/doc/man/erlang.html#float_to_list-1
 */
export function floatData(x: number): { digits: string; exp: number } {
  const a = Math.abs(x);
  if (a === 0) return { digits: '0'.repeat(21), exp: 1 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (biased === 0) {
    e2 = -1074;
  } else {
    mant |= 1n << 52n;
    e2 = biased - 1075;
  }
  // a = n * 10^-k exactly
  const n = e2 >= 0 ? mant << BigInt(e2) : mant * 5n ** BigInt(-e2);
  const k = e2 >= 0 ? 0 : -e2;
  const s = n.toString();
  let exp10 = s.length - 1 - k;
  let digits: string;
  if (s.length <= 21) {
    digits = s.padEnd(21, '0');
  } else {
    digits = s.slice(0, 21);
    const rest = s.slice(21);
    const first = rest.charCodeAt(0) - 48;
    const sticky = /[1-9]/.test(rest.slice(1));
    const lastOdd = (digits.charCodeAt(20) - 48) % 2 === 1;
    if (first > 5 || (first === 5 && (sticky || lastOdd))) {
      const up = (BigInt(digits) + 1n).toString();
      if (up.length > 21) {
        digits = up.slice(0, 21);
        exp10++;
      } else {
        digits = up;
      }
    }
  }
  return { digits, exp: exp10 + 1 };
}

function signbit(x: number): string {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/**
 * io_lib_format:float_man/3: `i` integer digits of `ds`, a point and `dc`
 * decimals, rounded up when the next digit is 5 or more; reports a carry out of
 * the first digit.
 */
function floatMan(ds: string, i: number, dc: number): [string, boolean] {
  const n = i + dc;
  const digits = Array.from(ds.slice(0, n).padEnd(n, '0'), Number);
  let carry = (ds.charCodeAt(n) || 0) >= 53; // '5'
  for (let k = n - 1; k >= 0 && carry; k--) {
    if (digits[k] === 9) {
      digits[k] = 0;
    } else {
      digits[k] = (digits[k] ?? 0) + 1;
      carry = false;
    }
  }
  const text = digits.join('');
  return [text.slice(0, i) + '.' + text.slice(i), carry];
}

function floatExp(e: number): string {
  return e >= 0 ? `e+${e}` : `e${e}`;
}

/**
 * Writes `x` in scientific notation with `p` significant digits, as
 * io_lib_format:float_e/3 (the body of `~.Pe`).
 * @param x - a finite float
 * @param p - the precision, at least 2
 * @returns the text, e.g. `3.14e+0`
 * @example
 * // io_lib:format("~.3e", [3.14159]) -> "3.14e+0"
 * floatE(3.14159, 3) // '3.14e+0'
 */
export function floatE(x: number, p: number): string {
  const { digits, exp } = floatData(x);
  const [fs, carry] = floatMan(digits, 1, p - 1);
  return signbit(x) + (carry ? '1' + fs.slice(1) + floatExp(exp) : fs + floatExp(exp - 1));
}

/**
 * Writes `x` in fixed notation with `p` decimals, as io_lib_format:float_f/3
 * (the body of `~.Pf`).
 * @param x - a finite float
 * @param p - the number of decimals, at least 1
 * @returns the text, e.g. `3.14`
 * @example
 * // io_lib:format("~.2f", [3.14159]) -> "3.14"
 * floatF(3.14159, 2) // '3.14'
 */
export function floatF(x: number, p: number): string {
  let { digits, exp } = floatData(x);
  if (exp <= 0) {
    digits = '0'.repeat(-exp + 1) + digits;
    exp = 1;
  }
  const [fs, carry] = floatMan(digits, exp, p);
  return signbit(x) + (carry ? '1' + fs : fs);
}
