/**
 * The `bin` template tag: Erlang's bit syntax. A template compiles once (cached by its
 * TemplateStringsArray, which is the same object each time the same template literal is
 * evaluated); each evaluation then builds a Buffer, or makes a pattern holding that
 * evaluation's interpolated values.
 */
import { badarg, describe } from '../errors.js';
import { CompiledBinPattern, type BinPattern, type Bindings } from './bin-pattern.js';
import { construct } from './construct.js';
import { compile, type Program } from './program.js';
import { parseTemplate } from './template-syntax.js';

interface Compiled {
  readonly program: Program;
  /** The raw text around each `${…}`, for printing a pattern. */
  readonly chunks: readonly string[];
  /** A construction with no interpolation builds the same bytes every time: built once. */
  readonly constant: Buffer | null;
}

const cache = new WeakMap<readonly string[], Compiled>();

function compileTemplate(strings: TemplateStringsArray): Compiled {
  if (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string')) {
    badarg('bin', `bin is a template tag: write bin\`Id:32, Rest/binary\`, not bin(${describe(strings)})`);
  }
  const raw: unknown = (strings as { raw?: unknown }).raw;
  const chunks = Array.isArray(raw) && raw.length === strings.length ? (raw as string[]) : [...strings];
  const program = compile(parseTemplate(chunks));
  const constant = !program.isPattern && chunks.length === 1 ? construct(program, []) : null;
  return { program, chunks, constant };
}

/**
 * Erlang's bit syntax as a template tag: builds a binary, or makes a binary pattern.
 *
 * Without variables the template builds a Buffer, as `<<...>>` in an expression: each
 * segment is `Value:Size/Specifiers`, the value a literal (`1`, `-1`, `2.5`, `$a`, `"abc"`,
 * `16#FF`) or an interpolation, the size an integer, an interpolation or a `(expression)`,
 * the specifiers Erlang's (`integer` `float` `binary` `bytes` `bitstring` `bits` `utf8`
 * `utf16` `utf32`, `signed` `unsigned`, `big` `little` `native`, `unit:N`) with Erlang's
 * defaults (integer of 8 bits, float of 64, binary of all of it). A value the segment cannot
 * take raises `badarg` naming the segment; so does a result that is not whole bytes.
 *
 * With a variable (a name starting with A-Z or `_`) it is a pattern, for {@link matchBinary}
 * and receive clauses: variables bind what they match; `_` and `_Name` bind nothing; an
 * interpolated value is a bound value that must match; a size may name a variable bound by an
 * earlier segment. Give the bindings' type as a type argument: without one the result is typed
 * as the Buffer a construction gives.
 *
 * A malformed template (an unknown specifier, a bad size, an unbound size variable) raises
 * `badarg` naming the segment, at the call.
 * @param strings - the template's text (given by the tag call)
 * @param values - the interpolated values
 * @returns a Buffer (a template without variables) or a {@link BinPattern}
 * @example
 * // Frame = <<Id:32, Len:16/little, Rest/binary>>
 * const Frame = bin`${Id}:32, ${Len}:16/little, ${Rest}/binary`;
 * // <<Len:32, Data:Len/binary, Tail/binary>> = Frame
 * const { Data, Tail } = matchBinary(bin<{ Len: number; Data: Buffer; Tail: Buffer }>`Len:32, Data:Len/binary, Tail/binary`, Frame)!;
 * @see https://www.erlang.org/doc/reference_manual/expressions.html#bit-syntax-expressions
 */
export function bin<T extends Bindings = never>(
  strings: TemplateStringsArray,
  ...values: unknown[]
): [T] extends [never] ? Buffer : BinPattern<T>;
export function bin(strings: TemplateStringsArray, ...values: unknown[]): Buffer | BinPattern {
  let compiled = cache.get(strings);
  if (compiled === undefined) {
    compiled = compileTemplate(strings);
    cache.set(strings, compiled);
  }
  if (compiled.program.isPattern) return new CompiledBinPattern(compiled.program, values, compiled.chunks);
  if (compiled.constant !== null) return Buffer.from(compiled.constant);
  return construct(compiled.program, values);
}
