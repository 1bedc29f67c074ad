/**
 * The external term format's BIFs: term_to_binary/1,2, binary_to_term/1,2 and external_size/1,2,
 * with OTP 25's options and argument checks.
 */
import { deflateSync } from 'node:zlib';
import { badarg, describe } from '../errors.js';
import { decodeExternalTerm } from './decoder.js';
import { encodeTerm, minorVersion0, minorVersion1, minorVersion2, type EncodeOptions } from './encoder.js';
import { BINARY_EXT, COMPRESSED, VERSION_MAGIC } from './tags.js';
import { TermWriter } from './term-writer.js';

/** An option of {@link term_to_binary}. */
export type TermToBinaryOption =
  | 'compressed'
  | readonly ['compressed', 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9]
  | readonly ['minor_version', 0 | 1 | 2]
  | 'deterministic';

/** An option of {@link binary_to_term}. */
export type BinaryToTermOption = 'safe' | 'used';

/** zlib's default level, which `compressed` means. */
const defaultLevel = 6;
/** A shared writer past this size is dropped after use rather than kept for the next call. */
const keptCapacity = 1 << 20;

let spare: TermWriter | null = new TermWriter(8192);

/** Runs `write` with the shared writer (or a fresh one, when a call runs inside another). */
function withWriter<R>(write: (w: TermWriter) => R): R {
  const w = spare ?? new TermWriter(8192);
  spare = null;
  try {
    return write(w);
  } finally {
    w.reset();
    spare = w.buf.length > keptCapacity ? new TermWriter(8192) : w;
  }
}

/** The options: a list (a List, or a plain array as lists are taken anywhere), or badarg. */
function optionList(fn: string, options: unknown): readonly unknown[] {
  if (Array.isArray(options)) return options;
  return badarg(fn, `the options must be a list, got ${describe(options)}`);
}

interface EncodeSettings {
  encoding: EncodeOptions;
  level: number;
}

const defaults: EncodeSettings = Object.freeze({ encoding: minorVersion1, level: 0 });

function encodeSettings(fn: string, options: unknown, compression: boolean): EncodeSettings {
  if (options === undefined || (Array.isArray(options) && options.length === 0)) return defaults;
  const settings: EncodeSettings = { encoding: minorVersion1, level: 0 };
  for (const o of optionList(fn, options)) {
    if (compression && o === 'compressed') settings.level = defaultLevel;
    else if (compression && o === 'deterministic') {
      // Maps are always written in exact term order (encoder.ts), which is what it asks for.
    } else if (Array.isArray(o) && o.length === 2 && compression && o[0] === 'compressed') {
      const level: unknown = o[1];
      if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > 9)
        badarg(fn, `the compression level is an integer from 0 to 9, got ${describe(level)}`);
      settings.level = level;
    } else if (Array.isArray(o) && o.length === 2 && o[0] === 'minor_version') {
      const version: unknown = o[1];
      if (version === 0) settings.encoding = minorVersion0;
      else if (version === 1) settings.encoding = minorVersion1;
      else if (version === 2) settings.encoding = minorVersion2;
      else badarg(fn, `minor_version is 0, 1 or 2, got ${describe(version)}`);
    } else badarg(fn, `unknown option ${describe(o)}`);
  }
  return settings;
}

/**
 * Encodes a term in the external term format, byte for byte as OTP 25 does (see
 * docs/distribution.md for the JS forms, and what has none: a JS closure, NaN, a class instance).
 * @param term - any term
 * @param options - `compressed` (zlib level 6) or `['compressed', Level]`, written only when
 *   smaller, as OTP does; `['minor_version', 0 | 1 | 2]` (0: floats as text; 2: UTF-8 atom
 *   tags); `deterministic` (maps in term order, as always here)
 * @returns the binary
 * @example
 * // term_to_binary({ok, [1, 2]}) -> <<131,104,2,100,0,2,111,107,107,0,2,1,2>>
 * term_to_binary(['ok', list(1, 2)]);
 * @see https://www.erlang.org/doc/man/erlang.html#term_to_binary-2
 */
