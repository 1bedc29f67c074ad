/**
 * OTP 25's string module: the functions of its current (grapheme cluster) API.
 *
 * Every function takes unicode:chardata() in three forms and answers in the caller's form
 * (chardata.ts): a JS string gives JS strings, a binary gives binaries, a list gives lists of
 * code points. Text is read into code points, worked on by the ports in search.ts, and cut back
 * into the caller's form.
 */
import { List, list } from 'erlts';
import { describe, termKind, toList } from '../../../runtime/internal/library-api.js';
import { mapCase, titlecaseFirst } from './case.js';
import {
  asListElement,
  codePoints,
  decodeUtf8,
  empty,
  fail,
  graphemeTerm,
  readText,
  stringOf,
  write,
  type BadReason,
  type Text,
} from './chardata.js';
import { gcAt, graphemeLengths, skipGraphemes } from './graphemes.js';
import { readFloat, readInteger } from './number.js';
import {
  compileSeps,
  findNeedle,
  firstSep,
  leadingSepsEnd,
  lexemeRanges,
  matchAt,
  nthLexemeRange,
  splitRanges,
  trailingNonSepsStart,
  trailingSepsStart,
  type Sep,
  type Seps,
} from './search.js';

/**
 * unicode:chardata(): a JS string (Erlang's string literal: its code points), a binary
 * (UTF-8), or a list of code points, binaries, JS strings and nested lists.
 */
export type chardata = string | Uint8Array | readonly unknown[];

/** grapheme_cluster(): a code point, a list of code points, or a JS string of one grapheme. */
export type grapheme_cluster = number | string | readonly number[];

/** `leading` or `trailing`. */
export type direction = 'leading' | 'trailing';

/**
 * The form a function answers in for chardata `S`: a JS string for a JS string, a Buffer for a
 * binary, a `List` of code points for a list.
 */
export type Like<S> = S extends string ? string : S extends Uint8Array ? Buffer : List<number>;

/** A grapheme in `S`'s form: a JS string for a JS string, else a code point or a list of them. */
export type GraphemeOf<S> = S extends string ? string : number | List<number>;

const badargOf: BadReason = (v) => ['badarg', v];
const badmatchOf: BadReason = (v) => ['badmatch', v];
const plainBadarg: BadReason = () => 'badarg';

/**
 * The text as OTP hands it back untouched: as the caller gave it, except a plain array, which
 * erlts reads as a list and so gives back as a `List` (a plain array would be a tuple).
 */
function given(t: Text, value: unknown): unknown {
  return Array.isArray(value) && termKind(value) === 'tuple' ? write('list', t.cps) : value;
}

function cut(t: Text, start: number, end = t.cps.length): unknown {
  return write(t.form, t.cps, start, end);
}

function isNonNegInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

function checkDir<D extends string>(
  fn: string,
  value: unknown,
  allowed: readonly D[],
  name = 'the direction',
): D {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as D;
  fail(fn, 'function_clause', `${name} must be ${allowed.join(', ')}: ${describe(value)}`);
}

/** A grapheme_cluster() argument, as a separator (search.ts) or a pad character. */
function readGrapheme(value: unknown): Sep | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0x10ffff) {
    return { cps: [value], single: true };
  }
  if (typeof value === 'string') {
    const cps = codePoints(value);
    if (cps.length === 0) return undefined;
    return { cps, single: cps.length === 1 };
  }
  if (Array.isArray(value) && value.every((c) => typeof c === 'number' && Number.isInteger(c))) {
    return { cps: value as number[], single: false };
  }
  return undefined;
}

/** A [grapheme_cluster()] argument: a list of them, or a JS string of single code points. */
function readSeps(fn: string, value: unknown, reason: string = 'function_clause'): Seps {
  if (typeof value === 'string')
    return compileSeps(codePoints(value).map((c) => ({ cps: [c], single: true })));
  if (!Array.isArray(value)) {
    fail(fn, reason, `the separators must be a list of grapheme clusters: ${describe(value)}`);
  }
  const seps: Sep[] = [];
  for (const item of value as unknown[]) {
    const sep = readGrapheme(item);
    if (sep === undefined) {
      fail(fn, reason, `a separator is no grapheme cluster: ${describe(item)}`);
    }
    seps.push(sep);
  }
  return compileSeps(seps);
}

