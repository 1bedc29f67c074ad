/**
 * Matches a binary against a compiled pattern, as a `<<...>>` pattern in a `case` clause does:
 * segments are read left to right from a bit cursor; a variable's first occurrence binds it, a
 * later one and every literal or interpolated value must equal what is read (=:=, except that
 * JS has one number type, so 1 and 1.0 are the same); the pattern matches only if it uses up
 * every bit. Nothing throws: a value that does not fit is simply no match.
 *
 * A segment that would bind a bitstring that is not whole bytes fails to match (no JS form);
 * `_` can still skip one.
 */
import { readBits, sliceBits } from './bit-cursor.js';
import { readFloat, readInteger } from './integer-codec.js';
import type { Operand, Program, Segment } from './program.js';
import { evaluateSize } from './size-expr.js';

/** A match's bound variables, by name. */
export type Bindings = Record<string, unknown>;

/** Whether a value read from the binary equals a bound or literal one. */
function same(read: unknown, expected: unknown): boolean {
  if (read === expected) return true;
  if (typeof read === 'bigint' || typeof expected === 'bigint') {
    // Either side may be a bigint holding a safe value (an interpolated 5n).
    return (
      (typeof read === 'bigint' || Number.isSafeInteger(read)) &&
      (typeof expected === 'bigint' || Number.isSafeInteger(expected)) &&
      BigInt(read as number | bigint) === BigInt(expected as number | bigint)
    );
  }
  if (read instanceof Uint8Array && expected instanceof Uint8Array) {
    return read.length === expected.length && Buffer.compare(read, expected) === 0;
  }
  return false;
}

/** Binds or compares a value read for operand `o`; false when it does not match. */
function accept(o: Operand, read: unknown, slots: unknown[], values: readonly unknown[]): boolean {
  switch (o.kind) {
    case 'bind':
      slots[o.slot] = read;
      return true;
    case 'skip':
      return true;
    case 'same':
      return same(read, slots[o.slot]);
    case 'hole':
      return same(read, values[o.index]);
    case 'literal':
      return same(read, o.value);
  }
}

/** A sized segment's width in bits, or -1 when its size is no non-negative integer. */
function widthOf(segment: Segment, slots: readonly unknown[], values: readonly unknown[]): number {
  const s = segment.size;
  if (s.kind === 'fixed') return s.bits;
  if (s.kind !== 'dynamic') return -1;
  const n = evaluateSize(s.expr, slots, values);
  return n >= 0 ? n * segment.unit : -1;
}

/** Whether the UTF-8 continuation byte is one. */
const isContinuation = (b: number): boolean => (b & 0xc0) === 0x80;

/** A byte at bit offset `pos`, aligned or not. */
function byteAt(buf: Buffer, pos: number): number {
  return (pos & 7) === 0 ? buf[pos >> 3]! : readBits(buf, pos, 8);
}

/**
 * Decodes one UTF-8 character at `pos`: [code point, bits used], or null for an invalid,
 * overlong, surrogate or truncated sequence (which Erlang's /utf8 does not match).
 */
function readUtf8(buf: Buffer, pos: number, end: number): [number, number] | null {
  if (pos + 8 > end) return null;
  const b0 = byteAt(buf, pos);
  if (b0 < 0x80) return [b0, 8];
  let length: number;
  let cp: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) [length, cp] = [2, b0 & 0x1f];
  else if (b0 >= 0xe0 && b0 <= 0xef) [length, cp] = [3, b0 & 0x0f];
  else if (b0 >= 0xf0 && b0 <= 0xf4) [length, cp] = [4, b0 & 0x07];
  else return null;
  if (pos + 8 * length > end) return null;
  for (let i = 1; i < length; i++) {
    const b = byteAt(buf, pos + 8 * i);
    if (!isContinuation(b)) return null;
    cp = cp * 64 + (b & 0x3f);
  }
  const min = length === 2 ? 0x80 : length === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return [cp, 8 * length];
}

/** Decodes one UTF-16 character at `pos`: [code point, bits used], or null. */
function readUtf16(buf: Buffer, pos: number, end: number, little: boolean): [number, number] | null {
  if (pos + 16 > end) return null;
  const first = readInteger(buf, pos, 16, false, little) as number;
  if (first < 0xd800 || first > 0xdfff) return [first, 16];
  if (first > 0xdbff || pos + 32 > end) return null;
  const second = readInteger(buf, pos + 16, 16, false, little) as number;
  if (second < 0xdc00 || second > 0xdfff) return null;
  return [0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00), 32];
}

/**
 * Matches `buf` against a pattern program.
 * @param program - the compiled pattern
 * @param values - the pattern's interpolated (bound) values
 * @param buf - the binary
 * @returns the bound variables by name, or null for no match
 */
export function matchProgram(program: Program, values: readonly unknown[], buf: Buffer): Bindings | null {
  const segments = program.segments;
  const slots: unknown[] = program.slotNames.length === 0 ? [] : new Array<unknown>(program.slotNames.length);
  const end = buf.length * 8;
  let pos = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const o = segment.operand;
    switch (segment.type) {
      case 'integer': {
        const n = segment.bits >= 0 ? segment.bits : widthOf(segment, slots, values);
        if (n < 0 || pos + n > end) return null;
        if (o.kind === 'bind') slots[o.slot] = readInteger(buf, pos, n, segment.signed, segment.little);
        else if (
          o.kind !== 'skip' &&
          !accept(o, readInteger(buf, pos, n, segment.signed, segment.little), slots, values)
        ) {
          return null;
        }
        pos += n;
        break;
      }
      case 'float': {
        const n = segment.bits >= 0 ? segment.bits : widthOf(segment, slots, values);
        if ((n !== 16 && n !== 32 && n !== 64) || pos + n > end) return null;
        const x = readFloat(buf, pos, n, segment.little);
        // Infinities and NaNs are no Erlang floats: the segment does not match, even as `_`.
        if (Number.isNaN(x) || !accept(o, x, slots, values)) return null;
        pos += n;
        break;
      }
      case 'binary': {
        const n =
          segment.bits >= 0
            ? segment.bits
            : segment.size.kind === 'all'
              ? end - pos
              : widthOf(segment, slots, values);
        if (n < 0 || pos + n > end || n % segment.unit !== 0) return null;
        if (o.kind !== 'skip') {
          if (n % 8 !== 0) return null;
          if (o.kind === 'bind') slots[o.slot] = sliceBits(buf, pos, n);
          else if (!accept(o, sliceBits(buf, pos, n), slots, values)) return null;
        }
        pos += n;
        break;
      }
      case 'utf8':
      case 'utf16':
      case 'utf32': {
        let decoded: [number, number] | null;
        if (segment.type === 'utf8') decoded = readUtf8(buf, pos, end);
        else if (segment.type === 'utf16') decoded = readUtf16(buf, pos, end, segment.little);
        else if (pos + 32 > end) decoded = null;
        else {
          const cp = readInteger(buf, pos, 32, false, segment.little) as number;
          decoded = cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? null : [cp, 32];
        }
        if (decoded === null || !accept(o, decoded[0], slots, values)) return null;
        pos += decoded[1];
        break;
      }
    }
  }
  if (pos !== end) return null;
  const out: Bindings = {};
  const names = program.slotNames;
  for (const slot of program.reported) out[names[slot]!] = slots[slot];
  return out;
}
