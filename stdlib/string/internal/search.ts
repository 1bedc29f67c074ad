/**
 * The searching half of OTP's string module, ported from its list clauses onto code point
 * arrays: trim, take, lexemes, nth_lexeme, find, prefix and split. Positions are indices into
 * the code points; the callers (string.ts) cut and write the caller's form.
 *
 * Two ways of stepping run through this code, as through OTP's (graphemes.ts explains them):
 * functions that look for a set of separator graphemes step a code point at a time and read
 * the grapheme at a position only where a separator could start (`firsts`), while trim's and
 * take's leading scans step a grapheme at a time. Which one a function uses decides what it
 * makes of a separator that is a combining mark, so each follows its OTP counterpart.
 */
import { gcAt, graphemesFrom } from './graphemes.js';

/** One separator: a code point, or (`single` false) a list of them that is one grapheme. */
export interface Sep {
  readonly cps: readonly number[];
  readonly single: boolean;
}

/** A separator list, as OTP's search_pattern/1 compiles it. */
export interface Seps {
  readonly list: readonly Sep[];
  /** The first code point of each separator: where one can start. */
  readonly firsts: ReadonlySet<number>;
}

/**
 * Compiles a separator list.
 * @param list - the separators
 * @returns the list with its set of first code points
 */
export function compileSeps(list: readonly Sep[]): Seps {
  const firsts = new Set<number>();
  for (const sep of list) if (sep.cps[0] !== undefined) firsts.add(sep.cps[0]);
  return { list, firsts };
}

/**
 * Whether the grapheme `cps[i..i+g)` is one of the separators, as lists:member/2 on OTP's
 * grapheme_cluster(): a one code point grapheme is an integer, so it equals an integer
 * separator only; a longer one is a list, equal to a list separator with the same code points.
 */
function isMember(seps: Seps, cps: readonly number[], i: number, g: number): boolean {
  for (const sep of seps.list) {
    if (sep.single) {
      if (g === 1 && cps[i] === sep.cps[0]) return true;
    } else if (g > 1 && sep.cps.length === g) {
      let k = 0;
      while (k < g && cps[i + k] === sep.cps[k]) k++;
      if (k === g) return true;
    }
  }
  return false;
}

/**
 * Where a leading run of separator graphemes ends, stepping by graphemes (trim_l, take_l).
 * @returns the index of the first grapheme that is no separator
 */
export function leadingSepsEnd(cps: readonly number[], start: number, seps: Seps): number {
  let i = start;
  for (const g of graphemesFrom(cps, start)) {
    if (!isMember(seps, cps, i, g)) break;
    i += g;
  }
  return i;
}

/**
 * Where the trailing run of separators begins (trim_t, take_t): a code point that cannot start
 * a separator is kept on its own, a grapheme that starts like one is kept or dropped whole.
 * @returns the end of the last unit that is kept
 */
export function trailingSepsStart(cps: readonly number[], start: number, seps: Seps): number {
  let keepEnd = start;
  let i = start;
  while (i < cps.length) {
    if (!seps.firsts.has(cps[i] as number)) {
      i++;
      keepEnd = i;
      continue;
    }
    const g = gcAt(cps, i);
    const member = isMember(seps, cps, i, g);
    i += g;
    if (!member) keepEnd = i;
  }
  return keepEnd;
}

/**
 * take(Str, Seps, true, leading): where the first separator grapheme is (take_lc).
 * @returns the index of the first separator, or the end
 */
export function firstSep(cps: readonly number[], start: number, seps: Seps): number {
  let i = start;
  while (i < cps.length) {
    if (!seps.firsts.has(cps[i] as number)) {
      i++;
      continue;
    }
    const g = gcAt(cps, i);
    if (isMember(seps, cps, i, g)) return i;
    i += g;
  }
  return i;
}

/**
 * take(Str, Seps, true, trailing): where the trailing run of non-separator graphemes begins,
 * stepping by graphemes (take_tc).
 * @returns the end of the last separator grapheme, or `start`
 */
export function trailingNonSepsStart(cps: readonly number[], start: number, seps: Seps): number {
  let i = start;
  let split = start;
  for (const g of graphemesFrom(cps, start)) {
    i += g;
    if (isMember(seps, cps, i - g, g)) split = i;
  }
  return split;
}