function isEmptyList(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || value === '';
}

/**
 * Whether the chardata holds no characters (nested empty lists and binaries are empty).
 * @param String - chardata
 * @returns `true` or `false`; what is no chardata is not empty
 * @example
 * // true = string:is_empty(["", <<>>])
 * string.is_empty(list('', Buffer.alloc(0))); // true
 * @see https://www.erlang.org/doc/man/string.html#is_empty-1
 */
export function is_empty(String: unknown): boolean {
  if (typeof String === 'string') return String.length === 0;
  const kind = termKind(String);
  if (kind === 'binary') return (String as Uint8Array).length === 0;
  if (kind !== 'list' && kind !== 'tuple') return false;
  return (String as unknown[]).every((item) => is_empty(item));
}

/**
 * The number of grapheme clusters.
 * @param String - chardata
 * @returns a non-negative integer
 * @example
 * // 3 = string:length("ß↑e̊")
 * string.length('ß↑e̊'); // 3
 * @see https://www.erlang.org/doc/man/string.html#length-1
 */
export function length(String: chardata): number {
  return graphemeLengths(readText('length/1', String).cps).length;
}

/**
 * The grapheme clusters of the text.
 * @param String - chardata
 * @returns the list of graphemes: for a JS string, JS strings; else a code point or, for a
 *   grapheme of several, the list of its code points
 * @example
 * // [$a, [$e, 769]] = string:to_graphemes("ae\x{301}")
 * string.to_graphemes(list(97, 101, 769)); // list(97, list(101, 769))
 * @see https://www.erlang.org/doc/man/string.html#to_graphemes-1
 */
export function to_graphemes<S extends chardata>(String: S): List<GraphemeOf<S>> {
  const t = readText('to_graphemes/1', String);
  const out = new List<GraphemeOf<S>>();
  let i = 0;
  for (const g of graphemeLengths(t.cps)) {
    out.push(graphemeTerm(t.form, t.cps, i, i + g) as GraphemeOf<S>);
    i += g;
  }
  return out;
}

/**
 * The text with its grapheme clusters in reverse order.
 * @param String - chardata
 * @returns for a JS string the reversed JS string; else, as OTP, the list of graphemes in
 *   reverse (a grapheme of several code points is a list of them)
 * @example
 * // "cba" = string:reverse(<<"abc">>)
 * string.reverse(Buffer.from('abc')); // list(99, 98, 97)
 * @see https://www.erlang.org/doc/man/string.html#reverse-1
 */
export function reverse<S extends chardata>(
  String: S,
): S extends string ? string : List<number | List<number>> {
  type R = S extends string ? string : List<number | List<number>>;
  const t = readText('reverse/1', String);
  const graphemes: unknown[] = [];
  let i = 0;
  for (const g of graphemeLengths(t.cps)) {
    graphemes.push(graphemeTerm(t.form, t.cps, i, i + g));
    i += g;
  }
  graphemes.reverse();
  return (t.form === 'string' ? graphemes.join('') : toList(graphemes)) as R;
}

const norms = ['none', 'nfc', 'nfd', 'nfkc', 'nfkd'] as const;
type Norm = (typeof norms)[number];

/**
 * Whether two texts are equal, optionally ignoring case (by case folding) and after Unicode
 * normalization.
 * @param A - chardata
 * @param B - chardata
 * @param IgnoreCase - `true` to compare case folded texts (default `false`)
 * @param Norm - `none` (default), `nfc`, `nfd`, `nfkc` or `nfkd`
 * @returns `true` or `false`
 * @example
 * // true = string:equal("Åström", <<"ÅSTRÖM"/utf8>>, true)
 * string.equal('Åström', Buffer.from('ÅSTRÖM'), true); // true
 * @see https://www.erlang.org/doc/man/string.html#equal-4
 */
