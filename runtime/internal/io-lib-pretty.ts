/**
 * io_lib_pretty: `print/2`, the `~p` form, ported from OTP 25's
 * io_lib_pretty.erl so that erlts breaks lines exactly where `erl` does.
 *
 * Two passes, as in OTP. `printLength` (io-lib-pretty-tree.ts) turns the term
 * into a tree where every node knows its one-line length (`len`); then `pp`
 * lays the tree out, writing a node on one line whenever its `len` fits before
 * the line length and breaking it otherwise. `cind` is a dry run of `pp` that
 * decides the indentation of tagged tuples (OTP's TInd). Each node is written
 * at most once, so printing is linear in the output size.
 */

import type { Encoding } from './io-lib-chars.js';
import { printLength, type MapNode, type Node, type PairNode, type SeqNode } from './io-lib-pretty-tree.js';
import { writeAtom, writeLeaf } from './io-lib-write.js';
import { atomText, termKind, type AtomValue } from './terms.js';

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
 * @throws CyclicValue at unlimited depth when the value contains itself
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
  const kind = termKind(term);
  if (kind === 'atom') return writeAtom(atomText(term as AtomValue), encoding);
  if (kind !== 'tuple' && kind !== 'list' && kind !== 'map' && kind !== 'binary') {
    return writeLeaf(term, kind, 'latin1');
  }
  const node = printLength(term, depth, {
    enc: encoding,
    strings,
    range: printableRange,
    // Only an unlimited walk can go round a cycle forever: track its path.
    path: depth < 0 ? new Set() : null,
  });
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
