/**
 * Builds a binary from a compiled template and its interpolated values, as `<<...>>` does in
 * an Erlang expression. Two passes: the first checks every value and works out each segment's
 * width (so a bad value raises before anything is allocated, and the total is known), the
 * second writes the segments into one zeroed buffer.
 */
import { constants } from 'node:buffer';
import { ErlangError, describe } from '../errors.js';
import { copyBits } from './bit-cursor.js';
import { writeFloat, writeInteger } from './integer-codec.js';
import type { Program, Segment } from './program.js';
import { evaluateSize } from './size-expr.js';

/** Raised for a value or size that the segment cannot take: Erlang's badarg. */
function bad(segment: Segment, what: string): never {
  throw new ErlangError('badarg', `bin: segment ${segment.position} (${segment.source}): ${what}`);
}

/** The value a segment builds from. */
function valueOf(segment: Segment, values: readonly unknown[]): unknown {
  const o = segment.operand;
  if (o.kind === 'literal') return o.value;
  if (o.kind === 'hole') return values[o.index];
  // compile() makes a template with a variable a pattern, never a construction.
  throw new Error(`bits: a construction has a ${o.kind} operand`);
}

/** The size × unit of a sized segment, in bits; badarg when it is no non-negative integer. */
function sizedBits(segment: Segment, values: readonly unknown[]): number {
  const s = segment.size;
  if (s.kind === 'fixed') return s.bits;
  if (s.kind !== 'dynamic') throw new Error(`bits: ${s.kind} size has no bit count`);
  const n = evaluateSize(s.expr, [], values);
  if (!(n >= 0)) {
    bad(segment, `the size must be a non-negative integer, got ${Number.isNaN(n) ? 'a non-integer' : n}`);
  }
  return n * segment.unit;
}

/** Whether `value` is an Erlang integer under DESIGN §2: a safe integer number or a bigint. */
function isInteger(value: unknown): value is number | bigint {
  return typeof value === 'bigint' || Number.isSafeInteger(value);
}

function notInteger(segment: Segment, value: unknown): never {
  const hint =
    typeof value === 'number' && Number.isInteger(value)
      ? ' (a number past 2^53 is a float in erlts: pass a bigint)'
      : Buffer.isBuffer(value) || value instanceof Uint8Array
        ? ' (a binary goes in a /binary segment)'
        : '';
  return bad(segment, `${describe(value)} is not an integer${hint}`);
}

/** A code point's UTF-8, UTF-16 or UTF-32 bytes. */
function encodeUtf(segment: Segment, value: unknown): Buffer {
  const cp = typeof value === 'bigint' ? Number(value) : value;
  if (
    typeof cp !== 'number' ||
    !Number.isSafeInteger(cp) ||
    cp < 0 ||
    cp > 0x10ffff ||
    (cp >= 0xd800 && cp <= 0xdfff)
  ) {
    bad(segment, `${describe(value)} is not a Unicode code point (0 to 16#10FFFF, not a surrogate)`);
  }
  if (segment.type === 'utf8') return Buffer.from(String.fromCodePoint(cp), 'utf8');
  if (segment.type === 'utf32') {
    const out = Buffer.alloc(4);
    if (segment.little) out.writeUInt32LE(cp);
    else out.writeUInt32BE(cp);
    return out;
  }
  const units = cp < 0x10000 ? [cp] : [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)];
  const out = Buffer.alloc(units.length * 2);
  units.forEach((u, i) => (segment.little ? out.writeUInt16LE(u, i * 2) : out.writeUInt16BE(u, i * 2)));
  return out;
}

/**
 * Builds the binary a construction template describes.
 * @param program - the compiled template (one with no variables)
 * @param values - the interpolated values, in template order
 * @returns the bytes
 */
export function construct(program: Program, values: readonly unknown[]): Buffer {
  const segments = program.segments;
  const widths: number[] = new Array<number>(segments.length);
  // What each segment writes, once checked: an integer, a float, or bytes.
  const items: unknown[] = new Array<unknown>(segments.length);
  let total = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const value = valueOf(segment, values);
    let width: number;
    switch (segment.type) {
      case 'integer':
        if (!isInteger(value)) notInteger(segment, value);
        width = sizedBits(segment, values);
        items[i] = value;
        break;
      case 'float': {
        let x: number;
        if (typeof value === 'number' && Number.isFinite(value)) x = value;
        else if (typeof value === 'bigint' && Number.isFinite(Number(value))) x = Number(value);
        else bad(segment, `${describe(value)} is not a float or integer that a float can hold`);
        width = sizedBits(segment, values);
        if (width !== 16 && width !== 32 && width !== 64) {
          bad(segment, `a float is 16, 32 or 64 bits, not ${width}`);
        }
        items[i] = x;
        break;
      }
      case 'binary': {
        if (!(value instanceof Uint8Array)) {
          bad(segment, `${describe(value)} is not a binary (a Buffer)`);
        }
        const available = value.length * 8;
        if (segment.size.kind === 'all') {
          width = available;
          if (width % segment.unit !== 0) {
            bad(segment, `the binary's ${width} bits are not a multiple of the unit ${segment.unit}`);
          }
        } else {
          width = sizedBits(segment, values);
          if (width > available) {
            bad(segment, `the size is ${width} bits but the binary has only ${available}`);
          }
        }
        items[i] = value;
        break;
      }
      default: {
        const bytes = encodeUtf(segment, value);
        width = bytes.length * 8;
        items[i] = bytes;
      }
    }
    widths[i] = width;
    total += width;
  }
  if (total % 8 !== 0) {
    throw new ErlangError(
      'badarg',
      `bin: the segments make ${total} bits, not whole bytes: a bitstring that is not a binary has no JS form`,
    );
  }
  if (total / 8 > constants.MAX_LENGTH) {
    throw new ErlangError('system_limit', `bin: ${total / 8} bytes is more than a Buffer can hold`);
  }

  const out = Buffer.alloc(total / 8);
  let pos = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const width = widths[i]!;
    const item = items[i];
    switch (segment.type) {
      case 'integer':
        writeInteger(out, pos, width, item as number | bigint, segment.little);
        break;
      case 'float':
        writeFloat(out, pos, width as 16 | 32 | 64, item as number, segment.little);
        break;
      default:
        copyBits(item as Uint8Array, 0, out, pos, width);
    }
    pos += width;
  }
  return out;
}
