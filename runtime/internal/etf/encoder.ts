/**
 * The external term format's encoder: JS terms (DESIGN §2) to the bytes OTP 25's
 * term_to_binary writes for the same Erlang term.
 *
 * The walk keeps its own stack, so a term nested a million deep encodes as it does in OTP, and
 * the JS stack never runs out. Each frame is a container whose elements are being written:
 *
 *   conts[f]  the elements (a tuple or list itself; for a map, its pairs flattened k0 v0 k1 v1)
 *   next[f]   the index of the next element to write
 *   kinds[f]  what to write once they are all written: nothing, NIL_EXT (a proper list), the
 *             tail (an improper list), or the size of a NEW_FUN_EXT (patched at its start)
 *
 * A JS value can contain itself, which no term can: past `pathCheckDepth` frames, each
 * container entered is kept in a set until it is left, and meeting one again is badarg.
 *
 * OTP's choices, reproduced (checked against erl in test/etf):
 * - integers: 0..255 SMALL_INTEGER_EXT, 32-bit signed INTEGER_EXT, else SMALL_BIG_EXT with as
 *   few bytes as the magnitude needs (LARGE_BIG_EXT past 255 bytes);
 * - atoms: ATOM_EXT for an atom whose characters are all Latin-1 (whatever its length), else
 *   SMALL_ATOM_UTF8_EXT / ATOM_UTF8_EXT by byte length; with `utf8Atoms` (minor_version 2 and
 *   the distribution) always the UTF-8 tags;
 * - a list of integers 0..255 shorter than 65536 is STRING_EXT; other lists LIST_EXT;
 * - map pairs in exact term order (integers before floats): OTP 25's order for maps of up to 32
 *   keys, and its `deterministic` order for larger ones (without it OTP 25 lists those in the
 *   order of its internal hash, which follows its atom table);
 * - pids NEW_PID_EXT, references NEWER_REFERENCE_EXT, ports NEW_PORT_EXT, V4_PORT_EXT for a port
 *   number past 28 bits.
 */
import { badarg, describe } from '../errors.js';
import { pidParts, portParts, refParts, type NodeId } from '../node-ids.js';
import { compareCodePoints, compareTermsExact } from '../term-order.js';
import {
  BitString,
  ImproperList,
  Pid,
  Port,
  Ref,
  beamFunOf,
  exportFunOf,
  isList,
  termKind,
} from '../terms.js';
import { floatToText20e } from './float-text.js';
import * as T from './tags.js';
import type { TermWriter } from './term-writer.js';

/** How terms are written: term_to_binary's `minor_version`, and the distribution's flags. */
export interface EncodeOptions {
  /**
   * Every atom with the UTF-8 tags (SMALL_ATOM_UTF8_EXT, ATOM_UTF8_EXT), as minor_version 2 and
   * the distribution (DFLAG_UTF8_ATOMS) write them; otherwise ATOM_EXT for Latin-1 atoms.
   */
  readonly utf8Atoms: boolean;
  /** Floats as FLOAT_EXT's 31 bytes of text, as minor_version 0 writes them; else NEW_FLOAT_EXT. */
  readonly textFloats: boolean;
}

/** term_to_binary's default, minor_version 1 (OTP 25). */
export const minorVersion1: EncodeOptions = Object.freeze({ utf8Atoms: false, textFloats: false });
/** minor_version 0: floats as text. */
export const minorVersion0: EncodeOptions = Object.freeze({ utf8Atoms: false, textFloats: true });
/** minor_version 2: UTF-8 atom tags (OTP 26's default). */
export const minorVersion2: EncodeOptions = Object.freeze({ utf8Atoms: true, textFloats: false });
/** What the distribution writes to OTP 25-27 nodes: UTF-8 atom tags, NEW_FLOAT_EXT. */
export const distEncoding: EncodeOptions = minorVersion2;

/** What a frame writes when its elements are done. */
const SEQ = 0;
const LIST = 1;
const IMPROPER = 2;
const FUN = 3;

/** How deep the walk goes before it starts watching for a value that contains itself. */
const pathCheckDepth = 512;

