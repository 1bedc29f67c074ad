/**
 * The external term format's decoder: bytes (any tag OTP 25 to 27 writes, and the older ones it
 * still reads) to JS terms (DESIGN §2), with the checks OTP's binary_to_term makes, so that what
 * OTP refuses is badarg here too (test/etf checks them against erl).
 *
 * Untrusted input cannot make it misbehave:
 * - it reads by offset over the one input buffer and checks every length against the bytes
 *   that are left before reading or allocating (a LIST_EXT that claims 2^32-1 elements fails
 *   at once): containers grow as their elements arrive, so memory stays proportional to the
 *   input, however the counts lie;
 * - it keeps its own stack of open containers, so a term nested a million deep decodes without
 *   touching the JS stack:
 *
 *     conts[f]  the elements read so far (a tuple's, a list's, a map's keys and values
 *               alternately, a fun's free variables)
 *     counts[f] how many the container holds
 *     kinds[f]  TUPLE, LIST, TAIL (a list whose tail comes next), MAP or FUN
 *     aux[f]    a fun's other fields
 *
 * Values, decided once:
 * - atoms are strings; `true` and `false` booleans;
 * - a float with an integral value (1.0, -0.0) is a boxed float, a Number object, so it leaves
 *   as a float again; other floats are numbers;
 * - integers are numbers up to 2^53, bigints beyond;
 * - a list is a List (STRING_EXT too); an improper list an ImproperList;
 * - a binary is a Buffer of its own: copied out of the input, as OTP copies it, so the caller
 *   may reuse the input buffer (a socket's); a BIT_BINARY_EXT of whole bytes is a binary, other
 *   bitstrings BitStrings;
 * - a map whose keys are all atoms is a plain object (its `__proto__` key an own property),
 *   any other map a JS Map;
 * - pids, references and ports are the objects node-ids.ts keeps one of per identifier;
 * - EXPORT_EXT is the export fun make_fun/3 gives, NEW_FUN_EXT a fun that keeps its fields.
 */
import { inflateSync } from 'node:zlib';
import { badarg } from '../errors.js';
import { beamFun, exportFun } from '../funs.js';
import { externalPid, externalPort, externalRef, thisNode } from '../node-ids.js';
import { compareTermsExact } from '../term-order.js';
import {
  BitString,
  ImproperList,
  List,
  Pid,
  Port,
  Ref,
  beamFunOf,
  isList,
  type BoxedFloat,
} from '../terms.js';
import { textToFloat } from './float-text.js';
import * as T from './tags.js';
import { readF64 } from './term-writer.js';

const TUPLE = 0;
const LIST = 1;
const TAIL = 2;
const MAP = 3;
const FUN = 4;

/** The most words a reference has (OTP 25's pid references have 5). */
const maxRefWords = 5;
/** The bits of the first word of a reference in its old forms (and of this node's). */
const maxRefWord0 = 0x3ffff;
/** The largest port number JS holds exactly (OTP's go to 2^64; see docs/DEVIATIONS.md). */
const maxPortNumber = Number.MAX_SAFE_INTEGER;

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Short Latin-1 and ASCII atoms come back from a cache by their bytes, so the same atom decoded
// again makes no new string. A slot holds the last atom that hashed there.
const cacheSlots = 2048;
const atomCache: (string | undefined)[] = new Array<string | undefined>(cacheSlots).fill(undefined);
const maxCachedAtom = 32;

/** Containers up to this many elements are allocated whole when opened; longer ones grow. */
const preallocated = 64;

/** What no term decodes to: a value not read yet. */
const noValue: unique symbol = Symbol('no value');

/** A NEW_FUN_EXT whose free variables come next. */
class OpenFun {
  constructor(readonly fields: FunFields) {}
}

/**
 * The decoder's stack of open containers, shared by every decode: decoding runs no user code,
 * so one decode never starts inside another.
 */
const frames = {
  conts: [] as unknown[][],
  counts: [] as number[],
  kinds: [] as number[],
  aux: [] as unknown[],
  reset(): void {
    this.conts = [];
    this.counts = [];
    this.kinds = [];
    this.aux = [];
    nexts = [];
  },
};
let nexts: number[] = [];