export function equal(A: chardata, B: chardata, IgnoreCase: boolean = false, Norm: Norm = 'none'): boolean {
  const fn = `equal/${arguments.length}`;
  if (IgnoreCase !== true && IgnoreCase !== false) {
    fail(fn, 'function_clause', `IgnoreCase must be true or false: ${describe(IgnoreCase)}`);
  }
  const norm = checkDir(fn, Norm, norms, 'Norm');
  let a = readText(fn, A).cps;
  let b = readText(fn, B).cps;
  if (norm !== 'none') {
    const form = norm.toUpperCase() as 'NFC' | 'NFD' | 'NFKC' | 'NFKD';
    a = codePoints(stringOf(a).normalize(form));
    b = codePoints(stringOf(b).normalize(form));
  }
  if (IgnoreCase) {
    a = mapCase('casefold', a);
    b = mapCase('casefold', b);
  }
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/**
 * Part of the text, counted in grapheme clusters.
 * @param String - chardata
 * @param Start - how many graphemes to skip, from 0
 * @param Length - how many to keep, or `'infinity'` (the default) for all the rest
 * @returns chardata in `String`'s form
 * @example
 * // "ld" = string:slice("Hello World", 9)
 * string.slice('Hello World', 9); // 'ld'
 * @see https://www.erlang.org/doc/man/string.html#slice-3
 */
export function slice<S extends chardata>(
  String: S,
  Start: number,
  Length: number | 'infinity' = 'infinity',
): Like<S> {
  const fn = `slice/${arguments.length}`;
  if (!isNonNegInt(Start))
    fail(fn, 'function_clause', `Start must be a non-negative integer: ${describe(Start)}`);
  if (Length !== 'infinity' && !isNonNegInt(Length)) {
    fail(fn, 'function_clause', `Length must be a non-negative integer or infinity: ${describe(Length)}`);
  }
  const t = readText(fn, String);
  const from = skipGraphemes(t.cps, 0, Start);
  const to = Length === 'infinity' ? t.cps.length : skipGraphemes(t.cps, from, Length);
  return cut(t, from, to) as Like<S>;
}

/**
 * Pads the text with a character to a length in grapheme clusters.
 * @param String - chardata
 * @param Length - the length to reach; a shorter length pads nothing
 * @param Dir - where the padding goes: `trailing` (the default), `leading` or `both`
 * @param Char - the grapheme to pad with, a space by default
 * @returns for a JS string a JS string; else OTP's charlist: the text as given with the
 *   padding around it (`[String, $\s, $\s]`)
 * @example
 * // "  Hello  " = lists:flatten(string:pad("Hello", 9, both))
 * string.pad('Hello', 9, 'both'); // '  Hello  '
 * @see https://www.erlang.org/doc/man/string.html#pad-4
 */
export function pad<S extends chardata>(
  String: S,
  Length: number,
  Dir: direction | 'both' = 'trailing',
  Char: grapheme_cluster = 32,
): S extends string ? string : List<unknown> {
  type R = S extends string ? string : List<unknown>;
  const fn = `pad/${Math.max(2, arguments.length)}`;
  if (typeof Length !== 'number' || !Number.isSafeInteger(Length)) {
    fail(fn, 'function_clause', `Length must be an integer: ${describe(Length)}`);
  }
  const dir = checkDir(fn, Dir, ['leading', 'trailing', 'both'] as const);
  const char = readGrapheme(Char);
  if (char === undefined) fail(fn, 'badarg', `Char is no grapheme cluster: ${describe(Char)}`);
  const t = readText(fn, String);
  const size = Math.max(0, Length - graphemeLengths(t.cps).length);
  const [before, after] =
    dir === 'leading' ? [size, 0] : dir === 'trailing' ? [0, size] : [size >> 1, (size >> 1) + (size & 1)];
  if (t.form === 'string') {
    const c = stringOf(char.cps);
    return (c.repeat(before) + stringOf(t.cps) + c.repeat(after)) as R;
  }
  const c = char.single ? char.cps[0] : toList(char.cps);
  const dup = (n: number): List<unknown> => toList(Array.from({ length: n }, () => c));
  // OTP's shapes: [Pad, S], [S | Pad], [Pre, S, Pre | Post].
  const text = given(t, String);
  if (dir === 'leading') return list(dup(before), text) as R;
  if (dir === 'trailing') return toList([text, ...dup(after)]) as R;
  return toList([dup(before), text, dup(before), ...dup(after - before)]) as R;
}

const whitespace: Sep[] = [
  { cps: [13, 10], single: false },
  ...[9, 10, 11, 12, 13, 32, 133, 8206, 8207, 8232, 8233].map((c) => ({ cps: [c], single: true })),
];

/**
 * Removes separator graphemes (whitespace by default) from the start, the end or both.
 * @param String - chardata
 * @param Dir - `both` (the default), `leading` or `trailing`
 * @param Characters - the graphemes to remove: a list of grapheme clusters, or a JS string of
 *   single code points; by default Unicode's pattern white space and `"\r\n"`
 * @returns chardata in `String`'s form
 * @example
 * // "abc" = string:trim("\t  abc  \n")
 * string.trim('\t  abc  \n'); // 'abc'
 * @see https://www.erlang.org/doc/man/string.html#trim-3
 */
export function trim<S extends chardata>(
  String: S,
  Dir: direction | 'both' = 'both',
  Characters?: string | readonly grapheme_cluster[],
): Like<S> {
  const fn = `trim/${Math.max(1, arguments.length)}`;
  const dir = checkDir(fn, Dir, ['leading', 'trailing', 'both'] as const);
  const seps = Characters === undefined ? compileSeps(whitespace) : readSeps(fn, Characters);
  const t = readText(fn, String);
  if (seps.list.length === 0) return given(t, String) as Like<S>;
  const start = dir === 'trailing' ? 0 : leadingSepsEnd(t.cps, 0, seps);
  const end = dir === 'leading' ? t.cps.length : trailingSepsStart(t.cps, start, seps);
  return cut(t, start, end) as Like<S>;
}

/**
 * Removes trailing line breaks (`"\n"` and `"\r\n"`).
 * @param String - chardata
 * @returns chardata in `String`'s form
 * @example
 * // "Hello" = string:chomp("Hello\r\n\n")
 * string.chomp('Hello\r\n\n'); // 'Hello'
 * @see https://www.erlang.org/doc/man/string.html#chomp-1
 */
export function chomp<S extends chardata>(String: S): Like<S> {
  const t = readText('chomp/1', String);
  const seps = compileSeps([
    { cps: [13, 10], single: false },
    { cps: [10], single: true },
  ]);
  return cut(t, 0, trailingSepsStart(t.cps, 0, seps)) as Like<S>;
}

/**
 * Splits the text where a run of the given graphemes ends: the leading (or trailing) part
 * made of them, and the rest; with `Complement` the part made of anything else.
 * @param String - chardata
 * @param Characters - a list of grapheme clusters, or a JS string of single code points
 * @param Complement - `true` to take graphemes that are not in `Characters` (default `false`)
 * @param Dir - `leading` (the default) or `trailing`
 * @returns `{Leading, Trailing}`, both in `String`'s form
 * @example
 * // {"abc", "0123"} = string:take("abc0123", "abc")
 * string.take('abc0123', 'abc'); // ['abc', '0123']
 * @see https://www.erlang.org/doc/man/string.html#take-4
 */
export function take<S extends chardata>(
  String: S,
  Characters: string | readonly grapheme_cluster[],
  Complement: boolean = false,
  Dir: direction = 'leading',
): [Like<S>, Like<S>] {
  const fn = `take/${Math.max(2, arguments.length)}`;
  if (Complement !== true && Complement !== false) {
    fail(fn, 'function_clause', `Complement must be true or false: ${describe(Complement)}`);
  }
  const dir = checkDir(fn, Dir, ['leading', 'trailing'] as const);
  // take/4 hands the separators to lists:member/2, which raises badarg for a non-list.
  const seps = readSeps(fn, Characters, 'badarg');
  const t = readText(fn, String);
  const n = t.cps.length;
  let at: number;
  if (seps.list.length === 0) {
    // Nothing is in the set: the set's part is empty and the other is the text as given.
    const leadingAll = Complement === (dir === 'leading');
    const none = empty(t.form);
    const text = given(t, String);
    return (leadingAll ? [text, none] : [none, text]) as [Like<S>, Like<S>];
  }
  if (dir === 'leading') at = Complement ? firstSep(t.cps, 0, seps) : leadingSepsEnd(t.cps, 0, seps);
  else at = Complement ? trailingNonSepsStart(t.cps, 0, seps) : trailingSepsStart(t.cps, 0, seps);
  return [cut(t, 0, at), cut(t, at, n)] as [Like<S>, Like<S>];
}

/**
 * The lexemes of the text: the non-empty runs between separator graphemes.
 * @param String - chardata
 * @param SeparatorList - a list of grapheme clusters, or a JS string of single code points
 * @returns the list of lexemes, each in `String`'s form
 * @example
 * // ["abc", "de̊f"] = string:lexemes("abc de̊f", " ")
 * string.lexemes('abc de̊f', ' '); // list('abc', 'de̊f')
 * @see https://www.erlang.org/doc/man/string.html#lexemes-2
 */
export function lexemes<S extends chardata>(
  String: S,
  SeparatorList: string | readonly grapheme_cluster[],
): List<Like<S>> {
  if (isEmptyList(String)) return new List<Like<S>>();
  const seps = readSeps('lexemes/2', SeparatorList);
  const t = readText('lexemes/2', String);
  if (seps.list.length === 0) return list(given(t, String)) as List<Like<S>>;
  return toList(lexemeRanges(t.cps, seps).map(([a, b]) => cut(t, a, b) as Like<S>));
}

/**
 * The Nth lexeme of the text.
 * @param String - chardata
 * @param N - which lexeme, from 1
 * @param SeparatorList - a list of grapheme clusters, or a JS string of single code points
 * @returns the lexeme in `String`'s form, empty when there are fewer than N
 * @example
 * // "de̊f" = string:nth_lexeme("abc.de̊f.ghiejkl", 2, ".e")
 * string.nth_lexeme('abc.de̊f.ghiejkl', 2, '.e'); // 'de̊f'
 * @see https://www.erlang.org/doc/man/string.html#nth_lexeme-3
 */
export function nth_lexeme<S extends chardata>(
  String: S,
  N: number,
  SeparatorList: string | readonly grapheme_cluster[],
): Like<S> {
  if (typeof N !== 'number' || !Number.isSafeInteger(N) || N <= 0) {
    fail('nth_lexeme/3', 'function_clause', `N must be a positive integer: ${describe(N)}`);
  }
  const seps = readSeps('nth_lexeme/3', SeparatorList);
  const t = readText('nth_lexeme/3', String);
  if (N === 1 && seps.list.length === 0) return given(t, String) as Like<S>;
  const range = nthLexemeRange(t.cps, N, seps);
  return (range === null ? empty(t.form) : cut(t, range[0], range[1])) as Like<S>;
}

function readPattern(fn: string, value: unknown): number[] {
  return readText(fn, value, plainBadarg).cps;
}

/**
 * The rest of the text from the first (or last) place where the pattern is.
 * @param String - chardata
 * @param SearchPattern - chardata
 * @param Dir - `leading` (the default) or `trailing`
 * @returns chardata in `String`'s form, or `nomatch`
 * @example
 * // "..cd..ef" = string:find("ab..cd..ef", ".")
 * string.find('ab..cd..ef', '.'); // '..cd..ef'
 * @see https://www.erlang.org/doc/man/string.html#find-3
 */
export function find<S extends chardata>(
  String: S,
  SearchPattern: chardata,
  Dir: direction = 'leading',
): Like<S> | 'nomatch' {
  const fn = `find/${Math.max(2, arguments.length)}`;
  const dir = checkDir(fn, Dir, ['leading', 'trailing'] as const);
  const needle = readPattern(fn, SearchPattern);
  const t = readText(fn, String, badmatchOf);
  if (needle.length === 0) return given(t, String) as Like<S>;
  const at = findNeedle(t.cps, needle, dir);
  return at < 0 ? 'nomatch' : (cut(t, at) as Like<S>);
}

/**
 * The text after a prefix, if it starts with it.
 * @param String - chardata
 * @param Prefix - chardata
 * @returns the rest in `String`'s form, or `nomatch`
 * @example
 * // " 0x" = string:prefix(<<"prefix 0x">>, "prefix")
 * string.prefix(Buffer.from('prefix 0x'), 'prefix'); // Buffer ' 0x'
 * @see https://www.erlang.org/doc/man/string.html#prefix-2
 */
export function prefix<S extends chardata>(String: S, Prefix: chardata): Like<S> | 'nomatch' {
  const pre = readPattern('prefix/2', Prefix);
  const t = readText('prefix/2', String);
  if (pre.length === 0) return given(t, String) as Like<S>;
  const end = matchAt(t.cps, 0, pre);
  return end < 0 ? 'nomatch' : (cut(t, end) as Like<S>);
}

/** The parts split/3 makes: `[String]` (as given) when the pattern is empty or not there. */
function splitText(fn: string, String: unknown, SearchPattern: unknown, Where: unknown): unknown[] {
  const where = checkDir(fn, Where, ['leading', 'trailing', 'all'] as const, 'Where');
  const needle = readPattern(fn, SearchPattern);
  const t = readText(fn, String, badmatchOf);
  const ranges = needle.length === 0 ? null : splitRanges(t.cps, needle, where);
  if (ranges === null) return [given(t, String)];
  return ranges.map(([a, b]) => cut(t, a, b));
}

/**
 * Splits the text at the first, last or every place where the pattern is.
 * @param String - chardata
 * @param SearchPattern - chardata
 * @param Where - `leading` (the default), `trailing` or `all`
 * @returns the parts, each in `String`'s form; `[String]` when the pattern is not there
 * @example
 * // ["ab", "bc", "cd"] = string:split("ab..bc..cd", "..", all)
 * string.split('ab..bc..cd', '..', 'all'); // list('ab', 'bc', 'cd')
 * @see https://www.erlang.org/doc/man/string.html#split-3
 */
export function split<S extends chardata>(
  String: S,
  SearchPattern: chardata,
  Where: direction | 'all' = 'leading',
): List<Like<S>> {
  return toList(splitText(`split/${Math.max(2, arguments.length)}`, String, SearchPattern, Where)) as List<
    Like<S>
  >;
}

/**
 * Replaces the pattern at its first, last or every place.
 * @param String - chardata
 * @param SearchPattern - chardata
 * @param Replacement - chardata
 * @param Where - `leading` (the default), `trailing` or `all`
 * @returns for a JS string a JS string; else, as OTP, the parts of `String` with
 *   `Replacement` between them (`lists:join(Replacement, split(...))`)
 * @example
 * // ["ab", "__", "cd"] = string:replace("ab..cd", "..", "__")
 * string.replace('ab..cd', '..', '__'); // 'ab__cd'
 * @see https://www.erlang.org/doc/man/string.html#replace-4
 */
export function replace<S extends chardata>(
  String: S,
  SearchPattern: chardata,
  Replacement: chardata,
  Where: direction | 'all' = 'leading',
): S extends string ? string : List<unknown> {
  type R = S extends string ? string : List<unknown>;
  const fn = `replace/${Math.max(3, arguments.length)}`;
  const repl = readText(fn, Replacement, plainBadarg);
  const parts = splitText(fn, String, SearchPattern, Where);
  if (typeof String === 'string') return parts.join(stringOf(repl.cps)) as R;
  const out = new List<unknown>();
  parts.forEach((part, i) => {
    if (i > 0) out.push(asListElement(Replacement));
    out.push(part);
  });
  return out as R;
}

/**
 * The text in upper case (Unicode's full case mapping: `ß` becomes `SS`).
 * @param String - chardata
 * @returns chardata in `String`'s form
 * @example
 * // "ABCÅSTRÖM" = string:uppercase("abcåström")
 * string.uppercase('abcåström'); // 'ABCÅSTRÖM'
 * @see https://www.erlang.org/doc/man/string.html#uppercase-1
 */
export function uppercase<S extends chardata>(String: S): Like<S> {
  const t = readText('uppercase/1', String, badargOf);
  return write(t.form, mapCase('uppercase', t.cps)) as Like<S>;
}

/**
 * The text in lower case.
 * @param String - chardata
 * @returns chardata in `String`'s form
 * @example
 * // "abcåström" = string:lowercase("ABCÅSTRÖM")
 * string.lowercase('ABCÅSTRÖM'); // 'abcåström'
 * @see https://www.erlang.org/doc/man/string.html#lowercase-1
 */
export function lowercase<S extends chardata>(String: S): Like<S> {
  const t = readText('lowercase/1', String, badargOf);
  return write(t.form, mapCase('lowercase', t.cps)) as Like<S>;
}

/**
 * The text with its first character in title case.
 * @param String - chardata
 * @returns chardata in `String`'s form
 * @example
 * // "Ss" = string:titlecase("ß")
 * string.titlecase('ß'); // 'Ss'
 * @see https://www.erlang.org/doc/man/string.html#titlecase-1
 */
export function titlecase<S extends chardata>(String: S): Like<S> {
  const t = readText('titlecase/1', String);
  return write(t.form, titlecaseFirst(t.cps)) as Like<S>;
}

/**
 * The text case folded, for comparing without case.
 * @param String - chardata
 * @returns chardata in `String`'s form
 * @example
 * // "ss" = string:casefold("ß")
 * string.casefold('ß'); // 'ss'
 * @see https://www.erlang.org/doc/man/string.html#casefold-1
 */
export function casefold<S extends chardata>(String: S): Like<S> {
  const t = readText('casefold/1', String, badargOf);
  return write(t.form, mapCase('casefold', t.cps)) as Like<S>;
}

function readNumber<N>(
  String: unknown,
  set: string,
  noneReason: string,
  read: (cps: readonly number[], limit: number) => [N, number] | null,
): [N, unknown] | ['error', string] {
  let t: Text;
  try {
    t = readText('to_number/1', String);
  } catch {
    return ['error', 'badarg'];
  }
  const limit = leadingSepsEnd(
    t.cps,
    0,
    compileSeps(codePoints(set).map((c) => ({ cps: [c], single: true }))),
  );
  const found = limit === 0 ? null : read(t.cps, limit);
  if (found === null) return ['error', noneReason];
  return [found[0], cut(t, found[1])];
}

/**
 * Reads an integer from the start of the text.
 * @param String - chardata
 * @returns `{Int, Rest}` with the rest in `String`'s form (an integer past 2^53 is a bigint),
 *   or `{error, no_integer}`, or `{error, badarg}` for what is no chardata
 * @example
 * // {-12, "abc"} = string:to_integer("-12abc")
 * string.to_integer('-12abc'); // [-12, 'abc']
 * @see https://www.erlang.org/doc/man/string.html#to_integer-1
 */
export function to_integer<S extends chardata>(
  String: S,
): [number | bigint, Like<S>] | ['error', 'no_integer' | 'badarg'] {
  return readNumber(String, '+-0123456789', 'no_integer', readInteger) as never;
}

/**
 * Reads a float from the start of the text: digits, a point (or a comma), digits, and an
 * optional exponent.
 * @param String - chardata
 * @returns `{Float, Rest}` with the rest in `String`'s form, or `{error, no_float}`, or
 *   `{error, badarg}` for what is no chardata
 * @example
 * // {1.5e3, "x"} = string:to_float("1.5e3x")
 * string.to_float('1.5e3x'); // [1500, 'x']
 * @see https://www.erlang.org/doc/man/string.html#to_float-1
 */
export function to_float<S extends chardata>(
  String: S,
): [number, Like<S>] | ['error', 'no_float' | 'badarg'] {
  return readNumber(String, '+-0123456789eE.,', 'no_float', readFloat) as never;
}

/** UTF-8: the code point at `bytes[i]` and its length, or null where the bytes are no UTF-8. */
function utf8At(bytes: Uint8Array, i: number): [number, number] | null {
  const b = bytes[i] as number;
  const len =
    b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
  if (len === 0 || i + len > bytes.length) return null;
  const cps = decodeUtf8(bytes.subarray(i, i + len));
  return cps?.length === 1 ? [cps[0] as number, len] : null;
}

/** The leading valid UTF-8 of a binary: its code points and where each ends. */
function validPrefix(bytes: Uint8Array, max: number): { cps: number[]; ends: number[] } {
  const cps: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < bytes.length && cps.length < max;) {
    const cp = utf8At(bytes, i);
    if (cp === null) break;
    cps.push(cp[0]);
    i += cp[1];
    ends.push(i);
  }
  return { cps, ends };
}

