/**
 * Grapheme clusters over code point arrays, as OTP's unicode_util:gc/1 reads them.
 *
 * OTP's string functions step through text two ways: a grapheme at a time from the start (the
 * global segmentation, which Intl.Segmenter gives), and a code point at a time, asking for the
 * grapheme that starts *at* a position with no look behind (unicode_util:gc/1 on the rest of
 * the list). The second can start inside what the first calls one grapheme: the combining mark
 * of `"e\x{301}"` read on its own is a grapheme of its own. {@link gcAt} answers that question;
 * the search functions (search.ts) use both exactly where OTP's list code does.
 */
import { stringOf } from './chardata.js';

let segmenter: Intl.Segmenter | undefined;

function segments(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return segmenter.segment(text);
}

/** Code points in a UTF-16 string. */
function cpCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
      const v = s.charCodeAt(i + 1);
      if (v >= 0xdc00 && v <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * The number of code points in the grapheme that starts at `cps[i]`, read from there on.
 * @param cps - the text
 * @param i - a position in it
 * @returns the grapheme's length in code points; 0 at the end
 */
export function gcAt(cps: readonly number[], i: number): number {
  const n = cps.length;
  if (i >= n) return 0;
  if (i + 1 === n) return 1;
  const c = cps[i] as number;
  const d = cps[i + 1] as number;
  // OTP's fast path, which agrees with UAX #29: two Latin-1 code points are two graphemes
  // unless the first is CR (CR LF is one).
  if (c < 256 && d < 256 && c !== 13) return 1;
  // A boundary inside the window depends only on what precedes it, so it is final; a grapheme
  // that fills the window may go on, so the window grows.
  for (let w = 16; ; w *= 4) {
    const end = Math.min(n, i + w);
    const segs = segments(stringOf(cps, i, end));
    const first = segs[Symbol.iterator]().next();
    const len = first.done === true ? 0 : cpCount(first.value.segment);
    if (len < end - i || end === n) return len;
  }
}

/** Code points per window: Node 20's Intl.Segmenter slows down quadratically on long text. */
const window = 1024;

/**
 * The lengths in code points of the graphemes of `cps[start..]`, lazily. Latin-1 text takes
 * OTP's fast path; the rest is segmented a window at a time. A boundary found before a
 * window's last segment is final (it depends on what precedes it and on the next character,
 * which the window holds), so a window's last segment is read again at the start of the next.
 * @param cps - the text
 * @param start - where to begin: a grapheme boundary
 * @returns a generator of lengths, one per grapheme, in order
 */
export function* graphemesFrom(cps: readonly number[], start = 0): Generator<number, void, undefined> {
  let i = start;
  while (i < cps.length) {
    const c = cps[i] as number;
    const d = cps[i + 1];
    if (d === undefined || (c < 256 && d < 256 && c !== 13)) {
      yield 1;
      i++;
      continue;
    }
    for (let w = window; ; w *= 4) {
      const end = Math.min(cps.length, i + w);
      const lengths = Array.from(segments(stringOf(cps, i, end)), (seg) => cpCount(seg.segment));
      if (end === cps.length) {
        yield* lengths;
        return;
      }
      // One grapheme filling the window may go on: read a wider one.
      if (lengths.length === 1) continue;
      for (let k = 0; k < lengths.length - 1; k++) {
        const len = lengths[k] as number;
        yield len;
        i += len;
      }
      break;
    }
  }
}

/**
 * The graphemes of `cps[start..]`, segmented from `start`: their lengths in code points.
 * @param cps - the text
 * @param start - where to begin
 * @returns one length per grapheme, in order
 */
export function graphemeLengths(cps: readonly number[], start = 0): number[] {
  return [...graphemesFrom(cps, start)];
}

/**
 * The position after `count` graphemes from `start`, or the end of the text.
 * @param cps - the text
 * @param start - where to begin
 * @param count - how many graphemes to pass
 * @returns an index into `cps`
 */
export function skipGraphemes(cps: readonly number[], start: number, count: number): number {
  let i = start;
  let left = count;
  for (const len of graphemesFrom(cps, start)) {
    if (left-- <= 0) break;
    i += len;
  }
  return i;
}
