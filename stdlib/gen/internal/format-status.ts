/**
 * gen:format_status/4 and gen:format_status_header/2, shared by gen_server, gen_statem and
 * gen_event as OTP's gen.erl shares them: what a callback module's format_status makes of a
 * status (the OTP 25 format_status/1 on a map, or the old format_status/2 with its argument
 * list), and the header line of sys:get_status.
 */
import { is_pid, list } from '../../../runtime/index.js';
import { caughtException, type List } from '../../../runtime/internal/library-api.js';
import { isModule, moduleName } from './module.js';

/** A status as format_status/1 gets it: `#{state => ..., log => ..., ...}`. */
export type StatusMap = Record<string, unknown>;

/** An Erlang string: the list of `text`'s code points. */
export function erlangString(text: string): List<number> {
  return list(...Array.from(text, (c) => c.codePointAt(0) as number));
}

/** gen:format_status_header/2: `"TagLine Name"` for a pid or an atom, else `{TagLine, Name}`. */
export function formatStatusHeader(tagLine: string, name: unknown): unknown {
  if (is_pid(name) || typeof name === 'string') return erlangString(`${tagLine} ${String(name)}`);
  return [erlangString(tagLine), name];
}

/**
 * gen:format_status/4: the status as the module's format_status/1 leaves it (`EXIT` naming what
 * went wrong when it crashed, returned no map or added keys), or with `'$status'` what the old
 * format_status/2 returned for `(Opt, Args)`; the status itself when there is none. One JS name
 * serves both arities: a function of one declared parameter is format_status/1
 * (docs/DEVIATIONS.md). A callback that returns a Promise is awaited when `async` is set (a
 * terminate report), else it is a bad return (sys answers at once).
 */
export function formatStatus(
  mod: unknown,
  opt: unknown,
  status: StatusMap,
  args: readonly unknown[],
  async = false,
): StatusMap | Promise<StatusMap> {
  const f = isModule(mod) ? (mod as { format_status?: unknown }).format_status : undefined;
  if (typeof f !== 'function') return status;
  const name = moduleName(mod);
  const exit = (what: string): StatusMap => ({ ...status, EXIT: erlangString(`${name}:${what}`) });
  const newStyle = f.length === 1;
  const done = (r: unknown): StatusMap => {
    if (!newStyle) return { ...status, $status: r };
    if (typeof r !== 'object' || r === null || Array.isArray(r) || r instanceof Promise) {
      return exit('format_status/1 did not return a map');
    }
    if (Object.keys(r).some((k) => !(k in status)))
      return exit('format_status/1 returned a map with unknown keys');
    return { ...status, ...(r as StatusMap) };
  };
  const failed = (e: unknown): StatusMap => {
    if (!newStyle && caughtException(e).class === 'throw')
      return { ...status, $status: caughtException(e).reason };
    return exit(newStyle ? 'format_status/1 crashed' : 'format_status/2 crashed');
  };
  try {
    const r: unknown = newStyle
      ? (f as (s: unknown) => unknown).call(mod, { ...status })
      : (f as (o: unknown, a: unknown) => unknown).call(mod, opt, list(...args));
    return async && r instanceof Promise ? r.then(done, failed) : done(r);
  } catch (e) {
    return failed(e);
  }
}
