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
  atomText,
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

const surrogates = /[\ud800-\udfff]/;

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
  if (!surrogates.test(a) && !surrogates.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done === true) return y.done === true ? 0 : -1;
    if (y.done === true) return 1;
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
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
  if (a === b) return 0;
  const ka = termKind(a);
  const kb = termKind(b);
  if (rank[ka] !== rank[kb]) return rank[ka] - rank[kb];
  switch (ka) {
    case 'integer':
    case 'float':
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
      return funSerial(a as object) - funSerial(b as object);
    case 'tuple': {
      const x = a as unknown[];
      const y = b as unknown[];
      return x.length !== y.length ? x.length - y.length : compareElements(x, y);
    }
    case 'list':
      return compareElements(a as unknown[], b as unknown[]);
    case 'map':
      return compareMaps(a as object, b as object);
    case 'binary':
      return Buffer.compare(a as Uint8Array, b as Uint8Array);
    default:
      return order(jsOnlyText(a, ka), jsOnlyText(b, ka));
  }
}

function compareElements(x: readonly unknown[], y: readonly unknown[]): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const c = compareTerms(x[i], y[i]);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

// Maps compare by size, then by their keys in term order, then by the values
// in key order.
function compareMaps(a: object, b: object): number {
  const byKey = (p: [unknown, unknown], q: [unknown, unknown]): number => compareTerms(p[0], q[0]);
  const x = mapPairs(a).sort(byKey);
  const y = mapPairs(b).sort(byKey);
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < x.length; i++) {
    const c = compareTerms((x[i] as [unknown, unknown])[0], (y[i] as [unknown, unknown])[0]);
    if (c !== 0) return c;
  }
  for (let i = 0; i < x.length; i++) {
    const c = compareTerms((x[i] as [unknown, unknown])[1], (y[i] as [unknown, unknown])[1]);
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