function readU32(buf: Uint8Array, at: number): number {
  return (
    (((buf[at] as number) << 24) |
      ((buf[at + 1] as number) << 16) |
      ((buf[at + 2] as number) << 8) |
      (buf[at + 3] as number)) >>>
    0
  );
}

/** A List of a plain array's elements. */
function toListOf(elements: unknown[]): List {
  const n = elements.length;
  const l = new List<unknown>(n);
  for (let i = 0; i < n; i++) l[i] = elements[i];
  return l;
}

/** Where a decode stands: the input and the next byte to read. */
class Decoder {
  readonly buf: Uint8Array;
  pos: number;
  readonly end: number;
  readonly fn: string;
  /** A binary of this many bytes or more is a view of the input rather than a copy (see share). */
  readonly shareFrom: number;

  constructor(buf: Uint8Array, pos: number, fn: string, shareFrom = Infinity) {
    this.buf = buf;
    this.pos = pos;
    this.end = buf.length;
    this.fn = fn;
    this.shareFrom = shareFrom;
  }

  fail(what: string, at = this.pos): never {
    return badarg(this.fn, `${what} (byte ${at} of the external term)`);
  }

  /** Fails unless `n` more bytes are there. */
  need(n: number): void {
    if (n > this.end - this.pos)
      this.fail(`the term ends early: ${n} more bytes needed, ${this.end - this.pos} left`);
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++] as number;
  }

  u16(): number {
    this.need(2);
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 2;
    return ((b[p] as number) << 8) | (b[p + 1] as number);
  }

  u32(): number {
    this.need(4);
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 4;
    return (
      (((b[p] as number) << 24) |
        ((b[p + 1] as number) << 16) |
        ((b[p + 2] as number) << 8) |
        (b[p + 3] as number)) >>>
      0
    );
  }

  i32(): number {
    return this.u32() | 0;
  }

  /** A count of things that each take at least `bytesEach` bytes: no more than the input holds. */
  count(n: number, bytesEach: number, what: string): number {
    if (n * bytesEach > this.end - this.pos)
      this.fail(`${what} of ${n} elements is longer than the ${this.end - this.pos} bytes left`);
    return n;
  }

  /**
   * Decodes one term at `pos`. The common tags are read inline here, with the offset in a local;
   * the others go through rareTerm(). Tags are literal numbers so that the switch is a jump
   * table (tags.ts names them).
   */
  term(): unknown {
    const buf = this.buf;
    const end = this.end;
    const { conts, counts, kinds, aux } = frames;
    let sp = 0;
    let pos = this.pos;
    let value: unknown;
    try {
      for (;;) {
        value = noValue;
        if (pos >= end) {
          this.pos = pos;
          this.need(1);
        }
        const at = pos;
        const tag = buf[pos++] as number;
        let count = -1;
        let kind = TUPLE;
        switch (tag) {
          case 97: // SMALL_INTEGER_EXT
            if (pos >= end) break;
            value = buf[pos++];
            break;
          case 98: // INTEGER_EXT
            if (pos + 4 > end) break;
            value =
              ((buf[pos] as number) << 24) |
              ((buf[pos + 1] as number) << 16) |
              ((buf[pos + 2] as number) << 8) |
              (buf[pos + 3] as number);
            pos += 4;
            break;
          case 100: // ATOM_EXT
          case 115: // SMALL_ATOM_EXT
          case 118: // ATOM_UTF8_EXT
          case 119: {
            // SMALL_ATOM_UTF8_EXT
            this.pos = pos;
            const name = this.atomBody(tag);
            pos = this.pos;
            value =
              name.length === 4 && name === 'true'
                ? true
                : name.length === 5 && name === 'false'
                  ? false
                  : name;
            break;
          }
          case 104: // SMALL_TUPLE_EXT
            if (pos >= end) break;
            count = buf[pos++] as number;
            if (count > end - pos) count = this.lie(pos, count, 'a tuple');
            if (count === 0) {
              value = [];
              count = -1;
            }
            break;
          case 105: // LARGE_TUPLE_EXT
            if (pos + 4 > end) break;
            count = readU32(buf, pos);
            pos += 4;
            if (count > end - pos) count = this.lie(pos, count, 'a tuple');
            if (count === 0) {
              value = [];
              count = -1;
            }
            break;
          case 106: // NIL_EXT
            value = new List(0);
            break;
          case 107: {
            // STRING_EXT
            if (pos + 2 > end) break;
            const n = ((buf[pos] as number) << 8) | (buf[pos + 1] as number);
            pos += 2;
            if (n > end - pos) break;
            const l = new List<number>(n);
            for (let i = 0; i < n; i++) l[i] = buf[pos + i] as number;
            pos += n;
            value = l;
            break;
          }
          case 108: // LIST_EXT
            if (pos + 4 > end) break;
            count = readU32(buf, pos);
            pos += 4;
            // Each element takes a byte at least, and so does the tail.
            if (count >= end - pos) count = this.lie(pos, count + 1, 'a list') - 1;
            kind = count === 0 ? TAIL : LIST;
            break;
          case 109: {
            // BINARY_EXT
            if (pos + 4 > end) break;
            const n = readU32(buf, pos);
            pos += 4;
            if (n > end - pos) break;
            if (n >= this.shareFrom && n * 4 >= buf.buffer.byteLength) {
              // A large binary of an input nobody reuses: a view, as ERTS makes a sub-binary of
              // a received refc binary. It keeps at most four times its size alive.
              value = Buffer.from(buf.buffer, buf.byteOffset + pos, n);
              pos += n;
              break;
            }
            const b = Buffer.allocUnsafe(n);
            b.set(buf.subarray(pos, pos + n));
            pos += n;
            value = b;
            break;
          }
          case 116: // MAP_EXT
            if (pos + 4 > end) break;
            count = readU32(buf, pos);
            pos += 4;
            if (count * 2 > end - pos) count = this.lie(pos, count * 2, 'a map') / 2;
            count *= 2;
            kind = MAP;
            if (count === 0) {
              value = {};
              count = -1;
            }
            break;
          case 70: // NEW_FLOAT_EXT
            if (pos + 8 > end) break;
            value = boxed(readF64(buf, pos), this, at);
            pos += 8;
            break;
          default: {
            this.pos = pos;
            const rare = this.rareTerm(tag, at);
            pos = this.pos;
            if (rare instanceof OpenFun) {
              count = rare.fields.numFree;
              kind = FUN;
              aux[sp] = rare.fields;
            } else value = rare;
          }
        }
        if (value === noValue && count < 0) {
          // A fixed-size field ran past the end of the input.
          this.pos = pos;
          this.need(end - pos + 1);
        }
        if (count >= 0) {
          // A container with elements: they come next (for a LIST_EXT of none, its tail).
          conts[sp] =
            count > 0 && count <= preallocated
              ? kind === LIST
                ? new List(count)
                : new Array<unknown>(count)
              : [];
          counts[sp] = count;
          kinds[sp] = kind;
          nexts[sp] = 0;
          sp++;
          value = noValue;
          continue;
        }
        // Hand the value to the open containers, closing those it completes.
        for (;;) {
          if (sp === 0) {
            this.pos = pos;
            return value;
          }
          const f = sp - 1;
          const c = conts[f] as unknown[];
          const k = kinds[f] as number;
          if (k === TAIL) {
            value = withTail(c, value);
            conts[f] = undefined as never;
            sp--;
            continue;
          }
          const i = nexts[f] as number;
          c[i] = value;
          nexts[f] = i + 1;
          if (i + 1 < (counts[f] as number)) {
            value = noValue;
            break;
          }
          if (k === LIST) {
            // A long list was collected in a plain array: a List is made once it is whole.
            if (!(c instanceof List)) conts[f] = toListOf(c);
            kinds[f] = TAIL;
            value = noValue;
            break;
          }
          sp--;
          // The frame lets go of the container: the next decode reuses the frames.
          conts[f] = undefined as never;
          if (k === TUPLE) value = c;
          else if (k === MAP) value = this.map(c, pos);
          else {
            value = beamFun({ ...(aux[f] as FunFields), free: c });
            aux[f] = undefined;
          }
        }
      }
    } finally {
      // After a failure, let go of what the open frames held.
      for (let f = 0; f < sp; f++) {
        conts[f] = undefined as never;
        aux[f] = undefined;
      }
      if (conts.length > 4096) frames.reset();
    }
  }

  /** Fails for a count that the bytes left cannot hold (returns nothing; typed for callers). */
  lie(pos: number, needed: number, what: string): number {
    this.pos = pos;
    return this.fail(`${what} of ${needed} elements is longer than the ${this.end - pos} bytes left`);
  }

  /** The tags the term loop does not read inline. */
  rareTerm(tag: number, at: number): unknown {
    switch (tag) {
      case T.FLOAT_EXT: {
        this.need(31);
        const x = textToFloat(this.buf.subarray(this.pos, this.pos + 31));
        if (x === undefined) this.fail('FLOAT_EXT does not hold a float as "%.20e" writes one', at);
        this.pos += 31;
        return boxed(x, this, at);
      }
      case T.BIT_BINARY_EXT:
        return this.bitBinary(at);
      case T.SMALL_BIG_EXT:
        return this.big(this.u8());
      case T.LARGE_BIG_EXT:
        return this.big(this.u32());
      case T.NEW_PID_EXT:
      case T.PID_EXT:
        return this.pid(tag);
      case T.NEW_PORT_EXT:
      case T.PORT_EXT:
      case T.V4_PORT_EXT:
        return this.port(tag, at);
      case T.NEWER_REFERENCE_EXT:
      case T.NEW_REFERENCE_EXT:
      case T.REFERENCE_EXT:
        return this.ref(tag, at);
      case T.EXPORT_EXT: {
        const module = this.atomAt();
        const fn = this.atomAt();
        const arityAt = this.pos;
        const arity = this.smallInteger();
        if (arity < 0) this.fail(`EXPORT_EXT has a negative arity, ${arity}`, arityAt);
        return exportFun(module, fn, arity);
      }
      case T.NEW_FUN_EXT: {
        const fields = this.funFields();
        this.count(fields.numFree, 1, 'a fun');
        return fields.numFree === 0 ? beamFun({ ...fields, free: [] }) : new OpenFun(fields);
      }
      case T.COMPRESSED:
        return this.fail('COMPRESSED is only allowed after the version byte', at);
      case T.ATOM_CACHE_REF:
        return this.fail(
          'ATOM_CACHE_REF refers to a distribution connection atom cache, which term_to_binary never writes',
          at,
        );
      case T.LOCAL_EXT:
        return this.fail(
          "LOCAL_EXT is for the node that wrote it (OTP 26's term_to_binary with [local])",
          at,
        );
      case T.FUN_EXT:
        return this.fail('FUN_EXT is the fun format before OTP R11, which OTP 23 and later refuse', at);
      case 73: // ATOM_INTERNAL_REF2
      case 75: // ATOM_INTERNAL_REF3
        return this.fail(
          `tag ${tag} names an atom by its index in one node's atom table, which only that node can read`,
          at,
        );
      default:
        return this.fail(`${tag} is no tag of the external term format`, at);
    }
  }

  /** An atom's text after its tag: Latin-1 bytes, or UTF-8 that must be valid. */
  atomBody(tag: number): string {
    const at = this.pos - 1;
    const n = tag === T.SMALL_ATOM_EXT || tag === T.SMALL_ATOM_UTF8_EXT ? this.u8() : this.u16();
    this.need(n);
    const start = this.pos;
    this.pos += n;
    const buf = this.buf;
    const latin1 = tag === T.ATOM_EXT || tag === T.SMALL_ATOM_EXT;
    if (n <= maxCachedAtom) {
      let h = n;
      let units = 0;
      for (let i = start; i < start + n; i++) {
        const b = buf[i] as number;
        h = (Math.imul(h, 31) + b) | 0;
        units |= b;
      }
      if (latin1 || units < 0x80) {
        const slot = h & (cacheSlots - 1);
        const known = atomCache[slot];
        if (known !== undefined && known.length === n && sameLatin1(known, buf, start)) return known;
        const s = Buffer.from(buf.buffer, buf.byteOffset + start, n).toString('latin1');
        atomCache[slot] = s;
        return s;
      }
    } else if (latin1) {
      if (n > 255) this.fail(`an atom has at most 255 characters, this ATOM_EXT ${n}`, at);
      return Buffer.from(buf.buffer, buf.byteOffset + start, n).toString('latin1');
    }
    let s: string;
    try {
      s = utf8.decode(buf.subarray(start, start + n));
    } catch {
      return this.fail('the atom is not valid UTF-8', at);
    }
    if (n > 255 && [...s].length > 255)
      this.fail(`an atom has at most 255 characters, this one ${[...s].length}`, at);
    return s;
  }

  /** An atom where one must be (a node name, a module): its text, never a boolean. */
  atomAt(): string {
    const at = this.pos;
    const tag = this.u8();
    if (
      tag !== T.ATOM_EXT &&
      tag !== T.SMALL_ATOM_EXT &&
      tag !== T.ATOM_UTF8_EXT &&
      tag !== T.SMALL_ATOM_UTF8_EXT
    )
      this.fail(`an atom was expected here, and tag ${tag} is not one`, at);
    return this.atomBody(tag);
  }

  /** A SMALL_INTEGER_EXT or INTEGER_EXT where one must be (an arity, a fun's index). */
  smallInteger(): number {
    const at = this.pos;
    const tag = this.u8();
    if (tag === T.SMALL_INTEGER_EXT) return this.u8();
    if (tag === T.INTEGER_EXT) return this.i32();
    return this.fail(
      `an integer was expected here, and tag ${tag} is not SMALL_INTEGER_EXT or INTEGER_EXT`,
      at,
    );
  }

  /** SMALL_BIG_EXT / LARGE_BIG_EXT's sign and `n` digits, least significant first. */
  big(n: number): number | bigint {
    const sign = this.u8();
    this.need(n);
    const buf = this.buf;
    const start = this.pos;
    this.pos += n;
    let top = start + n;
    while (top > start && buf[top - 1] === 0) top--;
    if (top - start <= 6) {
      let v = 0;
      for (let i = top - 1; i >= start; i--) v = v * 256 + (buf[i] as number);
      return sign === 0 || v === 0 ? v : -v;
    }
    let hex = '';
    for (let i = top - 1; i >= start; i--) hex += hexByte[buf[i] as number] as string;
    const v = BigInt(`0x${hex}`);
    const signed = sign === 0 ? v : -v;
    return signed >= -maxSafe && signed <= maxSafe ? Number(signed) : signed;
  }

  bitBinary(at: number): Buffer | BitString {
    const n = this.u32();
    const bits = this.u8();
    this.need(n);
    // No bytes hold no bits (the empty binary); some bytes hold 1 to 8 bits in the last.
    if (n === 0 ? bits !== 0 : bits === 0 || bits > 8)
      this.fail(`BIT_BINARY_EXT of ${n} bytes cannot end in ${bits} bits`, at);
    const bytes = Buffer.from(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n;
    return bits === 8 || n === 0 ? bytes : new BitString(bytes, (n - 1) * 8 + bits);
  }

  pid(tag: number): Pid {
    const at = this.pos - 1;
    const node = this.atomAt();
    const num = this.u32();
    const ser = this.u32();
    const creation = tag === T.PID_EXT ? this.oldCreation(at) : this.u32();
    const pid = externalPid(node, creation, num, ser);
    if (pid === null)
      this.fail(
        `a pid of this node has a number below 2^15 and a serial below 2^13, not ${num} and ${ser}`,
        at,
      );
    return pid;
  }

  port(tag: number, at: number): unknown {
    const node = this.atomAt();
    let id: number;
    if (tag === T.V4_PORT_EXT) {
      const hi = this.u32();
      id = hi * 0x100000000 + this.u32();
      if (hi > 0x1fffff || id > maxPortNumber) this.fail('a port number past 2^53 has no JS form', at);
    } else id = this.u32();
    const creation = tag === T.PORT_EXT ? this.oldCreation(at) : this.u32();
    return externalPort(node, creation, id);
  }

  ref(tag: number, at: number): unknown {
    if (tag === T.REFERENCE_EXT) {
      // Node, ID, Creation: one word, and the creation after it.
      const node = this.atomAt();
      this.need(4);
      const id = this.u32();
      return this.refOf(tag, at, node, this.oldCreation(at), [id]);
    }
    const n = this.u16();
    const node = this.atomAt();
    const creation = tag === T.NEWER_REFERENCE_EXT ? this.u32() : this.oldCreation(at);
    // OTP 25 takes a NEWER_REFERENCE_EXT of no words only as the last bytes of its input, and
    // crashes on one anywhere else: refused here wherever it is.
    if (n === 0 || n > maxRefWords) this.fail(`a reference has 1 to ${maxRefWords} words, not ${n}`, at);
    this.need(4 * n);
    const words: number[] = [];
    for (let i = 0; i < n; i++) words.push(this.u32());
    return this.refOf(tag, at, node, creation, words);
  }

  /** The reference of a node, creation and words, with OTP's checks. */
  refOf(tag: number, at: number, node: string, creation: number, words: number[]): unknown {
    const n = words.length;
    const local = node === thisNode().name && creation === thisNode().creation;
    if ((tag !== T.NEWER_REFERENCE_EXT || local) && n > 0 && (words[0] as number) > maxRefWord0)
      this.fail(`the first word of this reference is past 18 bits: ${words[0]}`, at);
    if (local) {
      // This node's references have three words; shorter ones are padded, as OTP does.
      if (n > 3) this.fail(`a reference of this node has 1 to 3 words, not ${n}`, at);
      while (words.length < 3) words.push(0);
    }
    return externalRef(node, creation, words);
  }

  /** The creation of PID_EXT, PORT_EXT and the old reference tags: two bits in a byte. */
  oldCreation(at: number): number {
    const creation = this.u8();
    if (creation > 3)
      this.fail(`the creation of an old pid, port or reference is 0 to 3, not ${creation}`, at);
    return creation;
  }

  /** NEW_FUN_EXT up to its free variables. */
  funFields(): FunFields {
    this.need(4 + 1 + 16 + 4 + 4);
    this.pos += 4; // Size, which OTP does not check either
    const arity = this.u8();
    const uniq = Buffer.from(this.buf.subarray(this.pos, this.pos + 16));
    this.pos += 16;
    const index = this.u32();
    const numFree = this.u32();
    const module = this.atomAt();
    const oldIndex = this.smallInteger();
    const oldUniq = this.smallInteger();
    const pidAt = this.pos;
    const pidTag = this.u8();
    if (pidTag !== T.NEW_PID_EXT && pidTag !== T.PID_EXT)
      this.fail(`a fun's creator must be a pid, not tag ${pidTag}`, pidAt);
    const pid = this.pid(pidTag);
    return { module, arity, uniq, index, numFree, oldIndex, oldUniq, pid };
  }

  /** A map from its keys and values: an object when every key is an atom, else a Map. */
  map(kv: unknown[], at: number): object {
    const n = kv.length;
    let atomKeys = true;
    for (let i = 0; i < n; i += 2) {
      const k = kv[i];
      if (typeof k !== 'string' && typeof k !== 'boolean') {
        atomKeys = false;
        break;
      }
    }
    if (atomKeys) {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < n; i += 2) {
        const k = String(kv[i]);
        if (Object.prototype.hasOwnProperty.call(o, k)) this.fail(`the map has the key ${k} twice`, at);
        if (k === '__proto__')
          Object.defineProperty(o, k, {
            value: kv[i + 1],
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else o[k] = kv[i + 1];
      }
      return o;
    }
    const m = new Map<unknown, unknown>();
    // Keys that are JS objects (tuples, binaries, boxed floats) are one Erlang key when equal,
    // which a Map cannot see: sorted, equal ones are neighbours.
    let objectKeys: unknown[] | null = null;
    for (let i = 0; i < n; i += 2) {
      const k = kv[i];
      if (comparedByValue(k)) (objectKeys ??= []).push(k);
      m.set(k, kv[i + 1]);
    }
    if (m.size !== n / 2) this.fail('the map has a key twice', at);
    if (objectKeys !== null && objectKeys.length > 1) {
      objectKeys.sort(compareTermsExact);
      for (let i = 1; i < objectKeys.length; i++)
        if (compareTermsExact(objectKeys[i - 1], objectKeys[i]) === 0)
          this.fail('the map has a key twice', at);
    }
    return m;
  }
}

/** A fun's fields but its free variables. */
type FunFields = Omit<Parameters<typeof beamFun>[0], 'free'> & { numFree: number };

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);
const hexByte = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Whether a decoded key is an object that equals others by value (a tuple, a binary, a boxed
 * float, a fun from BEAM), which a Map cannot see. Pids, references, ports and export funs are
 * one object per identifier.
 */