/**
 * Reads one lexeme from `i` to the next separator (lexeme_pick).
 * @returns the lexeme's end and where the text goes on after its separator
 */
function pickLexeme(cps: readonly number[], i: number, seps: Seps): [end: number, next: number] {
  let j = i;
  while (j < cps.length) {
    if (!seps.firsts.has(cps[j] as number)) {
      j++;
      continue;
    }
    const g = gcAt(cps, j);
    if (isMember(seps, cps, j, g)) return [j, j + g];
    j += g;
  }
  return [j, j];
}

/**
 * The lexemes of the text (lexemes_m): the runs between separators, none of them empty.
 * @returns `[start, end]` of each lexeme
 */
export function lexemeRanges(cps: readonly number[], seps: Seps): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < cps.length) {
    if (seps.firsts.has(cps[i] as number)) {
      const g = gcAt(cps, i);
      if (isMember(seps, cps, i, g)) {
        i += g;
        continue;
      }
    }
    const [end, next] = pickLexeme(cps, i, seps);
    out.push([i, end]);
    i = next;
  }
  return out;
}

/**
 * The Nth lexeme (nth_lexeme_m): separators are passed a grapheme at a time, and a lexeme
 * that is not wanted is skipped from its second grapheme on, as OTP's list code does.
 * @returns `[start, end]` of the lexeme, or `null` when there are fewer than N
 */
export function nthLexemeRange(cps: readonly number[], n: number, seps: Seps): [number, number] | null {
  let i = 0;
  let left = n;
  while (i < cps.length) {
    const g = gcAt(cps, i);
    if (isMember(seps, cps, i, g)) {
      i += g;
      continue;
    }
    if (left > 1) {
      i = pickLexeme(cps, i + g, seps)[1];
      left--;
      continue;
    }
    return [i, pickLexeme(cps, i, seps)[0]];
  }
  return null;
}

/**
 * Whether `needle` is at `cps[i]` (prefix_1): every code point but the last equal, and the
 * last one a whole grapheme where it stands.
 * @returns the index after the match, or -1
 */
export function matchAt(cps: readonly number[], i: number, needle: readonly number[]): number {
  const last = needle.length - 1;
  if (last < 0) return i;
  for (let k = 0; k < last; k++) if (cps[i + k] !== needle[k]) return -1;
  const j = i + last;
  if (j >= cps.length || cps[j] !== needle[last]) return -1;
  return gcAt(cps, j) === 1 ? j + 1 : -1;
}

/**
 * The first (leading) or last (trailing) place where `needle` matches, trying every code
 * point (find_l, find_r).
 * @returns the index of the match, or -1
 */
export function findNeedle(
  cps: readonly number[],
  needle: readonly number[],
  dir: 'leading' | 'trailing',
): number {
  let found = -1;
  const first = needle[0];
  for (let i = 0; i < cps.length; i++) {
    if (cps[i] !== first || matchAt(cps, i, needle) < 0) continue;
    if (dir === 'leading') return i;
    found = i;
  }
  return found;
}

/**
 * Where split/3 cuts (split_1): `[start, end]` of each part, or null when `needle` is nowhere.
 * `leading` cuts at the first match, `trailing` at the last (matches may overlap), `all` at
 * every match from the left, going on after each.
 */
export function splitRanges(
  cps: readonly number[],
  needle: readonly number[],
  where: 'leading' | 'trailing' | 'all',
): [number, number][] | null {
  if (where !== 'all') {
    const i = findNeedle(cps, needle, where);
    if (i < 0) return null;
    return [
      [0, i],
      [matchAt(cps, i, needle), cps.length],
    ];
  }
  const parts: [number, number][] = [];
  let from = 0;
  const first = needle[0];
  for (let i = 0; i < cps.length;) {
    const end = cps[i] === first ? matchAt(cps, i, needle) : -1;
    if (end < 0) {
      i++;
      continue;
    }
    parts.push([from, i]);
    from = i = end;
  }
  if (parts.length === 0) return null;
  parts.push([from, cps.length]);
  return parts;
}
