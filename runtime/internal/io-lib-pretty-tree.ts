/**
 * io_lib_pretty's first pass, `print_length`: the term becomes a tree of nodes
 * that each know their one-line length (`len`), so the layout pass
 * (io-lib-pretty.ts) can decide where to break without writing anything twice.
 * Ported from OTP 25's io_lib_pretty.erl; lists of printable codes and
 * printable binaries become string leaves here, as OTP decides them.
 */

import {
  charsLength,
  codePointLength,
  decodeUtf8,
  isPrintableLatin1,
  isPrintableUnicode,
  printableCodes,
  writeString,
  type Encoding,
} from './io-lib-chars.js';
import {
  CyclicValue,
  isReadFailure,
  mapEntries,
  unreadable,
  writeAtom,
  writeBinaryParts,
  writeLeaf,
} from './io-lib-write.js';
import { atomText, termKind, type AtomValue } from './terms.js';

/** A term already written on one line (OTP: a node whose first element is chars). */
export interface Leaf {
  readonly kind: 'leaf';
  readonly text: string;
  readonly len: number;
}

/** A binary written as bytes, which may break between bytes. */
export interface BinNode {
  readonly kind: 'bin';
  readonly parts: readonly string[];
  readonly len: number;
}

/** A list or tuple; `dots` marks elements cut by the depth limit. */
export interface SeqNode {
  readonly kind: 'list' | 'tuple';
  readonly tagged: boolean;
  readonly items: readonly Node[];
  readonly dots: boolean;
  readonly len: number;
}

/** A map; `dots` marks pairs cut by the depth limit. */
export interface MapNode {
  readonly kind: 'map';
  readonly items: readonly PairNode[];
  readonly dots: boolean;
  readonly len: number;
}

/** A map's `Key => Value`. */
export interface PairNode {
  readonly kind: 'pair';
  readonly key: Node;
  readonly value: Node;
  readonly len: number;
}

/** A node of the tree the layout pass writes. */
export type Node = Leaf | BinNode | SeqNode | MapNode | PairNode;

/** What the printer was asked for: `~p`/`~tp`, the `l` modifier, the printable range. */
export interface PrintContext {
  readonly enc: Encoding;
  readonly strings: boolean;
  readonly range: Encoding;
  /** The containers being measured, at unlimited depth only (a cycle check). */
  readonly path: Set<object> | null;
}

/**
 * A node already written on one line.
 * @param text - the text
 * @param len - its printed width, when already known
 * @returns the leaf
 * @example
 * // io_lib_pretty:print_length(ok, ...) -> {"ok", 2}
 * leaf('ok') // { kind: 'leaf', text: 'ok', len: 2 }
 */
export function leaf(text: string, len = charsLength(text)): Leaf {
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

/**
 * io_lib_pretty:print_length/6: the tree of `t` printed to depth `d`.
 * @param t - any value, read as an Erlang term
 * @param d - the depth left, `-1` for unlimited
 * @param ctx - encoding, strings and printable range
 * @returns the node; a container that cannot be read is the leaf `#Object<?>`
 * @throws CyclicValue at unlimited depth when the value contains itself
 * @example
 * // io_lib_pretty:print_length({ok, "abc"}, -1, ...) has length 11: {ok,"abc"}
 * printLength(['ok', list(97, 98, 99)], -1, ctx).len // 11
 */
export function printLength(t: unknown, d: number, ctx: PrintContext): Node {
  const kind = termKind(t);
  if (kind === 'atom') return leaf(writeAtom(atomText(t as AtomValue), ctx.enc));
  if (kind !== 'tuple' && kind !== 'list' && kind !== 'map' && kind !== 'binary') {
    return leaf(writeLeaf(t, kind, 'latin1'));
  }
  const { path } = ctx;
  if (path !== null) {
    if (path.has(t as object)) throw new CyclicValue(t as object);
    path.add(t as object);
  }
  try {
    if (kind === 'map') return printLengthMap(t as object, d, ctx);
    if (kind === 'binary') return printLengthBinary(t as Uint8Array, d, ctx);
    const seq = t as readonly unknown[];
    if (seq.length === 0) return leaf(kind === 'list' ? '[]' : '{}', 2);
    if (kind === 'list') {
      if (ctx.strings && d !== 1) {
        const codes = printableCodes(seq, ctx.enc === 'latin1' ? 'latin1' : ctx.range);
        if (codes !== null)
          return leaf(writeString(codes, ctx.enc === 'latin1' ? 'latin1' : 'unicode_as_unicode'));
      }
      return printLengthSeq('list', seq, d, ctx);
    }
    if (d === 1) return leaf('{...}', 5);
    return printLengthSeq('tuple', seq, d, ctx);
  } catch (e) {
    if (!isReadFailure(e)) throw e;
    return leaf(unreadable);
  } finally {
    path?.delete(t as object);
  }
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
  // Indexes, not for-of: a user's array may carry its own iterator.
  for (let i = 0; i < t.length; i++) {
    if (dd === 1) {
      dots = true;
      break;
    }
    items.push(printLength(t[i], dd - 1, ctx));
    dd--;
  }
  const tagged = kind === 'tuple' && termKind(t[0]) === 'atom' && t.length > 1;
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
