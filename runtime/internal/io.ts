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
 * Writes `format` with `args` to standard output, as io:format/1,2,3.
 * @returns `'ok'`
 * @example
 * // io:format("~p: ~s~n", [self(), "hi"])
 * io.format('~p: ~s~n', [self(), 'hi'])
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

/** Alias of {@link format}, as io:fwrite. */
export const fwrite = format;

/**
 * Writes characters (a string, Buffer or list of char codes) to standard output.
 * @returns `'ok'`
 */
export function put_chars(chars: unknown): 'ok';
export function put_chars(device: Device, chars: unknown): 'ok';
export function put_chars(...call: [unknown] | [Device, unknown]): 'ok' {
  const [writer, chars] =
    call.length === 2 ? [deviceWriter('io:put_chars/2', call[0]), call[1]] : [writers.standard_io, call[0]];
  writer(formatChars('~ts', [chars]));
  return 'ok';
}

/** Writes a newline, as io:nl/0. */
export function nl(device: Device = 'standard_io'): 'ok' {
  deviceWriter('io:nl/1', device)('\n');
  return 'ok';
}

/** Writes a term as `~w` would, as io:write/1. */
export function write(term: unknown): 'ok' {
  writers.standard_io(formatChars('~w', [term]));
  return 'ok';
}
