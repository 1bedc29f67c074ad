/**
 * The `io` and `io_lib` modules' formatting functions. Output goes to Node's
 * stdout (`standard_io`, `user`) or stderr (`standard_error`), written
 * synchronously so a trace is never reordered or lost at exit.
 */
import { badarg, describe } from './errors.js';
import { format as formatChars } from './io-lib-format.js';
import { writeSync } from 'node:fs';

/** An io device erlts can write to. */
export type Device = 'standard_io' | 'standard_error' | 'user';

let writers: Record<Device, (text: string) => void> = {
  standard_io: (text) => writeAll(1, text),
  user: (text) => writeAll(1, text),
  standard_error: (text) => writeAll(2, text),
};

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/** @internal Redirects a device (tests capture output this way); returns the old writer. */
export function setDeviceWriter(device: Device, writer: (text: string) => void): (text: string) => void {
  const old = writers[device];
  writers = { ...writers, [device]: writer };
  return old;
}

function deviceWriter(fn: string, device: unknown): (text: string) => void {
  if (device === 'standard_io' || device === 'user' || device === 'standard_error') return writers[device];
  return badarg(fn, `unknown io device ${describe(device)}; use standard_io, standard_error or user`);
}

/**
 * Writes `args` formatted by the control string `fmt` to standard output, or to `device`, as
 * io:format/1,2,3 (`~w ~p ~s ~n ~b ~x ~c ~e ~f ~g ~i ~~`, field widths and precisions).
 * @param device - (io:format/3) `standard_io`, `user` (both stdout) or `standard_error` (stderr);
 *   any other device raises badarg
 * @param fmt - the control string
 * @param args - the terms the control sequences consume, in order; `[]` when left out
 * @returns `ok`; a control sequence that does not fit its argument raises badarg
 * @example
 * // io:format("~p: ~s~n", [self(), "hi"]),         % <0.80.0>: hi
 * // io:format(standard_error, "~5.2f|~-6w|~n", [3.14159, ok])   %  3.14|ok    |
 * io.format('~p: ~s~n', [self(), 'hi']);
 * io.format('standard_error', '~5.2f|~-6w|~n', [3.14159, 'ok']);
 * @see https://www.erlang.org/doc/man/io.html#format-2
 */
export function format(fmt: string, args?: readonly unknown[]): 'ok';
export function format(device: Device, fmt: string, args: readonly unknown[]): 'ok';
export function format(...call: unknown[]): 'ok' {
  if (call.length === 3) {
    deviceWriter('io:format/3', call[0])(formatChars(call[1] as string, call[2] as readonly unknown[]));
  } else {
    writers.standard_io(formatChars(call[0] as string, (call[1] ?? []) as readonly unknown[]));
  }
  return 'ok';
}

/**
 * Writes formatted text, as io:fwrite/1,2,3: the same function as {@link format}.
 * @param device - (io:fwrite/3) `standard_io`, `user` or `standard_error`
 * @param fmt - the control string
 * @param args - the terms the control sequences consume; `[]` when left out
 * @returns `ok`
 * @example
 * // io:fwrite("~w~n", [{ok, [1, 2]}])   % {ok,[1,2]}
 * io.fwrite('~w~n', [['ok', list(1, 2)]]);
 * @see https://www.erlang.org/doc/man/io.html#fwrite-2
 */
export const fwrite = format;

/**
 * Writes characters unformatted to standard output, or to `device`, as io:put_chars/1,2.
 * @param device - (io:put_chars/2) `standard_io`, `user` or `standard_error`
 * @param chars - the text: a string, a Buffer (UTF-8), or a list of character codes, as Erlang's
 *   chardata (lists and binaries nested in lists too); anything else raises badarg
 * @returns `ok`
 * @example
 * // io:put_chars("hello\n"),
 * // io:put_chars(standard_error, <<"err\n">>)
 * io.put_chars('hello\n');
 * io.put_chars('standard_error', Buffer.from('err\n'));
 * @see https://www.erlang.org/doc/man/io.html#put_chars-1
 */
export function put_chars(chars: unknown): 'ok';
export function put_chars(device: Device, chars: unknown): 'ok';
export function put_chars(...call: [unknown] | [Device, unknown]): 'ok' {
  const [writer, chars] =
    call.length === 2 ? [deviceWriter('io:put_chars/2', call[0]), call[1]] : [writers.standard_io, call[0]];
  writer(formatChars('~ts', [chars]));
  return 'ok';
}

/**
 * Writes a newline to standard output, or to `device`, as io:nl/0,1.
 * @param device - `standard_io` (the default), `user` or `standard_error`
 * @returns `ok`
 * @example
 * // io:write({ok, [1, 2]}), io:nl()   % {ok,[1,2]} and a newline
 * io.write(['ok', list(1, 2)]); io.nl();
 * @see https://www.erlang.org/doc/man/io.html#nl-0
 */
export function nl(device: Device = 'standard_io'): 'ok' {
  deviceWriter('io:nl/1', device)('\n');
  return 'ok';
}

/**
 * Writes a term to standard output in Erlang syntax as `~w` prints it, with no newline, as
 * io:write/1.
 * @param term - any term
 * @returns `ok`
 * @example
 * // io:write({ok, [1, 2]})   % {ok,[1,2]}
 * io.write(['ok', list(1, 2)]);
 * @see https://www.erlang.org/doc/man/io.html#write-1
 */
export function write(term: unknown): 'ok' {
  writers.standard_io(formatChars('~w', [term]));
  return 'ok';
}