/** The largest port number NEW_PORT_EXT carries for OTP 25 (28 bits); past it, V4_PORT_EXT. */
const maxV3Port = 0x0fffffff;

/** The frames of one walk; reused by the next unless a walk runs inside another (a getter). */
class Frames {
  conts: unknown[][] = [];
  next: number[] = [];
  kinds: number[] = [];
  /** The tail of an improper list, or the offset of a NEW_FUN_EXT's size field. */
  aux: unknown[] = [];
  /** The value each frame came from, for frames past pathCheckDepth. */
  path: Set<object> | null = null;
  /** Whether every frame was closed (and let go of its container): the walk ended well. */
  clean = true;
}

let spare: Frames | null = new Frames();

/**
 * Writes `term` in the external term format (without the leading 131) at the end of `w`.
 * @param w - where to write
 * @param term - any term of DESIGN §2
 * @param options - atom and float encodings
 * @param fn - the Erlang function to name in a badarg
 * @throws ErlangError badarg for a value with no external form (a JS closure, NaN, a symbol, a
 *   class instance, a value that contains itself); `w` is then back at its length before the call
 */
export function encodeTerm(w: TermWriter, term: unknown, options: EncodeOptions, fn: string): void {
  const frames = spare ?? new Frames();
  spare = null;
  const start = w.length;
  try {
    walk(w, term, options, fn, frames);
  } catch (e) {
    w.length = start;
    if ((e as { reason?: unknown }).reason === 'badarg') throw e;
    // A getter or Proxy trap that threw, or the buffer past what Node can allocate.
    badarg(fn, `the term cannot be read: ${e instanceof Error ? e.message : describe(e)}`, e);
  } finally {
    // Frames let go of their containers as they close; after a failure, drop the lot.
    spare = frames.clean ? frames : new Frames();
    frames.path = null;
  }
}

function walk(w: TermWriter, term: unknown, o: EncodeOptions, fn: string, fr: Frames): void {
  const { conts, next, kinds, aux } = fr;
  let sp = 0;
  let t = term;
  fr.clean = false;
  for (;;) {
    // Write t; a container with elements opens a frame instead.
    let open: unknown[] | null = null;
    let kind = SEQ;
    let extra: unknown = undefined;
    switch (typeof t) {
      case 'string':
        writeAtom(w, t, o, fn);
        break;
      case 'number':
        if (Number.isSafeInteger(t)) writeSmall(w, t);
        else writeFloat(w, t, o, fn);
        break;
      case 'boolean':
        writeAtom(w, t ? 'true' : 'false', o, fn);
        break;
      case 'undefined':
        writeAtom(w, 'undefined', o, fn);
        break;
      case 'bigint':
        writeBig(w, t);
        break;
      case 'function': {
        const free = writeFun(w, t, o, fn);
        if (free !== null) {
          open = free;
          kind = FUN;
          extra = free.sizeAt;
        }
        break;
      }
      case 'object':
        if (t === null) writeAtom(w, 'null', o, fn);
        else if (Array.isArray(t)) {
          const n = t.length;
          if (isList(t)) {
            if (n === 0) w.u8(T.NIL_EXT);
            else if (!writeString(w, t)) {
              w.tagU32(T.LIST_EXT, n);
              open = t;
              kind = LIST;
            }
          } else {
            if (n < 256) w.u8u8(T.SMALL_TUPLE_EXT, n);
            else w.tagU32(T.LARGE_TUPLE_EXT, n);
            if (n > 0) open = t;
          }
        } else if (t instanceof Uint8Array) {
          w.tagU32(T.BINARY_EXT, t.length);
          w.bytes(t);
        } else if (t instanceof Pid) writePid(w, t, o, fn);
        else if (t instanceof Ref) writeRef(w, t, o, fn);
        else if (t instanceof Port) writePort(w, t, o, fn);
        else if (t instanceof Number) writeFloat(w, t.valueOf(), o, fn);
        else if (t instanceof ImproperList) {
          w.tagU32(T.LIST_EXT, t.head.length);
          open = t.head as unknown[];
          kind = IMPROPER;
          extra = t.tail;
        } else if (t instanceof BitString) {
          w.tagU32(T.BIT_BINARY_EXT, t.bytes.length);
          w.u8(t.bitSize & 7);
          w.bytes(t.bytes);
        } else {
          const pairs = mapPairsInOrder(t, fn);
          if (pairs === null) return cannotEncode(fn, t);
          w.tagU32(T.MAP_EXT, pairs.length >> 1);
          if (pairs.length > 0) open = pairs;
        }
        break;
      default:
        return cannotEncode(fn, t);
    }
    if (open !== null) {
      if (sp >= pathCheckDepth) enterPath(fr, originOf(open), fn);
      conts[sp] = open;
      next[sp] = 0;
      kinds[sp] = kind;
      aux[sp] = extra;
      sp++;
    }
    // The next element to write, closing the frames that are done.
    for (;;) {
      if (sp === 0) {
        fr.clean = true;
        return;
      }
      const f = sp - 1;
      const c = conts[f] as unknown[];
      const i = next[f] as number;
      if (i < c.length) {
        next[f] = i + 1;
        t = c[i];
        break;
      }
      sp--;
      if (sp >= pathCheckDepth) fr.path?.delete(originOf(c));
      conts[f] = undefined as never;
      const k = kinds[f];
      if (k === LIST) w.u8(T.NIL_EXT);
      else if (k === FUN) {
        const sizeAt = aux[f] as number;
        w.patchU32(sizeAt, w.length - sizeAt);
      } else if (k === IMPROPER) {
        t = aux[f];
        aux[f] = undefined;
        break;
      }
    }
  }
}

