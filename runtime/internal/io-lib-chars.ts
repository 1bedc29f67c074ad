/**
 * io_lib's characters: how long a text is (`chars_length`), how characters
 * are written inside quotes (`write_string`, `write_char`), and which lists of
 * codes read as strings (`printable_list`), ported from OTP 25's io_lib.erl.
 * The term writers (io_lib, io_lib_pretty) and the `~` engine share them.
 */

/** The character set a printer may emit: `latin1` (`~w`, `~p`) or `unicode` (`~tw`, `~tp`). */
export type Encoding = 'latin1' | 'unicode';

const beyondLatin1 = /[\u0100-\uffff]/;
const surrogates = /[\ud800-\udfff]/;
let segmenter: Intl.Segmenter | undefined;

/**
 * The number of code points in `s` (a JS string counts UTF-16 units).
 * @param s - a string
 * @returns its length in characters, as `length/1` of its char list
 * @example
 * // length("☃x") -> 2
 * codePointLength('☃x') // 2
 */
export function codePointLength(s: string): number {
  if (!surrogates.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * The printed width of `s`, as io_lib:chars_length/1: the code point count when
 * every character fits in a byte (iolist_size), else the grapheme count
 * (string:length).
 * @param s - the characters
 * @returns the width the field and line-length rules count
 * @example
 * // io_lib:chars_length("e\x{301}") -> 1
 * charsLength('e\u0301') // 1
 * @see https://www.erlang.org/doc/man/io_lib.html#chars_length-1
 */
export function charsLength(s: string): number {
  if (!beyondLatin1.test(s)) return s.length;
  return graphemes(s).length;
}

/**
 * Splits `s` into extended grapheme clusters, as OTP's string module does.
 * @param s - a string
 * @returns its graphemes, in order
 * @example
 * // string:to_graphemes("e\x{301}x") -> [[101,769],120]
 * graphemes('e\u0301x') // ['e\u0301', 'x']
 * @see https://www.erlang.org/doc/man/string.html#to_graphemes-1
 */
export function graphemes(s: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(s), (seg) => seg.segment);
}

/**
 * How io_lib writes characters inside quotes: `latin1` escapes nothing above
 * 255 (it never meets any), `unicode_as_unicode` writes every printable
 * character as itself, `unicode_as_latin1` writes those above 255 as `\x{...}`.
 */
export type StringMode = 'latin1' | 'unicode_as_unicode' | 'unicode_as_latin1';

const escapes: Record<number, string> = {
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
  8: '\\b',
  12: '\\f',
  27: '\\e',
  127: '\\d',
};

// io_lib:string_char/4: ASCII and characters from 160 print as themselves,
// 127..159 and control characters as escapes.
function stringChar(mode: StringMode, c: number, quote: number): string {
  if (c === quote) return '\\' + String.fromCharCode(quote);
  if (c === 92) return '\\\\';
  if (c >= 32 && c <= 126) return String.fromCharCode(c);
  if (c >= 160) {
    if (mode === 'unicode_as_unicode' || c <= 255) return String.fromCodePoint(c);
    if (mode === 'unicode_as_latin1') return `\\x{${c.toString(16).toUpperCase()}}`;
  }
  const esc = escapes[c];
  if (esc !== undefined) return esc;
  return '\\' + String(c >> 6) + String((c >> 3) & 7) + String(c & 7);
}

/**
 * Writes character codes between quotes, escaping as io_lib does.
 * @param codes - the character codes
 * @param mode - how to write characters above 255
 * @param quote - the quote's code: 34 (`"`) for a string, 39 (`'`) for an atom
 * @returns the quoted text
 * @example
 * // io_lib:write_string("a\"b") -> "\"a\\\"b\""
 * writeQuoted([97, 34, 98], 'latin1', 34) // '"a\\"b"'
 */
export function writeQuoted(codes: Iterable<number>, mode: StringMode, quote: number): string {
  const q = String.fromCharCode(quote);
  let out = q;
  for (const c of codes) out += stringChar(mode, c, quote);
  return out + q;
}

/**
 * The code points of `s`, as its Erlang char list.
 * @param s - a string
 * @returns the codes, one per character
 * @example
 * // "☃x" -> [9731,120]
 * [...codePoints('☃x')] // [9731, 120]
 */
export function* codePoints(s: string): Generator<number> {
  for (const ch of s) yield ch.codePointAt(0) ?? 0;
}

/**
 * Writes a char list as a double-quoted Erlang string, as io_lib:write_string/2
 * and friends.
 * @param codes - the character codes
 * @param mode - how to write characters above 255
 * @returns the string in double quotes
 * @example
 * // io_lib:write_string("hi\n") -> "\"hi\\n\""
 * writeString([104, 105, 10], 'latin1') // '"hi\\n"'
 * @see https://www.erlang.org/doc/man/io_lib.html#write_string-1
 */
export function writeString(codes: readonly number[], mode: StringMode): string {
  return writeQuoted(codes, mode, 34);
}

/**
 * Whether `c` is a character io_lib:printable_latin1_list/1 accepts.
 * @param c - any value
 * @returns true for a printable latin1 code or one of `\b\t\n\v\f\r\e`
 * @example
 * // io_lib:printable_latin1_list([$a]) -> true
 * isPrintableLatin1(97) // true
 */
export function isPrintableLatin1(c: unknown): boolean {
  return (
    typeof c === 'number' &&
    Number.isInteger(c) &&
    ((c >= 32 && c <= 126) || (c >= 160 && c <= 255) || (c >= 8 && c <= 13) || c === 27)
  );
}

/**
 * Whether `c` is a character io_lib:printable_unicode_list/1 accepts.
 * @param c - any value
 * @returns true for a printable Unicode code point or one of `\b\t\n\v\f\r\e`
 * @example
 * // io_lib:printable_unicode_list([16#2603]) -> true
 * isPrintableUnicode(0x2603) // true
 */
export function isPrintableUnicode(c: unknown): boolean {
  return (
    typeof c === 'number' &&
    Number.isInteger(c) &&
    ((c >= 32 && c <= 126) ||
      (c >= 160 && c < 0xd800) ||
      (c > 0xdfff && c < 0xfffe) ||
      (c > 0xffff && c <= 0x10ffff) ||
      (c >= 8 && c <= 13) ||
      c === 27)
  );
}

/**
 * The list's codes if io_lib would print it as a string (printable_list/1 under
 * the given printable range), else null.
 * @param l - the list's elements
 * @param range - io:printable_range(): `latin1` (erl's default) or `unicode`
 * @returns the codes, or null when some element is not printable
 * @example
 * // io_lib:printable_list("ab") -> true
 * printableCodes(list(97, 98), 'latin1') // [97, 98]
 * @see https://www.erlang.org/doc/man/io_lib.html#printable_list-1
 */
export function printableCodes(l: readonly unknown[], range: Encoding): number[] | null {
  const test = range === 'latin1' ? isPrintableLatin1 : isPrintableUnicode;
  const codes: number[] = [];
  // Indexes, not for-of: a user's array may carry its own iterator.
  for (let i = 0; i < l.length; i++) {
    const c = l[i];
    const n = typeof c === 'bigint' && c < 0x110000n ? Number(c) : c;
    if (!test(n)) return null;
    codes.push(n as number);
  }
  return codes;
}

/**
 * Decodes one UTF-8 character as Erlang's `/utf8` matching does.
 * @param b - the bytes
 * @param i - where the character starts
 * @returns `[code point, byte count]`, or null when the bytes there are not UTF-8
 * @example
 * // <<C/utf8, _/binary>> = <<"é">> -> C = 233
 * decodeUtf8(Buffer.from('é'), 0) // [233, 2]
 */
export function decodeUtf8(b: Uint8Array, i: number): [number, number] | null {
  const b0 = b[i] ?? 256;
  if (b0 < 0x80) return [b0, 1];
  let n: number;
  let c: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) [n, c, min] = [1, b0 & 0x1f, 0x80];
  else if (b0 >= 0xe0 && b0 <= 0xef) [n, c, min] = [2, b0 & 0x0f, 0x800];
  else if (b0 >= 0xf0 && b0 <= 0xf4) [n, c, min] = [3, b0 & 0x07, 0x10000];
  else return null;
  for (let k = 1; k <= n; k++) {
    const bk = b[i + k];
    if (bk === undefined || (bk & 0xc0) !== 0x80) return null;
    c = (c << 6) | (bk & 0x3f);
  }
  if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return null;
  return [c, n + 1];
}
