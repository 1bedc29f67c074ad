/**
 * Erlang's term order over the JS forms of terms, as `<`, `lists:sort/1` and
 * the printers' map-key order use it:
 *
 *   number < atom < reference < fun < port < pid < tuple < map < list < binary
 *
 * Kinds come from {@link termKind}, so the order agrees with the guards. Values
 * with no Erlang form (a socket, an Error, a symbol, another object) sort after
 * every term, in that order, and among themselves by what they print or say.
 */

import {
  BitString,
  ImproperList,
  atomText,
  beamFunOf,
  exportFunOf,
  list,
  mapPairs,
  selfFormat,
  termKind,
  type AtomValue,
  type Pid,
  type Port,
  type Ref,
  type TermKind,
} from './terms.js';
import { pidParts, thisNode, type NodeId } from './node-ids.js';

const rank: Record<TermKind, number> = {
  integer: 0,
  float: 0,
  atom: 1,
  reference: 2,
  fun: 3,
  port: 4,
  pid: 5,
  tuple: 6,
  map: 7,
  list: 8,
  binary: 9,
  opaque: 10,
  error: 11,
  symbol: 12,
  object: 13,
};

const funSerials = new WeakMap<object, number>();
let nextFunSerial = 0;

/**
 * The number that names a fun: given the first time the fun is printed or
 * compared, then fixed for that function object.
 * @param fun - a function
 * @returns its serial, the N of `#Fun<erlts.0.N>`
 * @example
 * // erlang:fun_info(F, index)
 * funSerial(F) // 0
 */
export function funSerial(fun: object): number {
  let n = funSerials.get(fun);
  if (n === undefined) {
    n = nextFunSerial++;
    funSerials.set(fun, n);
  }
  return n;
}

/**
 * Compares two strings by code point, as Erlang compares atom names and char
 * lists (JS's `<` compares UTF-16 units, which differs past U+FFFF).
 * @param a - a string
 * @param b - a string
 * @returns negative, zero or positive as `a` sorts before, with or after `b`
 * @example
 * // 'b' < 'é' -> true
 * compareCodePoints('b', 'é') // negative
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  // A surrogate starts a code point past U+FFFF: above every unit from U+E000 up, where UTF-16
  // order puts it below. Two surrogates, or two units below U+D800, are in code point order.
  if (x >= 0xd800 && y >= 0xd800 && x <= 0xdfff !== y <= 0xdfff) return x <= 0xdfff ? 1 : -1;
  return x - y;
}

const order = (x: number | bigint | string, y: number | bigint | string): number =>
  x < y ? -1 : x > y ? 1 : 0;

/**
 * Compares two terms in Erlang's term order.
 * @param a - a term
 * @param b - a term
 * @returns negative when `a < b`, zero when they compare equal (`==`), positive when `a > b`
 * @example
 * // 1 < a andalso a < {} andalso {} < [] -> true
 * [compareTerms(1, 'a'), compareTerms('a', []), compareTerms([], list())] // all negative
 * @see https://www.erlang.org/doc/reference_manual/expressions.html#term-comparisons
 */
export function compareTerms(a: unknown, b: unknown): number {
  return compare(a, b, false);
}

/**
 * Compares two terms in Erlang's exact term order, the order of map keys: as term order, except
 * that every integer sorts before every float (`1 < 1.0`), inside tuples, lists and maps too, so
 * only terms that are `=:=` compare equal. OTP lists the keys of a small map in this order, and
 * `term_to_binary(M, [deterministic])` writes the pairs of any map in it.
 * @param a - a term
 * @param b - a term
 * @returns negative, zero or positive as `a` sorts before, with or after `b`
 * @example
 * // maps:keys(#{1.0 => a, 2 => b, 1 => c}) -> [1,2,1.0]
 * [1, 2, float(1)].sort(compareTermsExact) // [1, 2, 1.0]
 */
export function compareTermsExact(a: unknown, b: unknown): number {
  return compare(a, b, true);
}

