/**
 * Funs that can travel: the external term format writes a fun as what it names, never as code.
 *
 * - An export fun, `fun M:F/A` (erlang:make_fun/3), names a function of a module registered by
 *   name (modules.ts). It is one function object per M, F and A for as long as anything holds
 *   it, so a fun that went to another node and came back is the very fun that left, and
 *   `EXPORT_EXT` decodes to it.
 * - A fun made by BEAM code (`fun() -> ... end` in a module) arrives as `NEW_FUN_EXT`: its
 *   module, the MD5 of that module's code, an index into it, the process that made it and the
 *   values it closed over. erlts keeps those fields so the fun leaves as it came; it cannot run
 *   BEAM code, so calling the fun raises `undef`, as OTP does for a fun whose module is not
 *   loaded.
 * A plain JS closure names nothing another node could call: term_to_binary refuses it.
 */
import { ErlangError, badarg, describe } from './errors.js';
import { applyExport } from './modules.js';
import { WeakTable } from './node-ids.js';
import {
  atomText,
  beamFunInfo,
  exportFunInfo,
  list,
  termKind,
  type AtomValue,
  type BeamFun,
  type ExportFun,
} from './terms.js';

/** The largest arity of a function, as BEAM's MAX_ARG. */
const maxArity = 255;

/** A fun's JS form: it takes the fun's arguments. */
export type Fun = (...args: unknown[]) => unknown;

const exportFuns = new WeakTable<Fun>();

/**
 * The export fun `fun Module:Function/Arity`: calling it calls `Module:Function` with its
 * arguments (the module registered under that name), and term_to_binary writes it as OTP writes
 * `fun M:F/A`. The same module, function and arity give the same function object.
 * @param module - the module's name, an atom
 * @param fn - the function's name, an atom
 * @param arity - the number of arguments, 0 to 255
 * @returns the fun; called with another number of arguments it raises `{badarity, {Fun, Args}}`,
 *   and with its module or function not registered, `undef`
 * @example
 * // F = erlang:make_fun(lists, map, 2),
 * // F(fun(X) -> X * 2 end, [1, 2, 3])
 * const F = make_fun('lists', 'map', 2);
 * F((X: number) => X * 2, list(1, 2, 3));
 * @see https://www.erlang.org/doc/man/erlang.html#make_fun-3
 */
export function make_fun(module: AtomValue, fn: AtomValue, arity: number): Fun {
  if (termKind(module) !== 'atom')
    badarg('erlang:make_fun/3', `the module must be an atom, got ${describe(module)}`);
  if (termKind(fn) !== 'atom')
    badarg('erlang:make_fun/3', `the function must be an atom, got ${describe(fn)}`);
  if (!Number.isSafeInteger(arity) || arity < 0 || arity > maxArity)
    badarg('erlang:make_fun/3', `the arity must be an integer from 0 to ${maxArity}, got ${describe(arity)}`);
  return exportFun(atomText(module), atomText(fn), arity);
}

/**
 * The export fun of `module:fn/arity`, made once while held. binary_to_term takes any arity
 * `EXPORT_EXT` carries (OTP 25 decodes `fun m:f/256`, which make_fun/3 refuses).
 */
export function exportFun(module: string, fn: string, arity: number): Fun {
  const key = `${arity}/${module.length}:${module}:${fn}`;
  const known = exportFuns.get(key);
  if (known !== undefined) return known;
  const fun: Fun = (...args: unknown[]): unknown => {
    if (args.length !== arity)
      throw new ErlangError(['badarity', [fun, list(...args)]], badarityText(fun, args));
    return applyExport(module, fn, args);
  };
  const info: ExportFun = Object.freeze({ module, function: fn, arity });
  Object.defineProperty(fun, exportFunInfo, { value: info });
  Object.defineProperty(fun, 'name', { value: `fun ${module}:${fn}/${arity}` });
  return exportFuns.set(key, fun);
}

function badarityText(fun: Fun, args: readonly unknown[]): string {
  return `${fun.name} called with ${args.length} argument${args.length === 1 ? '' : 's'}`;
}

/**
 * A fun made by BEAM code, as binary_to_term gives it: it keeps its external form, and calling
 * it raises `undef` (erlts runs no BEAM code; OTP raises the same for a fun whose module is not
 * loaded).
 * @param info - the fields of its NEW_FUN_EXT
 * @returns the fun
 */
export function beamFun(info: BeamFun): Fun {
  const name = `#Fun<${info.module}.${info.oldIndex}.${info.oldUniq}>`;
  const fun: Fun = (): never => {
    throw new ErlangError(
      'undef',
      `${name} is a fun of the Erlang module ${info.module}, which erlts cannot run`,
    );
  };
  Object.defineProperty(fun, beamFunInfo, { value: Object.freeze(info) });
  Object.defineProperty(fun, 'name', { value: name });
  return fun;
}