export function term_to_binary(term: unknown, options?: readonly TermToBinaryOption[]): Buffer {
  const fn = options === undefined ? 'erlang:term_to_binary/1' : 'erlang:term_to_binary/2';
  const { encoding, level } = encodeSettings(fn, options, true);
  // A binary alone, the common message: its bytes are copied once, straight into the result.
  if (level === 0 && term instanceof Uint8Array) return binaryExternal(term);
  return withWriter((w) => {
    w.u8(VERSION_MAGIC);
    encodeTerm(w, term, encoding, fn);
    return level === 0 ? w.take() : compress(w.view(), level);
  });
}

/** `<<131, BINARY_EXT, Length:32, Bytes>>` */
function binaryExternal(bytes: Uint8Array): Buffer {
  const n = bytes.length;
  const out = Buffer.allocUnsafe(6 + n);
  out[0] = VERSION_MAGIC;
  out[1] = BINARY_EXT;
  out.writeUInt32BE(n, 2);
  out.set(bytes, 6);
  return out;
}

/**
 * The COMPRESSED form of an encoded term (131 included), or the term as it is when zlib does not
 * make it smaller: OTP gives zlib room for 5 bytes less than the term and keeps the term when
 * that is not enough. zlib here is Node's, whose bytes may differ from OTP's; both inflate alike.
 */
function compress(encoded: Buffer, level: number): Buffer {
  const size = encoded.length - 1;
  const packed = size < 5 ? null : deflateSync(encoded.subarray(1), { level });
  if (packed === null || packed.length > size - 5) return Buffer.from(encoded);
  const out = Buffer.allocUnsafe(6 + packed.length);
  out[0] = VERSION_MAGIC;
  out[1] = COMPRESSED;
  out.writeUInt32BE(size, 2);
  packed.copy(out, 6);
  return out;
}

/**
 * Decodes a binary in the external term format: any term OTP 25 to 27 writes, compressed or
 * not. Bytes after the term are ignored, as OTP ignores them (`used` says where it ended).
 * @param bin - the binary (any Uint8Array)
 * @param options - `safe` is accepted and changes nothing (atoms are JS strings, which the
 *   garbage collector reclaims, so no atom table fills up); `used` returns `[Term, Used]`, the
 *   number of bytes the term took
 * @returns the term, or `[Term, Used]` with `used`
 * @example
 * // binary_to_term(<<131,100,0,2,111,107>>) -> ok
 * binary_to_term(Buffer.from([131, 100, 0, 2, 111, 107])); // 'ok'
 * @see https://www.erlang.org/doc/man/erlang.html#binary_to_term-2
 */
export function binary_to_term(bin: Uint8Array, options?: readonly BinaryToTermOption[]): unknown {
  const fn = options === undefined ? 'erlang:binary_to_term/1' : 'erlang:binary_to_term/2';
  let used = false;
  if (options !== undefined) {
    for (const o of optionList(fn, options)) {
      if (o === 'used') used = true;
      else if (o !== 'safe') badarg(fn, `unknown option ${describe(o)}`);
    }
  }
  if (!(bin instanceof Uint8Array)) badarg(fn, `expected a binary, got ${describe(bin)}`);
  const [term, end] = decodeExternalTerm(bin, 0, fn);
  return used ? [term, end] : term;
}

/**
 * The size in bytes of a term's external form, uncompressed, as term_to_binary writes it.
 * @param term - any term
 * @param options - `['minor_version', 0 | 1 | 2]`
 * @returns the number of bytes
 * @example
 * // erlang:external_size({ok, [1, 2]}) -> 13
 * external_size(['ok', list(1, 2)]); // 13
 * @see https://www.erlang.org/doc/man/erlang.html#external_size-2
 */
export function external_size(
  term: unknown,
  options?: readonly (readonly ['minor_version', 0 | 1 | 2])[],
): number {
  const fn = options === undefined ? 'erlang:external_size/1' : 'erlang:external_size/2';
  const { encoding } = encodeSettings(fn, options, false);
  return withWriter((w) => {
    w.u8(VERSION_MAGIC);
    encodeTerm(w, term, encoding, fn);
    return w.length;
  });
}
