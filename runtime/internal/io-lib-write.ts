/**
 * io_lib's term writer: `io_lib:write/2` (the `~w` form) and atom quoting
 * (`write_atom`, `quote_atom`), ported from OTP 25's io_lib.erl so that erlts
 * prints byte-for-byte what `erl` prints.
 *
 * Which term a JS value is comes from {@link termKind} (terms.ts), the one
 * classifier the guards also use, so a value prints as the type `is_*` says.
 * Funs print as OTP prints them when they came from Erlang: an export fun (make_fun) as
 * `fun lists:map/2`, a fun made by BEAM code (from binary_to_term) as `#Fun<Mod.Index.Uniq>`;
 * a boxed float (`float(1)`) as `1.0`; an improper list as `[1,2|3]` and a bitstring as
 * `<<1,2:3>>`.
 * How values with no Erlang counterpart print:
 * - a JS function as `#Fun<erlts.0.N>`, N a serial fixed per function object;
 * - an Error as `#Error<Name: message>` (newlines escaped);
 * - NaN and ±Infinity as the bare words `nan`, `inf`, `-inf`;
 * - a symbol as `#Symbol<description>`;
 * - another object (a class instance, a Date) as `#Object<ClassName>`, and one
 *   whose contents cannot be read (a getter or a Proxy trap throws) as
 *   `#Object<?>`. The writer never calls a value's own `toString`.
 * Maps print with keys in Erlang term order; OTP 25 does the same for maps of
 * up to 32 keys and uses hash order beyond that (not reproduced).
 *
 * At unlimited depth a value that contains itself cannot be written: the
 * writer throws {@link CyclicValue} (the `~` engine turns it into badarg).
 * With a depth limit the limit ends the walk, so a cycle prints as `...`.
 */

import { codePoints, writeQuoted, type Encoding } from './io-lib-chars.js';
import { floatToShortString } from './io-lib-float.js';
import { compareCodePoints, compareTerms, funSerial } from './term-order.js';
import {
  BitString,
  ImproperList,
  atomText,
  beamFunOf,
  exportFunOf,
  mapPairs,
  selfFormat,
  termKind,
  type AtomValue,
  type TermKind,
} from './terms.js';

/** Options of {@link writeTerm}. */
export interface WriteOptions {
  /** Print depth; `-1` (the default) is unlimited. Deeper parts print as `...`. */
  depth?: number;
  /** `latin1` (default) escapes atom characters above 255 as `\x{...}`. */
  encoding?: Encoding;
}

/** Thrown by the writers for a value that contains itself, which no term does. */
export class CyclicValue extends Error {
  /** The container met again inside itself. */
  readonly value: object;

  constructor(value: object) {
    super('the value contains itself, which no Erlang term can');
    this.name = 'CyclicValue';
    this.value = value;
  }
}

/** What the writers print for an object whose contents cannot be read. */
export const unreadable = '#Object<?>';

/**
 * Whether an exception raised while reading a user's object means only that
 * it cannot be read. A cycle and the stack running out are not about one
 * object: they must reach the caller.
 * @param e - what was thrown
 * @returns true when the object should print as `#Object<?>`
 * @example
 * // a getter that throws makes its object unreadable
 * isReadFailure(new Error('getter')) // true
 */
export function isReadFailure(e: unknown): boolean {
  return !(e instanceof RangeError) && !(e instanceof CyclicValue);
}

// ---------------------------------------------------------------------------
// Atoms

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

/**
 * Whether Erlang quotes this atom when printing it, as io_lib:quote_atom/2.
 * @param name - the atom's name
 * @returns true when it must be written in single quotes
 * @example
 * // io_lib:quote_atom('EXIT', false) -> true
 * atomNeedsQuotes('EXIT') // true
 */
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
 * Writes an atom, quoted when needed, as io_lib:write_atom/1.
 * @param name - the atom's name
 * @param encoding - `latin1` writes characters above 255 as `\x{...}`
 * @returns the atom's text: `ok`, `'EXIT'`, `'hello world'`
 * @example
 * // io_lib:write_atom('hello world') -> "'hello world'"
 * writeAtom('hello world') // "'hello world'"
 * @see https://www.erlang.org/doc/man/io_lib.html#write_atom-1
 */
export function writeAtom(name: string, encoding: Encoding = 'latin1'): string {
  if (!atomNeedsQuotes(name)) return name;
  return writeQuoted(
    codePoints(name),
    encoding === 'latin1' ? 'unicode_as_latin1' : 'unicode_as_unicode',
    39,
  );
}

// ---------------------------------------------------------------------------
// Terms without parts

/**
 * Writes a term that has no parts to write (a number, an atom, a pid, a fun,
 * a JS-only value); tuples, lists, maps and binaries go through writeTerm.
 * @param t - the value
 * @param kind - its {@link termKind}
 * @param encoding - how an atom writes characters above 255
 * @returns the text; never throws for an unreadable value
 * @example
 * // io_lib:write(1.5) -> "1.5"
 * writeLeaf(1.5, 'float', 'latin1') // '1.5'
 */