/** The container a frame's elements came from: what a cycle would meet again. */
function originOf(elements: unknown[]): object {
  return (elements as { origin?: object }).origin ?? elements;
}

function enterPath(fr: Frames, value: object, fn: string): void {
  fr.path ??= new Set();
  if (fr.path.has(value))
    badarg(fn, `the value contains itself, which no Erlang term can: ${describe(value)}`);
  fr.path.add(value);
}

function cannotEncode(fn: string, t: unknown): never {
  if (typeof t === 'function')
    badarg(fn, `a JS function that is not an export fun (make_fun/3) cannot be encoded: ${describe(t)}`);
  if (typeof t === 'symbol') badarg(fn, `a symbol is no Erlang term: ${describe(t)}`);
  return badarg(fn, `this value has no external term format (DESIGN §2): ${describe(t)}`);
}

// ---------------------------------------------------------------------------
// Numbers

/** A safe integer: SMALL_INTEGER_EXT, INTEGER_EXT, or SMALL_BIG_EXT past 32 bits. */
function writeSmall(w: TermWriter, v: number): void {
  if (v >= 0 && v <= 255) w.u8u8(T.SMALL_INTEGER_EXT, v);
  else if (v >= -0x80000000 && v <= 0x7fffffff) {
    w.u8(T.INTEGER_EXT);
    w.u32(v);
  } else {
    const a = Math.abs(v);
    const lo = a % 0x100000000;
    let hi = Math.floor(a / 0x100000000);
    const n = hi === 0 ? 4 : hi < 0x100 ? 5 : hi < 0x10000 ? 6 : 7;
    w.reserve(3 + n);
    const buf = w.buf;
    let at = w.length;
    buf[at++] = T.SMALL_BIG_EXT;
    buf[at++] = n;
    buf[at++] = v < 0 ? 1 : 0;
    buf[at++] = lo;
    buf[at++] = lo >>> 8;
    buf[at++] = lo >>> 16;
    buf[at++] = lo >>> 24;
    for (let i = 4; i < n; i++, hi >>>= 8) buf[at++] = hi;
    w.length = at;
  }
}

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

/** A bigint: as a number when it is one, else SMALL_BIG_EXT / LARGE_BIG_EXT, bytes least first. */
function writeBig(w: TermWriter, v: bigint): void {
  if (v >= -maxSafe && v <= maxSafe) return writeSmall(w, Number(v));
  const negative = v < 0n;
  let hex = (negative ? -v : v).toString(16);
  if (hex.length & 1) hex = '0' + hex;
  const digits = Buffer.from(hex, 'hex');
  const n = digits.length;
  if (n < 256) w.u8u8(T.SMALL_BIG_EXT, n);
  else w.tagU32(T.LARGE_BIG_EXT, n);
  w.reserve(1 + n);
  const buf = w.buf;
  let at = w.length;
  buf[at++] = negative ? 1 : 0;
  for (let i = n - 1; i >= 0; i--) buf[at++] = digits[i] as number;
  w.length = at;
}