function comparedByValue(k: unknown): boolean {
  if (typeof k === 'function') return beamFunOf(k) !== undefined;
  return typeof k === 'object' && k !== null && !(k instanceof Pid || k instanceof Ref || k instanceof Port);
}

/** A decoded float: a Number object when its value is integral, so it stays a float. */
function boxed(x: number, d: Decoder, at: number): number | BoxedFloat {
  if (!Number.isFinite(x)) d.fail('Erlang has no NaN or infinity, and this float is one', at);
  return Number.isSafeInteger(x) || Object.is(x, -0) ? new Number(x) : x;
}

function sameLatin1(s: string, buf: Uint8Array, start: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== buf[start + i]) return false;
  return true;
}

/** A list's elements and its tail: a List when the tail is one (appended), else an improper list. */
function withTail(elements: unknown[], tail: unknown): unknown {
  if (isList(tail)) {
    if (tail.length === 0) return elements.length === 0 ? tail : elements;
    if (elements.length === 0) return tail;
    return toListOf([...elements, ...tail]);
  }
  if (tail instanceof ImproperList) {
    if (elements.length === 0) return tail;
    return new ImproperList([...elements, ...tail.head], tail.tail);
  }
  if (elements.length === 0) return tail;
  return new ImproperList([...elements], tail);
}

