/**
 * Erlang's term printers: `io_lib:write` (the `~w` form) and `io_lib_pretty:print`
 * (the `~p` form), ported from OTP 25's io_lib.erl and io_lib_pretty.erl so that
 * erlts prints byte-for-byte what `erl` prints.
 *
 * How JS values read as terms (DESIGN §2): strings, booleans, `null` and
 * `undefined` are atoms; safe integers and bigints are integers, every other
 * number is a float; a plain array is a tuple, a {@link List} is a list; a Buffer
 * (or any Uint8Array) is a binary; a plain object is a map with atom keys;
 * Pid/Ref/Port and anything with a {@link formatTerm} method print themselves.
 * Choices where Erlang has no counterpart:
 * - a function prints as `#Fun<erlts.0.N>`, N a serial fixed per function object;
 * - an Error prints as `#Error<Name: message>` (newlines escaped);
 * - NaN and ±Infinity print as the bare words `nan`, `inf`, `-inf`;
 * - a JS `Map` prints as an Erlang map whose keys are terms; any other object
 *   prints as a map of its own enumerable properties.
 *
 * The pretty printer mirrors io_lib_pretty in two passes. `printLength` turns the
 * term into an intermediate tree where every node knows its one-line length
 * (`len`); then `pp` lays the tree out, writing a node on one line whenever its
 * `len` fits before the line length and breaking it otherwise. `cind` is a dry
 * run of `pp` that decides the indentation of tagged tuples (OTP's TInd). Each
 * node is written at most once, so printing is linear in the output size.
 * Maps print with keys in Erlang term order; OTP 25 does the same for maps of up
 * to 32 keys and uses hash order beyond that (not reproduced).
 */

import { formatTerm, isSelfFormatting, List } from './terms.js';

/** The character set a printer may emit: `latin1` (`~w`, `~p`) or `unicode` (`~tw`, `~tp`). */
export type Encoding = 'latin1' | 'unicode';

/** Options of {@link writeTerm}. */
export interface WriteOptions {
  /** Print depth; `-1` (the default) is unlimited. Deeper parts print as `...`. */
  depth?: number;
  /** `latin1` (default) escapes atom characters above 255 as `\x{...}`. */
  encoding?: Encoding;
}

// ---------------------------------------------------------------------------
// Classifying JS values as Erlang terms

/** Whether `v` is an Erlang atom under the DESIGN §2 mapping. */
export function isAtom(v: unknown): v is string | boolean | null | undefined | symbol {
  const t = typeof v;
  return t === 'string' || t === 'boolean' || t === 'symbol' || v === null || v === undefined;
}

/** The atom's text: `true`, `undefined`, `null`, a symbol's description. */
export function atomText(v: string | boolean | null | undefined | symbol): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'symbol') return v.description ?? '';
  return String(v);
}

/** Whether `v` is an Erlang integer: a safe-integer number or a bigint. */
export function isInteger(v: unknown): v is number | bigint {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v));
}

/** Whether `v` is a binary. */
export function isBinary(v: unknown): v is Uint8Array {
  return v instanceof Uint8Array;
}

// ---------------------------------------------------------------------------
// Characters and lengths

const beyondLatin1 = /[\u0100-\uffff]/;
const surrogates = /[\ud800-\udfff]/;
let segmenter: Intl.Segmenter | undefined;

/** Number of code points in `s`. */
export function codePointLength(s: string): number {
  if (!surrogates.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * io_lib:chars_length/1: the code point count when every character fits in a
 * byte (iolist_size), else the grapheme count (string:length).
 */
export function charsLength(s: string): number {
  if (!beyondLatin1.test(s)) return s.length;
  return graphemes(s).length;
}

/** Splits `s` into extended grapheme clusters, as OTP's string module does. */
export function graphemes(s: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(s), (seg) => seg.segment);
}

/** How io_lib writes characters inside quotes. */
type StringMode = 'latin1' | 'unicode_as_unicode' | 'unicode_as_latin1';

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

function writeQuoted(codes: Iterable<number>, mode: StringMode, quote: number): string {
  const q = String.fromCharCode(quote);
  let out = q;
  for (const c of codes) out += stringChar(mode, c, quote);
  return out + q;
}

function* codePoints(s: string): Generator<number> {
  for (const ch of s) yield ch.codePointAt(0) ?? 0;
}

const reservedWords = new Set([
  'after',
  'and',
  'andalso',
  'band',
  'begin',
  'bnot',
  'bor',
  'bsl',
  'bsr',
  'bxor',
  'case',
  'catch',
  'cond',
  'div',
  'end',
  'fun',
  'if',
  'let',
  'not',
  'of',
  'or',
  'orelse',
  'receive',
  'rem',
  'try',
  'when',
  'xor',
]);

function isLowerStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

function isNameChar(c: number): boolean {
  return (
    isLowerStart(c) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c <= 0xde && c !== 0xd7) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 64
  );
}

