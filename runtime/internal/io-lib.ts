/**
 * The `io_lib` module: formatting to a string instead of a device.
 * Erlang gives a deep char list; erlts gives the flat JS string, which is what
 * `lists:flatten(io_lib:format(...))` is used for (docs/DEVIATIONS.md).
 */
import { format as formatChars } from './io-lib-format.js';

/**
 * Formats `args` by `fmt` into a string, as io_lib:format/2.
 * @returns the formatted text
 * @example
 * // lists:flatten(io_lib:format("~w", [{ok, [1,2]}]))
 * io_lib.format('~w', [['ok', list(1, 2)]]) // '{ok,[1,2]}'
 * @see https://www.erlang.org/doc/man/io_lib.html#format-2
 */
export function format(fmt: string, args: readonly unknown[] = []): string {
  return formatChars(fmt, args);
}

/** Alias of {@link format}, as io_lib:fwrite/2. */
export const fwrite = format;

/** A term as `~w` prints it, as io_lib:write/1. */
export function write(term: unknown): string {
  return formatChars('~w', [term]);
}