/**
 * Decodes the term at `offset` (its tag; no version byte).
 * @param bytes - the input
 * @param offset - where the term starts
 * @param fn - the Erlang function a badarg names
 * @returns the term and the offset after it
 * @throws ErlangError badarg for bytes OTP's binary_to_term refuses
 */
export function decodeTerm(
  bytes: Uint8Array,
  offset: number,
  fn: string,
  shareFrom = Infinity,
): [unknown, number] {
  const d = new Decoder(bytes, offset, fn, shareFrom);
  const term = d.term();
  return [term, d.pos];
}

/**
 * The most a deflate stream expands: 258 bytes from each 2 bits of input. A COMPRESSED term that
 * claims more than this of its input is lying, and fails before anything is inflated.
 */
const maxDeflateRatio = 1032;

/**
 * Decodes an external term at `offset`: the version byte 131, then a term or a COMPRESSED one.
 * @param bytes - the input
 * @param offset - where the version byte is
 * @param fn - the Erlang function a badarg names
 * @param shareFrom - binaries of this many bytes or more (and a quarter of the input's
 *   ArrayBuffer) are views of `bytes`, not copies: only for an input its owner never reuses or
 *   changes (a distribution packet); copies by default
 * @returns the term and the offset after it (after the compressed data, for a COMPRESSED term)
 * @throws ErlangError badarg for bytes OTP's binary_to_term refuses
 */
