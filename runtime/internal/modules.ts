/**
 * Modules by name: what `apply(Module, Function, Args)`, `fun M:F/A` and calls from other nodes
 * (rpc, erpc, remote spawn) find functions in. JavaScript has no code server, so a module is
 * whatever object of functions a program registers under a name; a module namespace
 * (`import * as kv from './kv.js'`) is the usual one.
 */

import { ErlangError, badarg, describe } from './errors.js';

const modules = new Map<string, object>();

/**
 * Registers `mod` as the module `name`: its exported functions become callable as `name:F(...)`
 * by apply/3 and from other nodes.
 * @param name - the module name, an atom
 * @param mod - an object whose function properties are the module's functions
 */
export function registerModule(name: string, mod: object): void {
  if (typeof name !== 'string')
    badarg('code:register_module/2', `the name must be an atom, got ${describe(name)}`);
  if (typeof mod !== 'object' || mod === null) {
    badarg('code:register_module/2', `the module must be an object of functions, got ${describe(mod)}`);
  }
  modules.set(name, mod);
}

/** Forgets the module `name`; whether it was registered. */
export function unregisterModule(name: string): boolean {
  return modules.delete(name);
}

/** The module registered as `name`, if any. */
export function moduleNamed(name: string): object | undefined {
  return modules.get(name);
}

/** The names of the registered modules. */
export function registeredModules(): string[] {
  return [...modules.keys()];
}

/**
 * The function `module:fn` (an own or inherited function property of a registered module), or
 * undefined. Arity is not checked: a JS function takes any number of arguments.
 */
export function exportedFunction(module: string, fn: string): ((...args: unknown[]) => unknown) | undefined {
  const mod = modules.get(module);
  if (mod === undefined) return undefined;
  const f = (mod as Record<string, unknown>)[fn];
  return typeof f === 'function' ? (f as (...args: unknown[]) => unknown) : undefined;
}

/**
 * Calls `module:fn(...args)`, as erlang:apply/3; a module or function nobody registered raises
 * `undef`, as OTP's does for one not loaded.
 */
export function applyExport(module: unknown, fn: unknown, args: readonly unknown[]): unknown {
  const f = typeof module === 'string' && typeof fn === 'string' ? exportedFunction(module, fn) : undefined;
  if (f === undefined) {
    throw new ErlangError('undef', `${describe(module)}:${describe(fn)}/${args.length} is not registered`);
  }
  return f(...args);
}