/** Whether Erlang quotes this atom when printing it (io_lib:quote_atom/2). */
export function atomNeedsQuotes(name: string): boolean {
  if (reservedWords.has(name)) return true;
  let first = true;
  for (const c of codePoints(name)) {
    if (first ? !isLowerStart(c) : !isNameChar(c)) return true;
    first = false;
  }
  return first; // '' needs quotes
}

/**
 * Writes an atom, quoted when needed: `ok`, `'EXIT'`, `'hello world'`.
 * @param encoding - `latin1` writes characters above 255 as `\x{...}`
 */
export function writeAtom(name: string, encoding: Encoding = 'latin1'): string {
  if (!atomNeedsQuotes(name)) return name;
  return writeQuoted(
    codePoints(name),
    encoding === 'latin1' ? 'unicode_as_latin1' : 'unicode_as_unicode',
    39,
  );
}

/** Writes a char list as a double-quoted Erlang string (io_lib:write_string/2 and friends). */
function writeString(codes: readonly number[], mode: StringMode): string {
  return writeQuoted(codes, mode, 34);
}

// ---------------------------------------------------------------------------
// Floats

/**
 * float_to_list(F, [short]) (io_lib_format:fwrite_g/1): the shortest digits that
 * read back as `x`, laid out as OTP's Ryu-based printer does: fixed notation
 * near 1, scientific otherwise, always with a `.` (`1.0`, `0.1`, `1.0e-10`).
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

// ---------------------------------------------------------------------------
// io_lib:write — the ~w form

const funSerials = new WeakMap<object, number>();
let nextFunSerial = 0;

function writeFun(f: object): string {
  let n = funSerials.get(f);
  if (n === undefined) {
    n = nextFunSerial++;
    funSerials.set(f, n);
  }
  return `#Fun<erlts.0.${n}>`;
}

function writeError(e: Error): string {
  return `#Error<${e.name}: ${e.message.replace(/\n/g, '\\n')}>`;
}

function writeNumber(n: number | bigint): string {
  if (typeof n === 'bigint' || Number.isSafeInteger(n)) return (Object.is(n, -0) ? 0 : n).toString();
  return floatToShortString(n);
}

/** Map entries in Erlang term order. */
function mapEntries(m: object): [unknown, unknown][] {
  if (m instanceof Map) {
    return [...(m as Map<unknown, unknown>).entries()].sort((a, b) => compareTerms(a[0], b[0]));
  }
  return Object.keys(m)
    .sort(compareCodePoints)
    .map((k) => [k, (m as Record<string, unknown>)[k]]);
}

function compareCodePoints(a: string, b: string): number {
  if (!surrogates.test(a) && !surrogates.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const ia = codePoints(a);
  const ib = codePoints(b);
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done === true) return y.done === true ? 0 : -1;
    if (y.done === true) return 1;
    if (x.value !== y.value) return x.value - y.value;
  }
}

// number < atom < reference < fun < port < pid < tuple < map < list < binary
function termRank(v: unknown): number {
  if (typeof v === 'number' || typeof v === 'bigint') return 0;
  if (isAtom(v)) return 1;
  if (typeof v === 'function') return 3;
  if (isSelfFormatting(v)) {
    const text = v[formatTerm]();
    return text.startsWith('#Ref') ? 2 : text.startsWith('#Port') ? 4 : 5;
  }
  if (v instanceof List) return 8;
  if (Array.isArray(v)) return 6;
  if (isBinary(v)) return 9;
  return 7;
}

