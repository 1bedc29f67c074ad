/**
 * A binary pattern made by `bin` from a template that names variables, and the functions
 * that test and run one. The pattern carries its own matcher under a registered symbol, so a
 * pattern made by one copy of erlts matches in another (as the error brands do).
 */
import { badarg, describe } from '../errors.js';
import { formatTerm } from '../terms.js';
import { matchProgram, type Bindings } from './match.js';
import type { Program } from './program.js';

export type { Bindings } from './match.js';

const binPatternBrand: unique symbol = Symbol.for('erlts.BinPattern') as never;
const matchWith: unique symbol = Symbol.for('erlts.BinPattern.match') as never;

/**
 * A binary pattern, Erlang's `<<Id:32, Rest/binary>>` on the left of a match: made by
 * {@link bin} from a template that names a variable, run by {@link matchBinary}, and usable as
 * a receive pattern. `T` is the record of bound variables a match gives.
 */
export interface BinPattern<T extends Bindings = Bindings> {
  readonly [binPatternBrand]: true;
  /** The names a match binds (not `_`, not `_Name`), in template order. */
  readonly variables: readonly string[];
  /** Phantom: the type of a match's bound variables. */
  readonly __bindings?: T;
}

/** What a pattern object holds beyond the public face. */
interface Runnable {
  [matchWith](value: Buffer): Bindings | null;
}

/** A compiled template with the values interpolated into this evaluation of it. */
export class CompiledBinPattern implements BinPattern, Runnable {
  readonly [binPatternBrand] = true as const;
  readonly variables: readonly string[];
  readonly #program: Program;
  readonly #values: readonly unknown[];
  readonly #chunks: readonly string[];

  constructor(program: Program, values: readonly unknown[], chunks: readonly string[]) {
    this.#program = program;
    this.#values = values;
    this.#chunks = chunks;
    this.variables = program.variables;
  }

  [matchWith](value: Buffer): Bindings | null {
    return matchProgram(this.#program, this.#values, value);
  }

  /** Erlang's form of the pattern, with the interpolated values in place: `<<51966:16,Body/binary>>`. */
  [formatTerm](): string {
    let text = this.#chunks[0] ?? '';
    this.#values.forEach((v, i) => (text += describe(v) + (this.#chunks[i + 1] ?? '')));
    text = text.trim();
    return text.startsWith('<<') ? text : `<<${text}>>`;
  }

  toString(): string {
    return this[formatTerm]();
  }
}

/**
 * Whether `value` is a binary pattern made by {@link bin} (by any copy of erlts).
 * @param value - any value
 * @returns `true` for a pattern, else `false`
 * @example
 * // (no Erlang twin: in Erlang <<X:8>> on the left of = is syntax, in erlts it is a value)
 * isBinPattern(bin<{ X: number }>`X:8`); // true
 * isBinPattern(bin`1, 2`); // false: a template without variables builds a Buffer
 */
export function isBinPattern(value: unknown): value is BinPattern {
  return typeof value === 'object' && value !== null && binPatternBrand in value;
}

/**
 * Matches a binary against a pattern made by {@link bin}, as `<<...>> = Bin` or a `case`
 * clause: the bound variables, or `null` when it does not match. A value that is not a binary
 * does not match. A Buffer given as the pattern matches by bytes, binding nothing.
 * @param pattern - a pattern from {@link bin} (or a Buffer)
 * @param value - the value to match, normally a Buffer
 * @returns a record of the bound variables (integers as numbers, bigints past 2^53, floats
 *   as numbers, binaries as Buffers, utf segments as code points), or `null`: no match
 * @example
 * // case Packet of <<Len:32, Data:Len/binary, Rest/binary>> -> {Data, Rest}; _ -> nomatch end
 * const m = matchBinary(bin<{ Len: number; Data: Buffer; Rest: Buffer }>`Len:32, Data:Len/binary, Rest/binary`, Packet);
 * const result = m === null ? 'nomatch' : [m.Data, m.Rest];
 * @see https://www.erlang.org/doc/reference_manual/expressions.html#bit-syntax-expressions
 */
export function matchBinary<T extends Bindings>(pattern: BinPattern<T>, value: unknown): T | null;
export function matchBinary(pattern: Buffer, value: unknown): Record<string, never> | null;
export function matchBinary(pattern: BinPattern | Buffer, value: unknown): Bindings | null {
  let bytes: Buffer;
  if (Buffer.isBuffer(value)) bytes = value;
  else if (value instanceof Uint8Array) bytes = Buffer.from(value.buffer, value.byteOffset, value.length);
  else {
    if (!isBinPattern(pattern) && !(pattern instanceof Uint8Array)) badPattern(pattern);
    return null;
  }
  if (pattern instanceof Uint8Array) return Buffer.compare(pattern, bytes) === 0 ? {} : null;
  if (!isBinPattern(pattern)) badPattern(pattern);
  return (pattern as unknown as Runnable)[matchWith](bytes);
}

function badPattern(pattern: unknown): never {
  return badarg(
    'matchBinary',
    `the pattern must be made by bin\`...\` (or be a Buffer), got ${describe(pattern)}`,
  );
}