function writeFloat(w: TermWriter, v: number, o: EncodeOptions, fn: string): void {
  if (!Number.isFinite(v)) badarg(fn, `${v} is no Erlang float (Erlang has no NaN or infinity)`);
  if (!o.textFloats) {
    w.u8(T.NEW_FLOAT_EXT);
    w.f64(v);
    return;
  }
  const text = floatToText20e(v);
  w.reserve(32);
  w.u8(T.FLOAT_EXT);
  const at = w.length;
  w.buf.fill(0, at, at + 31);
  w.buf.write(text, at, 'latin1');
  w.length = at + 31;
}

// ---------------------------------------------------------------------------
// Atoms

/** An atom: ATOM_EXT for Latin-1 (unless utf8Atoms), else the UTF-8 tags. At most 255 characters. */
export function writeAtom(w: TermWriter, s: string, o: EncodeOptions, fn: string): void {
  const n = s.length;
  // OR-ing the units bounds them: below 128 all ASCII, below 256 all Latin-1.
  let units = 0;
  for (let i = 0; i < n; i++) units |= s.charCodeAt(i);
  if (units < 0x80 || (units < 0x100 && !o.utf8Atoms)) {
    if (n > 255) badarg(fn, `an atom has at most 255 characters, this one ${n}: ${describe(s)}`);
    w.reserve(n + 3);
    const buf = w.buf;
    let at = w.length;
    if (o.utf8Atoms) {
      buf[at++] = T.SMALL_ATOM_UTF8_EXT;
      buf[at++] = n;
    } else {
      buf[at++] = T.ATOM_EXT;
      buf[at++] = 0;
      buf[at++] = n;
    }
    for (let i = 0; i < n; i++) buf[at++] = s.charCodeAt(i);
    w.length = at;
    return;
  }
  const chars = codePointCount(s);
  if (chars < 0) badarg(fn, `an atom is Unicode text, and this string has a lone surrogate: ${describe(s)}`);
  if (chars > 255) badarg(fn, `an atom has at most 255 characters, this one ${chars}: ${describe(s)}`);
  const bytes = Buffer.byteLength(s, 'utf8');
  if (bytes < 256) w.u8u8(T.SMALL_ATOM_UTF8_EXT, bytes);
  else {
    w.u8(T.ATOM_UTF8_EXT);
    w.u16(bytes);
  }
  w.reserve(bytes);
  w.length += w.buf.write(s, w.length, bytes, 'utf8');
}

/** The number of code points in `s`, or -1 when it has a lone surrogate. */
function codePointCount(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++, count++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const d = s.charCodeAt(i + 1);
    if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return -1;
    i++;
  }
  return count;
}

// ---------------------------------------------------------------------------
// Lists and maps

/** STRING_EXT for a list of integers 0..255 shorter than 65536; false for any other list. */
function writeString(w: TermWriter, l: readonly unknown[]): boolean {
  const n = l.length;
  if (n > 0xffff) return false;
  for (let i = 0; i < n; i++) {
    const e = l[i];
    if (typeof e === 'number' ? (e & 0xff) !== e : !(typeof e === 'bigint' && e >= 0n && e <= 255n))
      return false;
  }
  w.reserve(n + 3);
  const buf = w.buf;
  let at = w.length;
  buf[at++] = T.STRING_EXT;
  buf[at++] = n >>> 8;
  buf[at++] = n;
  for (let i = 0; i < n; i++) buf[at++] = Number(l[i]);
  w.length = at;
  return true;
}

/**
 * A map's pairs flattened (k0 v0 k1 v1 ...) in exact term order, tagged with the map as its
 * origin; null when `t` is no map (a class instance, an Error, a socket).
 */
