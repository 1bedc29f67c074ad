/**
 * Runs io_lib:format cases through a real `erl`, for differential tests, on
 * the shared one-escript-run helper (test/support/erlang.ts).
 */
import { List } from 'erlts';
import { erlString, evalInErlang, toErlang } from '../support/erlang.js';

export { erlangAvailable, toErlang } from '../support/erlang.js';

/** One differential case: `io_lib:format(fmt, args)`. */
export interface FormatCase {
  readonly fmt: string;
  readonly args: readonly unknown[];
  /** Erlang source of the argument list when JS cannot express it (e.g. `[1.0]`). */
  readonly erlArgs?: string;
}

/** What erl answered for one case. */
export type ErlResult = { ok: true; text: string } | { ok: false; error: string };

/** The text of a list of code points (in chunks: an output may be long). */
function text(codes: List): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 8192)
    out += String.fromCodePoint(...(codes.slice(i, i + 8192) as number[]));
  return out;
}

/**
 * Evaluates every case with io_lib:format/2 in one escript run.
 * @returns one result per case, in order: the text, or `Class:Reason` it raised
 */
export function runInErlang(cases: readonly FormatCase[]): ErlResult[] {
  const exprs = cases.map(
    (c) =>
      `unicode:characters_to_list(io_lib:format(${erlString(c.fmt)}, ${c.erlArgs ?? `[${c.args.map(toErlang).join(', ')}]`}))`,
  );
  return evalInErlang(exprs).map((o) =>
    o.ok ? { ok: true, text: text(o.value as List) } : { ok: false, error: `${o.class}:${String(o.reason)}` },
  );
}