/** Erlang's term order, enough to sort map keys. */
export function compareTerms(a: unknown, b: unknown): number {
  const ra = termRank(a);
  const rb = termRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 0: {
      const x = a as number | bigint;
      const y = b as number | bigint;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 1:
      return compareCodePoints(
        atomText(a as string | boolean | null | undefined | symbol),
        atomText(b as string | boolean | null | undefined | symbol),
      );
    case 6:
    case 8: {
      const x = a as unknown[];
      const y = b as unknown[];
      if (ra === 6 && x.length !== y.length) return x.length - y.length;
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareTerms(x[i], y[i]);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
    case 9:
      return Buffer.compare(a as Uint8Array, b as Uint8Array);
    default: {
      const x = writeTerm(a);
      const y = writeTerm(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

/**
 * Writes a term on one line in Erlang syntax, as `io_lib:write/2` and `~w` do.
 * @param term - any value, read as an Erlang term (DESIGN §2)
 * @param opts - depth limit and encoding
 * @returns the text, e.g. `{ok,[1,2]}`
 * @example
 * // io_lib:write({ok, [1,2]}) -> "{ok,[1,2]}"
 * writeTerm(['ok', list(1, 2)])
 * @see https://www.erlang.org/doc/man/io_lib.html#write-2
 */
export function writeTerm(term: unknown, opts: WriteOptions = {}): string {
  const out: string[] = [];
  write1(term, opts.depth ?? -1, opts.encoding ?? 'latin1', out);
  return out.join('');
}

function write1(t: unknown, d: number, enc: Encoding, out: string[]): void {
  if (d === 0) {
    out.push('...');
  } else if (typeof t === 'number' || typeof t === 'bigint') {
    out.push(writeNumber(t));
  } else if (isAtom(t)) {
    out.push(writeAtom(atomText(t), enc));
  } else if (typeof t === 'function') {
    out.push(writeFun(t));
  } else if (isSelfFormatting(t)) {
    out.push(t[formatTerm]());
  } else if (isBinary(t)) {
    out.push('<<' + writeBinaryParts(t, d).join(',') + '>>');
  } else if (Array.isArray(t)) {
    const isList = t instanceof List;
    const [open, close, sep] = isList ? ['[', ']', '|'] : ['{', '}', ','];
    if (t.length === 0) {
      out.push(open + close);
    } else if (d === 1) {
      out.push(open + '...' + close);
    } else {
      out.push(open);
      write1(t[0], d - 1, enc, out);
      let dd = d - 1;
      for (let i = 1; i < t.length; i++) {
        if (dd === 1) {
          out.push(sep + '...');
          break;
        }
        out.push(',');
        write1(t[i], dd - 1, enc, out);
        dd--;
      }
      out.push(close);
    }
  } else if (t instanceof Error) {
    out.push(writeError(t));
  } else if (typeof t === 'object') {
    writeMap(t, d, enc, out);
  } else {
    out.push(String(t));
  }
}

function writeAssoc(k: unknown, v: unknown, d: number, enc: Encoding, out: string[]): void {
  write1(k, d, enc, out);
  out.push(' => ');
  write1(v, d, enc, out);
}

function writeMap(m: object, d: number, enc: Encoding, out: string[]): void {
  const entries = mapEntries(m);
  // OTP 25 writes a map at depth 1 as #{} (io_lib:write_map/3).
  if (d === 1 || entries.length === 0) {
    out.push('#{}');
    return;
  }
  const d0 = d - 1;
  out.push('#{');
  const [k0, v0] = entries[0] as [unknown, unknown];
  writeAssoc(k0, v0, d0, enc, out);
  // write_map_body/4: the depth check comes before looking for a next pair,
  // so OTP prints #{a => 1,...} for a one-pair map at depth 2.
  let dd = d0;
  for (let i = 1; ; i++, dd--) {
    if (dd === 1) {
      out.push(',...');
      break;
    }
    const entry = entries[i];
    if (entry === undefined) break;
    out.push(',');
    writeAssoc(entry[0], entry[1], d0, enc, out);
  }
  out.push('}');
}

/** io_lib:write_binary/3 body: the byte texts between `<<` and `>>`, `...` when cut. */
function writeBinaryParts(b: Uint8Array, d: number): string[] {
  const parts: string[] = [];
  let dd = d;
  for (let i = 0; i < b.length; i++) {
    if (dd === 1) {
      parts.push('...');
      break;
    }
    parts.push(String(b[i]));
    dd--;
  }
  return parts;
}

// ---------------------------------------------------------------------------
// io_lib_pretty — the ~p form

/** A term already written on one line (OTP: a node whose first element is chars). */
interface Leaf {
  readonly kind: 'leaf';
  readonly text: string;
  readonly len: number;
}

/** A binary written as bytes, which may break between bytes. */
interface BinNode {
  readonly kind: 'bin';
  readonly parts: readonly string[];
  readonly len: number;
}

/** A list or tuple; `dots` marks elements cut by the depth limit. */
interface SeqNode {
  readonly kind: 'list' | 'tuple';
  readonly tagged: boolean;
  readonly items: readonly Node[];
  readonly dots: boolean;
  readonly len: number;
}

interface MapNode {
  readonly kind: 'map';
  readonly items: readonly PairNode[];
  readonly dots: boolean;
  readonly len: number;
}

interface PairNode {
  readonly kind: 'pair';
  readonly key: Node;
  readonly value: Node;
  readonly len: number;
}

type Node = Leaf | BinNode | SeqNode | MapNode | PairNode;

interface PrintContext {
  readonly enc: Encoding;
  readonly strings: boolean;
  readonly range: Encoding;
}

function leaf(text: string, len = charsLength(text)): Leaf {
  return { kind: 'leaf', text, len };
}

// io_lib_pretty:list_length/3
function seqLength(items: readonly Node[], dots: boolean, acc: number): number {
  let len = acc;
  items.forEach((e, i) => {
    len += (i > 0 ? 1 : 0) + e.len;
  });
  if (dots) len += (items.length > 0 ? 1 : 0) + 3;
  return len;
}

function printLength(t: unknown, d: number, ctx: PrintContext): Node {
  if (isAtom(t)) return leaf(writeAtom(atomText(t), ctx.enc));
  if (Array.isArray(t)) {
    if (t.length === 0) return leaf(t instanceof List ? '[]' : '{}', 2);
    if (t instanceof List) {
      if (ctx.strings && d !== 1) {
        const codes = printableCodes(t, ctx.enc === 'latin1' ? 'latin1' : ctx.range);
        if (codes !== null)
          return leaf(writeString(codes, ctx.enc === 'latin1' ? 'latin1' : 'unicode_as_unicode'));
      }
      return printLengthSeq('list', t, d, ctx);
    }
    if (d === 1) return leaf('{...}', 5);
    return printLengthSeq('tuple', t, d, ctx);
  }
  if (isBinary(t)) return printLengthBinary(t, d, ctx);
  if (typeof t === 'object' && t !== null && !isSelfFormatting(t) && !(t instanceof Error)) {
    return printLengthMap(t, d, ctx);
  }
  return leaf(writeTerm(t));
}

function printLengthSeq(
  kind: 'list' | 'tuple',
  t: readonly unknown[],
  d: number,
  ctx: PrintContext,
): SeqNode {
  const items: Node[] = [];
  let dots = false;
  let dd = d;
  for (const e of t) {
    if (dd === 1) {
      dots = true;
      break;
    }
    items.push(printLength(e, dd - 1, ctx));
    dd--;
  }
  const tagged = kind === 'tuple' && isAtom(t[0]) && t.length > 1;
  return { kind, tagged, items, dots, len: seqLength(items, dots, 2) };
}

function printLengthMap(m: object, d: number, ctx: PrintContext): Node {
  const entries = mapEntries(m);
  if (entries.length === 0) return leaf('#{}', 3);
  if (d === 1) return leaf('#{...}', 6);
  const items: PairNode[] = [];
  let dots = false;
  let dd = d;
  for (const [k, v] of entries) {
    if (dd === 1) {
      dots = true;
      break;
    }
    const key = printLength(k, d - 1, ctx);
    const value = printLength(v, d - 1, ctx);
    items.push({ kind: 'pair', key, value, len: key.len + 4 + value.len });
    dd--;
  }
  return { kind: 'map', items, dots, len: seqLength(items, dots, 3) };
}

function printLengthBinary(b: Uint8Array, d: number, ctx: PrintContext): Node {
  if (b.length === 0) return leaf('<<>>', 4);
  if (d === 1) return leaf('<<...>>', 7);
  const found = ctx.strings ? printableBinary(b, d - 1, ctx) : null;
  if (found !== null) {
    const s = writeString(found.codes, 'unicode_as_unicode');
    if (found.plain) {
      return found.cut
        ? leaf('<<' + s + '...>>', 7 + codePointLength(s))
        : leaf('<<' + s + '>>', 4 + codePointLength(s));
    }
    return found.cut
      ? leaf('<<' + s + '/utf8...>>', 12 + charsLength(s))
      : leaf('<<' + s + '/utf8>>', 9 + charsLength(s));
  }
  const parts = writeBinaryParts(b, d);
  let len = 4 + parts.length - 1;
  for (const p of parts) len += p.length;
  return { kind: 'bin', parts, len };
}

function isPrintableLatin1(c: unknown): boolean {
  return (
    typeof c === 'number' &&
    Number.isInteger(c) &&
    ((c >= 32 && c <= 126) || (c >= 160 && c <= 255) || (c >= 8 && c <= 13) || c === 27)
  );
}

function isPrintableUnicode(c: unknown): boolean {
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

/** The list's codes if io_lib would print it as a string, else null. */
function printableCodes(l: readonly unknown[], range: Encoding): number[] | null {
  const test = range === 'latin1' ? isPrintableLatin1 : isPrintableUnicode;
  const codes: number[] = [];
  for (const c of l) {
    const n = typeof c === 'bigint' && c < 0x110000n ? Number(c) : c;
    if (!test(n)) return null;
    codes.push(n as number);
  }
  return codes;
}

interface PrintableBinary {
  /** Every character is one byte: print `<<"...">>` rather than `<<"..."/utf8>>`. */
  readonly plain: boolean;
  /** Only a prefix is shown (depth limit): append `...`. */
  readonly cut: boolean;
  readonly codes: number[];
}

// io_lib_pretty:printable_bin0/4 with no chars_limit
function printableBinary(b: Uint8Array, d: number, ctx: PrintContext): PrintableBinary | null {
  const len = d >= 0 ? Math.min(4 * d, b.length) : b.length;
  if (len === 0) return null;
  if (ctx.enc === 'unicode') {
    const found = printableUtf8(b, len, d, ctx.range);
    if (found !== undefined) return found;
  }
  let p = 0;
  while (p < len && isPrintableLatin1(b[p])) p++;
  if (p === len) {
    return { plain: true, cut: len !== b.length, codes: Array.from(b.subarray(0, len)) };
  }
  if (d > 0 && p >= d) return { plain: true, cut: true, codes: Array.from(b.subarray(0, p)) };
  return null;
}

/** Decodes one UTF-8 character as Erlang's `/utf8` matching does, or null. */
function decodeUtf8(b: Uint8Array, i: number): [number, number] | null {
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

/** The unicode branch of printable_bin/4; `undefined` means "not UTF-8, try latin1". */
function printableUtf8(
  b: Uint8Array,
  len: number,
  d: number,
  range: Encoding,
): PrintableBinary | null | undefined {
  // valid_utf8/2: the first `len` characters must decode.
  for (let i = 0, n = len; i < b.length && n > 0; n--) {
    const ch = decodeUtf8(b, i);
    if (ch === null) return undefined;
    i += ch[1];
  }
  const test = range === 'latin1' ? isPrintableLatin1 : isPrintableUnicode;
  const codes: number[] = [];
  let pos = 0;
  let left = len;
  while (left > 0 && pos < b.length) {
    const ch = decodeUtf8(b, pos);
    if (ch === null || !test(ch[0])) break;
    codes.push(ch[0]);
    pos += ch[1];
    left--;
  }
  if (pos === b.length) return { plain: b.length === codes.length, cut: false, codes };
  if (d > 0 && len - left >= d) return { plain: pos === codes.length, cut: true, codes };
  return null;
}

function write(n: Node): string {
  switch (n.kind) {
    case 'leaf':
      return n.text;
    case 'bin':
      return '<<' + n.parts.join(',') + '>>';
    case 'list':
      return '[' + writeItems(n.items, n.dots, '|') + ']';
    case 'tuple':
      return '{' + writeItems(n.items, n.dots, ',') + '}';
    case 'map':
      return '#{' + writeItems(n.items, n.dots, ',') + '}';
    case 'pair':
      return write(n.key) + ' => ' + write(n.value);
  }
}

function writeItems(items: readonly Node[], dots: boolean, sep: string): string {
  if (items.length === 0) return '...';
  const parts = items.map(write);
  return parts.join(',') + (dots ? sep + '...' : '');
}

const isLeaf = (n: Node): boolean => n.kind === 'leaf';
const isLeafPair = (p: Node): boolean =>
  p.kind === 'pair' && p.key.kind === 'leaf' && p.value.kind === 'leaf';

/** The arguments after the element of ppElement/ppPair: col, ll, m, tind, ind, ld, w. */
type PpRest = [number, number, number, number, number, number, number];
/** The arguments after the element of cindElement/cindPair: col, ll, m, ind, ld, w. */
type CindRest = [number, number, number, number, number, number];

/** OTP's Ind: an indentation of `n` spaces. */
const spaces = (n: number): string => ' '.repeat(Math.max(0, n));

// The pp* and cind* functions below follow io_lib_pretty's clause for clause;
// `ld` is the number of closing characters that follow the last element, `w`
// the width already used on the current line, `m` the term's total length.

/** An element after the first: stays on the line when it is a leaf that fits. */
function fitsInline(
  e: Node,
  ld1: number,
  col: number,
  ll: number,
  m: number,
  w: number,
  leafy: boolean,
): boolean {
  const elen = 1 + e.len;
  if (!leafy) return false;
  if (ld1 === 0) return elen + 1 < ll - col && w + elen + 1 <= m;
  return elen < ll - col - ld1 && w + elen + ld1 <= m;
}

const lastDepth = (items: readonly Node[], i: number, ld: number): number =>
  i + 1 < items.length ? 0 : ld + 1;

function pp(
  n: Node,
  col: number,
  ll: number,
  m: number,
  tind: number,
  ind: number,
  ld: number,
  w: number,
): string {
  if (n.len < ll - col - ld && n.len + w + ld <= m) return write(n);
  switch (n.kind) {
    case 'list':
      return '[' + ppList(n.items, 0, n.dots, col + 1, ll, m, tind, ind + 1, ld, '|', w + 1) + ']';
    case 'tuple':
      if (n.tagged) return '{' + ppTagTuple(n, col, ll, m, tind, ind, ld, w + 1) + '}';
      return '{' + ppList(n.items, 0, n.dots, col + 1, ll, m, tind, ind + 1, ld, ',', w + 1) + '}';
    case 'map':
      return '#{' + ppMap(n, col + 2, ll, m, tind, ind + 2, ld, w + 1) + '}';
    case 'bin':
      return ppBinary(n.parts, col + 2, ll, m, ind + 2, ld, w);
    default:
      return write(n);
  }
}

function ppTagTuple(
  n: SeqNode,
  col: number,
  ll: number,
  m: number,
  tind: number,
  ind: number,
  ld: number,
  w: number,
): string {
  const tag = n.items[0];
  if (tag === undefined) return '...';
  const tagInd = tag.len + 2;
  const tcol = col + tagInd;
  if (tind > 0 && tagInd > tind) {
    return (
      write(tag) + ppTail(n.items, 1, n.dots, col + tind, tcol, ll, m, tind, ind + tind, ld, ',', w + tag.len)
    );
  }
  return (
    write(tag) + ',' + ppList(n.items, 1, n.dots, tcol, ll, m, tind, ind + tagInd, ld, ',', w + tag.len + 1)
  );
}

function ppList(
  items: readonly Node[],
  start: number,
  dots: boolean,
  col0: number,
  ll: number,
  m: number,
  tind: number,
  ind: number,
  ld: number,
  sep: string,
  w: number,
): string {
  const e = items[start];
  if (e === undefined) return dots ? '...' : '';
  const [es, we] = ppElement(e, col0, ll, m, tind, ind, lastDepth(items, start, ld), w);
  return es + ppTail(items, start + 1, dots, col0, col0 + we, ll, m, tind, ind, ld, sep, w + we);
}

function ppTail(
  items: readonly Node[],
  start: number,
  dots: boolean,
  col0: number,
  col: number,
  ll: number,
  m: number,
  tind: number,
  ind: number,
  ld: number,
  sep: string,
  w: number,
  // Map pairs take the same path with their own leaf test and printer (pp_map).
  leaf: (e: Node) => boolean = isLeaf,
  element: (e: never, ...rest: PpRest) => [string, number] = ppElement,
): string {
  let out = '';
  for (let i = start; i < items.length; i++) {
    const e = items[i] as Node;
    const ld1 = lastDepth(items, i, ld);
    if (fitsInline(e, ld1, col, ll, m, w, leaf(e))) {
      out += ',' + write(e);
      col += 1 + e.len;
      w += 1 + e.len;
    } else {
      const [es, we] = element(e as never, col0, ll, m, tind, ind, ld1, 0);
      out += ',\n' + spaces(ind) + es;
      col = col0 + we;
      w = we;
    }
  }
  return dots ? out + sep + '...' : out;
}

function ppElement(
  e: Node,
  col: number,
  ll: number,
  m: number,
  tind: number,
  ind: number,
  ld: number,
  w: number,
): [string, number] {
  if (e.len < ll - col - ld && e.len + w + ld <= m && isLeaf(e)) return [write(e), e.len];
  return [pp(e, col, ll, m, tind, ind, ld, w), ll];
}

function ppMap(
  n: MapNode,
  col: number,
  ll: number,
  m: number,
  tind: number,
  ind: number,
  ld: number,
  w: number,
): string {
  const first = n.items[0];
  if (first === undefined) return n.dots ? '...' : '';
  const [ps, pw] = ppPair(first, col, ll, m, tind, ind, lastDepth(n.items, 0, ld), w);
  return ps + ppTail(n.items, 1, n.dots, col, col + pw, ll, m, tind, ind, ld, ',', pw, isLeafPair, ppPair);
}

function ppPair(
  p: PairNode,
  col: number,
  ll: number,
  m: number,
  tind: number,
  ind0: number,
  ld: number,
  w: number,
): [string, number] {
  if (p.len < ll - col - ld && p.len + w + ld <= m) return [write(p), isLeafPair(p) ? p.len : ll];
  const i = tind > 0 ? tind : 4;
  const ind = ind0 + i;
  return [
    pp(p.key, col, ll, m, tind, ind0, ld, w) +
      ' =>\n' +
      spaces(ind) +
      pp(p.value, col + i, ll, m, tind, ind, ld, 0),
    ll,
  ];
}

function ppBinary(
  parts: readonly string[],
  col: number,
  ll: number,
  m: number,
  ind: number,
  ld: number,
  w: number,
): string {
  const n0 = Math.max(8, Math.min(ll - col, m - 4 - w) - ld);
  let n = n0;
  let out = '<<';
  const last = parts.length - 1;
  for (let i = 0; i < last; i++) {
    const bs = parts[i] as string;
    const len = bs.length + 1;
    if (n - len < 0) {
      out += '\n' + spaces(ind) + bs + ',';
      n = n0 - len;
    } else {
      out += bs + ',';
      n -= len;
    }
  }
  const tail = parts[last] ?? '';
  out += tail.length > n ? '\n' + spaces(ind) + tail : tail;
  return out + '>>';
}

/** Thrown by a `cind` dry run when a tag indentation does not fit the line. */
const noGood = Symbol('no_good');

function cind(n: Node, col: number, ll: number, m: number, ind: number, ld: number, w: number): number {
  if (n.len < ll - col - ld && n.len + w + ld <= m) return ind;
  switch (n.kind) {
    case 'list':
      return cindList(n.items, 0, col + 1, ll, m, ind, ld, w + 1);
    case 'tuple':
      if (n.tagged) return cindTagTuple(n, col, ll, m, ind, ld, w + 1);
      return cindList(n.items, 0, col + 1, ll, m, ind, ld, w + 1);
    case 'map':
      return cindMap(n, col + 2, ll, m, ind, ld, w + 2);
    default:
      return ind;
  }
}

function cindTagTuple(
  n: SeqNode,
  col: number,
  ll: number,
  m: number,
  ind: number,
  ld: number,
  w: number,
): number {
  const tag = n.items[0];
  if (tag === undefined) return ind;
  const tagInd = tag.len + 2;
  const tcol = col + tagInd;
  const half = Math.trunc(ll / 2);
  if (ind > 0 && tagInd > ind) {
    const col1 = col + ind;
    if (m + col1 <= ll || col1 <= half) return cindTail(n.items, 1, col1, tcol, ll, m, ind, ld, w + tag.len);
    throw noGood;
  }
  if (m + tcol < ll || tcol < half) return cindList(n.items, 1, tcol, ll, m, ind, ld, w + tag.len + 1);
  throw noGood;
}

function cindList(
  items: readonly Node[],
  start: number,
  col0: number,
  ll: number,
  m: number,
  ind: number,
  ld: number,
  w: number,
): number {
  const e = items[start];
  if (e === undefined) return ind;
  const we = cindElement(e, col0, ll, m, ind, lastDepth(items, start, ld), w);
  return cindTail(items, start + 1, col0, col0 + we, ll, m, ind, ld, w + we);
}

function cindTail(
  items: readonly Node[],
  start: number,
  col0: number,
  col: number,
  ll: number,
  m: number,
  ind: number,
  ld: number,
  w: number,
  // Map pairs take the same path with their own leaf test and measure (cind_map).
  leaf: (e: Node) => boolean = isLeaf,
  element: (e: never, ...rest: CindRest) => number = cindElement,
): number {
  for (let i = start; i < items.length; i++) {
    const e = items[i] as Node;
    const ld1 = lastDepth(items, i, ld);
    if (fitsInline(e, ld1, col, ll, m, w, leaf(e))) {
      col += 1 + e.len;
      w += 1 + e.len;
    } else {
      const we = element(e as never, col0, ll, m, ind, ld1, 0);
      col = col0 + we;
      w = we;
    }
  }
  return ind;
}

function cindElement(
  e: Node,
  col: number,
  ll: number,
  m: number,
  ind: number,
  ld: number,
  w: number,
): number {
  if (e.len < ll - col - ld && e.len + w + ld <= m && isLeaf(e)) return e.len;
  cind(e, col, ll, m, ind, ld, w);
  return ll;
}

function cindMap(n: MapNode, col: number, ll: number, m: number, ind: number, ld: number, w: number): number {
  const first = n.items[0];
  if (first === undefined) return ind;
  const pw = cindPair(first, col, ll, m, ind, lastDepth(n.items, 0, ld), w);
  return cindTail(n.items, 1, col, col + pw, ll, m, ind, ld, w + pw, isLeafPair, cindPair);
}

function cindPair(
  p: PairNode,
  col: number,
  ll: number,
  m: number,
  ind: number,
  ld: number,
  w: number,
): number {
  if (p.len < ll - col - ld && p.len + w + ld <= m) return isLeafPair(p) ? p.len : ll;
  cind(p.key, col, ll, m, ind, ld, w);
  cind(p.value, col + (ind > 0 ? ind : 4), ll, m, ind, ld, 0);
  return ll;
}

/**
 * Pretty-prints a term as `io_lib_pretty:print/2` and `~p` do: on one line when
 * it fits before `lineLength`, else broken over lines and indented relative to
 * `column`, lists of printable characters as strings.
 * @param term - any value, read as an Erlang term (DESIGN §2)
 * @param column - the 1-based column where the term starts
 * @param lineLength - the line length (80 for a bare `~p`)
 * @param depth - print depth, `-1` for unlimited (`~P`)
 * @param encoding - `latin1` for `~p`, `unicode` for `~tp`
 * @param strings - false (the `l` modifier) prints char lists as lists
 * @param printableRange - io:printable_range(): which lists read as strings;
 *   `latin1` is erl's default, `unicode` is `erl +pc unicode`
 * @returns the text, possibly spanning lines (no trailing newline)
 * @example
 * // io_lib_pretty:print({ok, "abc"}, 1, 80, -1) -> {ok,"abc"}
 * printTerm(['ok', list(97, 98, 99)], 1, 80, -1, 'latin1')
 * @see https://www.erlang.org/doc/man/io.html#format-2
 */
export function printTerm(
  term: unknown,
  column: number,
  lineLength: number,
  depth: number,
  encoding: Encoding,
  strings = true,
  printableRange: Encoding = 'latin1',
): string {
  if (depth === 0) return '...';
  const col = column <= 0 ? 1 : column;
  if (isAtom(term)) return writeAtom(atomText(term), encoding);
  const structured =
    Array.isArray(term) ||
    isBinary(term) ||
    (typeof term === 'object' && term !== null && !isSelfFormatting(term) && !(term instanceof Error));
  if (!structured) return writeTerm(term);
  const node = printLength(term, depth, { enc: encoding, strings, range: printableRange });
  const m = node.len;
  if (lineLength === 0 || node.len < lineLength - col) return write(node);
  let tind = 1;
  for (const candidate of [-1, 4]) {
    try {
      tind = cind(node, col, lineLength, m, candidate, 0, 0);
      break;
    } catch (e) {
      if (e !== noGood) throw e;
    }
  }
  return pp(node, col, lineLength, m, tind, col - 1, 0, 0);
}