export function decodeExternalTerm(
  bytes: Uint8Array,
  offset: number,
  fn: string,
  shareFrom = Infinity,
): [unknown, number] {
  if (bytes[offset] !== T.VERSION_MAGIC) {
    return offset >= bytes.length
      ? badarg(fn, 'the external term is empty')
      : badarg(fn, `an external term starts with 131, not ${bytes[offset]}`);
  }
  if (bytes[offset + 1] !== T.COMPRESSED) return decodeTerm(bytes, offset + 1, fn, shareFrom);
  const d = new Decoder(bytes, offset + 2, fn);
  const size = d.u32();
  const input = bytes.subarray(d.pos);
  if (size === 0 || size > input.length * maxDeflateRatio + 64)
    d.fail(`COMPRESSED claims ${size} bytes, which ${input.length} compressed bytes cannot hold`);
  let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    inflated = inflateSync(input, { info: true, maxOutputLength: size }) as unknown as typeof inflated;
  } catch (e) {
    return badarg(fn, `COMPRESSED does not inflate to its ${size} bytes: ${(e as Error).message}`, e);
  }
  if (inflated.buffer.length !== size)
    d.fail(`COMPRESSED inflates to ${inflated.buffer.length} bytes, not the ${size} it claims`);
  const [term] = decodeTerm(inflated.buffer, 0, fn, shareFrom);
  return [term, d.pos + inflated.engine.bytesWritten];
}