function compare(a: unknown, b: unknown, exact: boolean): number {
  if (a === b) return 0;
  const ka = termKind(a);
  const kb = termKind(b);
  const ra = rankOf(a, ka);
  const rb = rankOf(b, kb);
  if (ra !== rb) return ra - rb;
  switch (ka) {
    case 'integer':
    case 'float':
      if (exact && ka !== kb) return ka === 'integer' ? -1 : 1;
      return order(a as number | bigint, b as number | bigint);
    case 'atom':
      return compareCodePoints(atomText(a as AtomValue), atomText(b as AtomValue));
    case 'pid':
      return comparePids(a as Pid, b as Pid);
    case 'reference':
      return compareRefs(a as Ref, b as Ref);
    case 'port':
      return compareNodes((a as Port)._node, (b as Port)._node) || (a as Port).serial - (b as Port).serial;
    case 'fun':
      return compareFuns(a as object, b as object, exact);
    case 'tuple': {
      const x = a as unknown[];
      const y = b as unknown[];
      return x.length !== y.length ? x.length - y.length : compareElements(x, y, exact);
    }
    case 'list':
      if (kb !== 'list') return compareLists(a as unknown[], properEnd, b, exact);
      return compareElements(a as unknown[], b as unknown[], exact);
    case 'map':
      return compareMaps(a as object, b as object, exact);
    case 'binary':
      if (kb !== 'binary') return compareBits(a as Uint8Array, (a as Uint8Array).length * 8, b as BitString);
      return Buffer.compare(a as Uint8Array, b as Uint8Array);
    default:
      if (a instanceof ImproperList) return compareLists(a.head, a.tail, b, exact);
      if (a instanceof BitString) return -compareBits(...bitsOf(b), a);
      return order(jsOnlyText(a, ka), jsOnlyText(b, ka));
  }
}

/**
 * Funs in OTP 25's order: funs made by BEAM code (by module, index, old uniq, then free
 * variables), then export funs (by module, function, arity), then JS functions, in the order
 * they were first compared or printed.
 */
function compareFuns(a: object, b: object, exact: boolean): number {
  const ba = beamFunOf(a);
  const bb = beamFunOf(b);
  if (ba !== undefined && bb !== undefined) {
    return (
      compareCodePoints(ba.module, bb.module) ||
      ba.index - bb.index ||
      ba.oldUniq - bb.oldUniq ||
      ba.free.length - bb.free.length ||
      compareElements(ba.free, bb.free, exact)
    );
  }
  const ea = exportFunOf(a);
  const eb = exportFunOf(b);
  if (ea !== undefined && eb !== undefined) {
    return (
      compareCodePoints(ea.module, eb.module) ||
      compareCodePoints(ea.function, eb.function) ||
      ea.arity - eb.arity
    );
  }
  const rankA = ba !== undefined ? 0 : ea !== undefined ? 1 : 2;
  const rankB = bb !== undefined ? 0 : eb !== undefined ? 1 : 2;
  return rankA - rankB || funSerial(a) - funSerial(b);
}

/** A kind's place in term order; improper lists sort among lists and bitstrings among binaries. */
function rankOf(v: unknown, kind: TermKind): number {
  if (kind === 'opaque') {
    if (v instanceof ImproperList) return rank.list;
    if (v instanceof BitString) return rank.binary;
  }
  return rank[kind];
}

function compareElements(x: readonly unknown[], y: readonly unknown[], exact: boolean): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const c = compare(x[i], y[i], exact);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

/** The tail compareLists gives a proper list (`null` and `undefined` are atoms). */
const properEnd = Symbol('[]');

/**
 * A list (proper, `tail` properEnd, or improper) against another list of either kind, cell by cell:
 * where one list's elements end, its tail (`[]` for a proper list) is compared with what is
 * left of the other.
 */
