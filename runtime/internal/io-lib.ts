/**
 * The `io_lib` module: formatting to a string instead of a device.
 * Erlang gives a deep char list; erlts gives the flat JS string, which is what
 * `lists:flatten(io_lib:format(...))` is used for (docs/DEVIATIONS.md).
 */
import { format as formatChars } from './io-lib-format.js';

/**
 * Formats `args` by the control string `fmt` into a string, as io_lib:format/2: what
 * io:format/2 would print, returned instead of written.
 * @param fmt - the control string (`~w ~p ~s ~n ~b ~x ~c ~e ~f ~g ~i ~~`, field widths and precisions)
 * @param args - the terms the control sequences consume, in order; `[]` when left out
 * @returns the formatted text, flat (Erlang's deep char list, flattened); a control sequence that
 *   does not fit its argument raises badarg
 * @example
 * // lists:flatten(io_lib:format("~w", [{ok, [1,2]}]))   % "{ok,[1,2]}"
 * io_lib.format('~w', [['ok', list(1, 2)]]) // '{ok,[1,2]}'
 * @see https://www.erlang.org/doc/man/io_lib.html#format-2
 */
export function format(fmt: string, args: readonly unknown[] = []): string {
  return formatChars(fmt, args);
}

/**
 * Formats into a string, as io_lib:fwrite/2: the same function as {@link format}.
 * @param fmt - the control string
 * @param args - the terms the control sequences consume; `[]` when left out
 * @returns the formatted text, flat
 * @example
 * // lists:flatten(io_lib:fwrite("~5.1f", [2.25]))   % "  2.3"
 * io_lib.fwrite('~5.1f', [2.25]) // '  2.3'
 * @see https://www.erlang.org/doc/man/io_lib.html#fwrite-2
 */
export const fwrite = format;

/**
 * A term in Erlang syntax as `~w` prints it, as io_lib:write/1.
 * @param term - any term
 * @returns the text, flat (Erlang's deep char list, flattened)
 * @example
 * // lists:flatten(io_lib:write({ok, [1, 2]}))   % "{ok,[1,2]}"
 * io_lib.write(['ok', list(1, 2)]) // '{ok,[1,2]}'
 * @see https://www.erlang.org/doc/man/io_lib.html#write-1
 */
export function write(term: unknown): string {
  return formatChars('~w', [term]);
}
