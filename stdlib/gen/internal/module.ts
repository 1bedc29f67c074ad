/**
 * Callback modules. In Erlang a behaviour names its callback module by an atom and calls
 * `Mod:init(Args)`; here the module is an object whose properties are the callbacks, normally
 * an ES module namespace (`import * as ch3 from './ch3.js'`). Where OTP prints the module's name
 * (reports, initial_call, `~p`), erlts prints its `MODULE` export, else a stable placeholder.
 */
import { ErlangError, list } from '../../../runtime/index.js';
import {
  caughtException as caughtRaw,
  describe,
  hideFramesFrom,
  moduleName as runtimeModuleName,
  setStackHead,
} from '../../../runtime/internal/library-api.js';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A callback module: an object (an ES module namespace) whose functions are the callbacks. */
export type CallbackModule = object;

/**
 * The name OTP would print for `mod`: its `MODULE` export (as `?MODULE`), else a placeholder
 * made once per module object, `module_N` (the runtime's, so `~p` prints the same name).
 * @example
 * // ch3 = ?MODULE
 * moduleName(ch3) // 'ch3' when ch3.ts has `export const MODULE = 'ch3'`
 */
export function moduleName(mod: unknown): string {
  if (typeof mod !== 'object' && typeof mod !== 'function') return describe(mod);
  if (mod === null) return 'null';
  return runtimeModuleName(mod);
}

/** Whether `mod` can be a callback module. */
export function isModule(mod: unknown): mod is CallbackModule {
  return (typeof mod === 'object' && mod !== null) || typeof mod === 'function';
}

/** Whether the module exports `fn` (erlang:function_exported/3). */
export function exported(mod: CallbackModule, fn: string): boolean {
  return typeof (mod as Record<string, unknown>)[fn] === 'function';
}

/**
 * The `undef` error Erlang raises for a call of a function the module lacks: reason `undef`, and
 * a stack whose top frame is `{Mod, Fun, Args, []}` with the module's name, so the exit reason is
 * OTP's `{undef, [{Mod, Fun, Args, []} | _]}`.
 */
export function undef(mod: CallbackModule, fn: string, args: readonly unknown[]): ErlangError {
  const name = moduleName(mod);
  const error = new ErlangError(
    'undef',
    `undef: ${name}:${fn}/${args.length} is not exported by the callback module (no function ${fn} on it)`,
  );
  setStackHead(error, [name, fn, list(...args), list()]);
  return error;
}

/** A caught exception as Erlang's try sees it (the library API's, which knows undef's frame). */
export const caughtException = caughtRaw;

/**
 * Calls `mod[fn](...args)` as Erlang's `Mod:Fun(Args...)`: a missing function raises `undef`.
 * The result may be a promise (an async callback).
 */
export function apply(mod: CallbackModule, fn: string, args: readonly unknown[]): unknown {
  const f = (mod as Record<string, unknown>)[fn];
  if (typeof f !== 'function') throw undef(mod, fn, args);
  return (f as (...a: readonly unknown[]) => unknown).apply(mod, args as unknown[]);
}

// The behaviours' own frames (gen, proc_lib, sys and the behaviours, all under stdlib/) are left
// out of the stacks in exit reasons and reports, as OTP's reports show the callback's frames.
const stdlibDir = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
for (const dir of ['gen', 'proc_lib', 'sys', 'gen_server', 'supervisor', 'gen_statem', 'gen_event']) {
  hideFramesFrom(join(stdlibDir, dir) + sep);
}