function nextIn(fn: string, String: unknown, grapheme: boolean): unknown {
  if (termKind(String) === 'binary') {
    const bytes = String as Uint8Array;
    if (bytes.length === 0) return new List();
    // A grapheme longer than this many code points is cut: none in real text comes near.
    const { cps, ends } = validPrefix(bytes, grapheme ? 1024 : 1);
    if (cps.length === 0) return ['error', String];
    const g = grapheme ? gcAt(cps, 0) : 1;
    return [graphemeTerm('binary', cps, 0, g), Buffer.from(bytes.subarray(ends[g - 1]))];
  }
  const t = readText(fn, String);
  if (t.cps.length === 0) return new List();
  const g = grapheme ? gcAt(t.cps, 0) : 1;
  const first = grapheme ? graphemeTerm(t.form, t.cps, 0, g) : t.cps[0];
  return [first, cut(t, g)];
}

/**
 * The first code point and the rest of the text.
 * @param String - chardata
 * @returns `[CP | Rest]` as the pair `[CP, Rest]` (JS has no improper list), with the rest in
 *   `String`'s form; `[]` at the end; `{error, Rest}` where a binary is no UTF-8
 * @example
 * // [$a | <<"bc">>] = string:next_codepoint(<<"abc">>)
 * string.next_codepoint(Buffer.from('abc')); // [97, Buffer 'bc']
 * @see https://www.erlang.org/doc/man/string.html#next_codepoint-1
 */
export function next_codepoint<S extends chardata>(
  String: S,
): [number, Like<S>] | List<never> | ['error', Like<S>] {
  return nextIn('next_codepoint/1', String, false) as never;
}

/**
 * The first grapheme cluster and the rest of the text.
 * @param String - chardata
 * @returns `[GC | Rest]` as the pair `[GC, Rest]` (JS has no improper list): for a JS string
 *   the grapheme is a JS string, else a code point or a list of them; `[]` at the end;
 *   `{error, Rest}` where a binary is no UTF-8
 * @example
 * // [[$e, 769] | "x"] = string:next_grapheme("e\x{301}x")
 * string.next_grapheme(list(101, 769, 120)); // [list(101, 769), list(120)]
 * @see https://www.erlang.org/doc/man/string.html#next_grapheme-1
 */
export function next_grapheme<S extends chardata>(
  String: S,
): [GraphemeOf<S>, Like<S>] | List<never> | ['error', Like<S>] {
  return nextIn('next_grapheme/1', String, true) as never;
}