export function writeLeaf(t: unknown, kind: TermKind, encoding: Encoding): string {
  switch (kind) {
    case 'integer':
      return (Object.is(t, -0) ? 0 : (t as number | bigint)).toString();
    case 'float':
      // Number() unboxes a boxed float (a Number object).
      return floatToShortString(Number(t));
    case 'atom':
      return writeAtom(atomText(t as AtomValue), encoding);
    case 'fun':
      return writeFun(t as object, encoding);
    case 'symbol':
      return `#Symbol<${(t as symbol).description ?? ''}>`;
    case 'error':
      return readOr(() => writeError(t as Error));
    case 'object':
      return `#Object<${objectName(t as object)}>`;
    default: // pid, reference, port, opaque
      return readOr(() => {
        if (t instanceof ImproperList || t instanceof BitString) return writeTerm(t, { encoding });
        const text: unknown = selfFormat(t as object);
        return typeof text === 'string' ? text : unreadable;
      });
  }
}

/** A fun as erlang:fun_to_list/1 writes it: `fun M:F/A`, `#Fun<M.I.U>`, or a JS function's serial. */
function writeFun(f: object, encoding: Encoding): string {
  const exported = exportFunOf(f);
  if (exported !== undefined)
    return `fun ${writeAtom(exported.module, encoding)}:${writeAtom(exported.function, encoding)}/${exported.arity}`;
  const beam = beamFunOf(f);
  if (beam !== undefined) return `#Fun<${writeAtom(beam.module, encoding)}.${beam.oldIndex}.${beam.oldUniq}>`;
  return `#Fun<erlts.0.${funSerial(f)}>`;
}

/** Runs a read of a user's object, giving `#Object<?>` when it throws. */
function readOr(read: () => string): string {
  try {
    return read();
  } catch (e) {
    if (!isReadFailure(e)) throw e;
    return unreadable;
  }
}

function writeError(e: Error): string {
  // Only strings are used: String(x) would run a user's toString.
  const name: unknown = e.name;
  const message: unknown = e.message;
  const text = `${typeof name === 'string' ? name : 'Error'}: ${typeof message === 'string' ? message : ''}`;
  return `#Error<${text.replace(/\n/g, '\\n')}>`;
}

/** The class name of an object, read without running getters; `?` when there is none. */
function objectName(o: object): string {
  try {
    const proto: unknown = Object.getPrototypeOf(o);
    if (typeof proto !== 'object' || proto === null) return '?';
    const ctor: unknown = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
    if (typeof ctor !== 'function') return '?';
    const name: unknown = Object.getOwnPropertyDescriptor(ctor, 'name')?.value;
    return typeof name === 'string' && name !== '' ? name : '?';
  } catch (e) {
    if (!isReadFailure(e)) throw e;
    return '?';
  }
}

// ---------------------------------------------------------------------------
// io_lib:write — the ~w form

/**
 * A map's pairs in the order Erlang prints them: keys in term order.
 * @param m - a value whose {@link termKind} is `'map'`
 * @returns `[key, value]` pairs; reading a getter may throw, as the getter does
 * @example
 * // maps:to_list(#{b => 1, a => 2}) -> [{a,2},{b,1}]
 * mapEntries({ b: 1, a: 2 }) // [['a', 2], ['b', 1]]
 */
export function mapEntries(m: object): [unknown, unknown][] {
  if (m instanceof Map) return mapPairs(m).sort((a, b) => compareTerms(a[0], b[0]));
  return Object.keys(m)
    .sort(compareCodePoints)
    .map((k) => [k, (m as Record<string, unknown>)[k]]);
}

/**
 * Writes a term on one line in Erlang syntax, as `io_lib:write/2` and `~w` do.
 * @param term - any value, read as an Erlang term (DESIGN §2)
 * @param opts - depth limit and encoding
 * @returns the text, e.g. `{ok,[1,2]}`
 * @throws CyclicValue at unlimited depth when the value contains itself
 * @example
 * // io_lib:write({ok, [1,2]}) -> "{ok,[1,2]}"
 * writeTerm(['ok', list(1, 2)])
 * @see https://www.erlang.org/doc/man/io_lib.html#write-2
 */
export function writeTerm(term: unknown, opts: WriteOptions = {}): string {
  const depth = opts.depth ?? -1;
  const out: string[] = [];
  // Only an unlimited walk can go round a cycle forever: track its path.
  write1(term, depth, opts.encoding ?? 'latin1', out, depth < 0 ? new Set() : null);
  return out.join('');
}