function mapPairsInOrder(t: object, fn: string): unknown[] | null {
  let pairs: unknown[];
  if (t instanceof Map) {
    const entries = [...(t as Map<unknown, unknown>)].sort((a, b) => compareTermsExact(a[0], b[0]));
    for (let i = 1; i < entries.length; i++) {
      const key = (entries[i] as [unknown, unknown])[0];
      if (compareTermsExact((entries[i - 1] as [unknown, unknown])[0], key) === 0)
        badarg(fn, `the map has two keys that are one Erlang term: ${describe(key)}`);
    }
    pairs = new Array<unknown>(entries.length * 2);
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i] as [unknown, unknown];
      pairs[2 * i] = k;
      pairs[2 * i + 1] = v;
    }
  } else {
    // A plain object, as termKind has it (not a module namespace or a self-printing value).
    if (termKind(t) !== 'map') return null;
    const keys = Object.keys(t);
    // Objects mostly arrive in order (decoded ones do); integer-like keys JS moves first.
    for (let i = 1; i < keys.length; i++) {
      if (compareCodePoints(keys[i - 1] as string, keys[i] as string) > 0) {
        keys.sort(compareCodePoints);
        break;
      }
    }
    pairs = new Array<unknown>(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      pairs[2 * i] = k;
      pairs[2 * i + 1] = (t as Record<string, unknown>)[k];
    }
  }
  (pairs as { origin?: object }).origin = t;
  return pairs;
}

// ---------------------------------------------------------------------------
// Pids, references, ports, funs

function writeNode(w: TermWriter, node: NodeId, o: EncodeOptions, fn: string): void {
  writeAtom(w, node.name, o, fn);
}

function writePid(w: TermWriter, pid: Pid, o: EncodeOptions, fn: string): void {
  const [node, num, ser] = pidParts(pid);
  w.u8(T.NEW_PID_EXT);
  writeNode(w, node, o, fn);
  w.u32(num);
  w.u32(ser);
  w.u32(node.creation);
}

function writeRef(w: TermWriter, ref: Ref, o: EncodeOptions, fn: string): void {
  const [node, words] = refParts(ref);
  w.u8(T.NEWER_REFERENCE_EXT);
  w.u16(words.length);
  writeNode(w, node, o, fn);
  w.u32(node.creation);
  for (const word of words) w.u32(word);
}

function writePort(w: TermWriter, port: Port, o: EncodeOptions, fn: string): void {
  const [node, id] = portParts(port);
  if (id > maxV3Port) {
    w.u8(T.V4_PORT_EXT);
    writeNode(w, node, o, fn);
    w.u32(Math.floor(id / 0x100000000));
    w.u32(id % 0x100000000);
  } else {
    w.u8(T.NEW_PORT_EXT);
    writeNode(w, node, o, fn);
    w.u32(id);
  }
  w.u32(node.creation);
}

/** What a NEW_FUN_EXT leaves to the walk: its free variables and where its size goes. */
type FreeVars = unknown[] & { sizeAt: number };

/**
 * An export fun as EXPORT_EXT; a BEAM fun's fields as NEW_FUN_EXT up to its free variables,
 * which it returns for the walk to write (their size field is patched after them).
 */
function writeFun(w: TermWriter, f: unknown, o: EncodeOptions, fn: string): FreeVars | null {
  const exported = exportFunOf(f);
  if (exported !== undefined) {
    w.u8(T.EXPORT_EXT);
    writeAtom(w, exported.module, o, fn);
    writeAtom(w, exported.function, o, fn);
    writeSmall(w, exported.arity);
    return null;
  }
  const beam = beamFunOf(f);
  if (beam === undefined) return cannotEncode(fn, f);
  w.u8(T.NEW_FUN_EXT);
  const sizeAt = w.length;
  w.u32(0);
  w.u8(beam.arity);
  w.bytes(beam.uniq);
  w.u32(beam.index);
  w.u32(beam.free.length);
  writeAtom(w, beam.module, o, fn);
  writeSmall(w, beam.oldIndex);
  writeSmall(w, beam.oldUniq);
  writePid(w, beam.pid, o, fn);
  const free = [...beam.free] as FreeVars;
  free.sizeAt = sizeAt;
  return free;
}