function compareLists(xs: readonly unknown[], xTail: unknown, other: unknown, exact: boolean): number {
  const [ys, yTail] =
    other instanceof ImproperList ? [other.head, other.tail] : [other as unknown[], properEnd];
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const c = compare(xs[i], ys[i], exact);
    if (c !== 0) return c;
  }
  // What is left of each: the rest of its elements (a non-empty list) or its tail ([] for a
  // proper list). A tail is never a list, so only two rests of the same kind go further.
  const restX = xs.length > n ? list(...xs.slice(n)) : xTail === properEnd ? list() : xTail;
  const restY = ys.length > n ? list(...ys.slice(n)) : yTail === properEnd ? list() : yTail;
  return compare(restX, restY, exact);
}

/** A binary or bitstring as bytes and a bit size. */
function bitsOf(v: unknown): [Uint8Array, number] {
  if (v instanceof BitString) return [v.bytes, v.bitSize];
  return [v as Uint8Array, (v as Uint8Array).length * 8];
}

/** Bit by bit, as Erlang compares bitstrings: the first differing bit, else the shorter first. */
function compareBits(x: Uint8Array, xBits: number, y: BitString): number {
  const n = Math.min(xBits, y.bitSize);
  const whole = n >> 3;
  const c = Buffer.compare(x.subarray(0, whole), y.bytes.subarray(0, whole));
  if (c !== 0) return c;
  const rest = n & 7;
  if (rest !== 0) {
    const mask = 0xff00 >> rest;
    const d = ((x[whole] as number) & mask) - ((y.bytes[whole] as number) & mask);
    if (d !== 0) return d;
  }
  return xBits - y.bitSize;
}

// Maps compare by size, then by their keys in term order, then by the values
// in key order.
function compareMaps(a: object, b: object, exact: boolean): number {
  const byKey = (p: [unknown, unknown], q: [unknown, unknown]): number => compare(p[0], q[0], exact);
  const x = mapPairs(a).sort(byKey);
  const y = mapPairs(b).sort(byKey);
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < x.length; i++) {
    const c = compare((x[i] as [unknown, unknown])[0], (y[i] as [unknown, unknown])[0], exact);
    if (c !== 0) return c;
  }
  for (let i = 0; i < x.length; i++) {
    const c = compare((x[i] as [unknown, unknown])[1], (y[i] as [unknown, unknown])[1], exact);
    if (c !== 0) return c;
  }
  return 0;
}

/** What orders JS-only values among their own kind; never throws. */
function jsOnlyText(v: unknown, kind: TermKind): string {
  try {
    if (kind === 'symbol') return (v as symbol).description ?? '';
    if (kind === 'opaque') {
      const text: unknown = selfFormat(v as object);
      return typeof text === 'string' ? text : '';
    }
    if (kind === 'error') {
      const { name, message } = v as Error;
      return `${typeof name === 'string' ? name : ''}: ${typeof message === 'string' ? message : ''}`;
    }
  } catch (e) {
    if (e instanceof RangeError) throw e;
  }
  return '';
}

/** Two nodes in OTP's order: by name, then creation (null is this node). */
function compareNodes(a: NodeId | null, b: NodeId | null): number {
  if (a === b) return 0;
  const x = a ?? thisNode();
  const y = b ?? thisNode();
  return compareCodePoints(x.name, y.name) || x.creation - y.creation;
}

/** Pids in OTP's order: by serial, then number, then node. */
function comparePids(a: Pid, b: Pid): number {
  if (a._node === null && b._node === null) return a.serial - b.serial;
  const [na, numA, serA] = pidParts(a);
  const [nb, numB, serB] = pidParts(b);
  return serA - serB || numA - numB || compareNodes(na, nb);
}

/** References in OTP's order: by node, then number of words, then words from the last. */
function compareRefs(a: Ref, b: Ref): number {
  if (a._node === null && b._node === null) return a.serial - b.serial;
  const byNode = compareNodes(a._node, b._node);
  if (byNode !== 0) return byNode;
  const x = a._externalWords;
  const y = b._externalWords;
  if (x.length !== y.length) return x.length - y.length;
  for (let i = x.length - 1; i >= 0; i--) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return 0;
}