function write1(t: unknown, d: number, enc: Encoding, out: string[], path: Set<object> | null): void {
  if (d === 0) {
    out.push('...');
    return;
  }
  const kind = termKind(t);
  switch (kind) {
    case 'tuple':
    case 'list':
    case 'map':
    case 'binary':
      writeParts(kind, t as object, d, enc, out, path);
      return;
    default:
      // Only an opaque value is read further: instanceof would run a Proxy's trap.
      if (kind === 'opaque' && t instanceof ImproperList) writeParts('list', t, d, enc, out, path);
      else if (kind === 'opaque' && t instanceof BitString)
        out.push('<<' + writeBitStringParts(t, d).join(',') + '>>');
      else out.push(writeLeaf(t, kind, enc));
  }
}

/** Writes a term with parts; one whose parts cannot be read prints as `#Object<?>`. */
function writeParts(
  kind: 'tuple' | 'list' | 'map' | 'binary',
  t: object,
  d: number,
  enc: Encoding,
  out: string[],
  path: Set<object> | null,
): void {
  if (path !== null) {
    if (path.has(t)) throw new CyclicValue(t);
    path.add(t);
  }
  const mark = out.length;
  try {
    if (kind === 'map') writeMap(t, d, enc, out, path);
    else if (kind === 'binary') out.push('<<' + writeBinaryParts(t as Uint8Array, d).join(',') + '>>');
    else if (t instanceof ImproperList) writeSeq('list', t.head, d, enc, out, path, t);
    else writeSeq(kind, t as readonly unknown[], d, enc, out, path);
  } catch (e) {
    if (!isReadFailure(e)) throw e;
    out.length = mark;
    out.push(unreadable);
  } finally {
    path?.delete(t);
  }
}

function writeSeq(
  kind: 'tuple' | 'list',
  t: readonly unknown[],
  d: number,
  enc: Encoding,
  out: string[],
  path: Set<object> | null,
  improper?: ImproperList,
): void {
  const [open, close, sep] = kind === 'list' ? ['[', ']', '|'] : ['{', '}', ','];
  if (t.length === 0) {
    out.push(open + close);
  } else if (d === 1) {
    out.push(open + '...' + close);
  } else {
    out.push(open);
    write1(t[0], d - 1, enc, out, path);
    let dd = d - 1;
    let cut = false;
    for (let i = 1; i < t.length; i++) {
      if (dd === 1) {
        out.push(sep + '...');
        cut = true;
        break;
      }
      out.push(',');
      write1(t[i], dd - 1, enc, out, path);
      dd--;
    }
    // io_lib:write_tail/3: an improper tail after `|`, or `|...` where the depth ends.
    if (improper !== undefined && !cut) {
      if (dd === 1) out.push('|...');
      else {
        out.push('|');
        write1(improper.tail, dd - 1, enc, out, path);
      }
    }
    out.push(close);
  }
}

function writeMap(m: object, d: number, enc: Encoding, out: string[], path: Set<object> | null): void {
  const entries = mapEntries(m);
  // OTP 25 writes a map at depth 1 as #{} (io_lib:write_map/3).
  if (d === 1 || entries.length === 0) {
    out.push('#{}');
    return;
  }
  const d0 = d - 1;
  out.push('#{');
  const [k0, v0] = entries[0] as [unknown, unknown];
  writeAssoc(k0, v0, d0, enc, out, path);
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
    writeAssoc(entry[0], entry[1], d0, enc, out, path);
  }
  out.push('}');
}

function writeAssoc(
  k: unknown,
  v: unknown,
  d: number,
  enc: Encoding,
  out: string[],
  path: Set<object> | null,
): void {
  write1(k, d, enc, out, path);
  out.push(' => ');
  write1(v, d, enc, out, path);
}

/**
 * The byte texts of io_lib:write_binary/3, between `<<` and `>>`: one per byte
 * up to the depth limit, then `...`.
 * @param b - the bytes
 * @param d - the depth left, `-1` for unlimited
 * @returns the parts to join with commas
 * @example
 * // io_lib:write(<<1,2,3>>, 3) -> "<<1,2,...>>"
 * writeBinaryParts(Buffer.from([1, 2, 3]), 3) // ['1', '2', '...']
 */
export function writeBinaryParts(b: Uint8Array, d: number): string[] {
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

/**
 * The parts of io_lib:write_binary/3 for a bitstring: its whole bytes up to the depth limit, then
 * its last bits as `Value:Size`, or `...` where the depth ends.
 * @param b - the bitstring
 * @param d - the depth left, `-1` for unlimited
 * @returns the parts to join with commas
 * @example
 * // io_lib:write(<<1, 2:3>>) -> "<<1,2:3>>"
 * writeBitStringParts(new BitString(Buffer.from([1, 0x40]), 11), -1) // ['1', '2:3']
 */
export function writeBitStringParts(b: BitString, d: number): string[] {
  const whole = b.bitSize >> 3;
  const parts = writeBinaryParts(b.bytes.subarray(0, whole), d);
  if (parts[parts.length - 1] === '...') return parts;
  const rest = b.bitSize & 7;
  parts.push(d - whole === 1 ? '...' : `${(b.bytes[whole] as number) >> (8 - rest)}:${rest}`);
  return parts;
}
