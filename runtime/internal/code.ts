/**
 * The `code` functions erlts has: a registry of modules by name instead of a code path
 * (modules.ts keeps it). See ns/code.ts.
 */
import { badarg, describe } from './errors.js';
import { moduleNamed, registerModule, registeredModules, unregisterModule } from './modules.js';
import { List, toList } from './terms.js';

/**
 * Registers `mod` as the module `name`, so that `name:Function(Args)` can be applied by name: by
 * apply/3, by `fun name:F/A`, by spawn_request, and by other nodes (`rpc:call(Node, name, F, A)`
 * from erl). Re-registering a name replaces the module, as loading new code does.
 * @param name - the module name, an atom
 * @param mod - an object of functions; `import * as kv from './kv.js'` gives one
 * @returns `['module', Name]`, as code:load_binary/3 does
 * @example
 * // {module, kv} = code:load_binary(kv, "kv.beam", Bin)
 * import * as kv from './kv.js';
 * code.register_module('kv', kv);
 * @see https://www.erlang.org/doc/man/code.html#load_binary-3
 */
export function register_module(name: string, mod: object): ['module', string] {
  registerModule(name, mod);
  return ['module', name];
}

/**
 * Forgets the module `name`, as code:delete/1 and code:purge/1 together: calls to it raise `undef`.
 * @param name - the module name
 * @returns `true` if it was registered, else `false`
 * @example
 * // true = code:delete(kv)
 * code.unregister_module('kv');
 * @see https://www.erlang.org/doc/man/code.html#delete-1
 */
export function unregister_module(name: string): boolean {
  if (typeof name !== 'string')
    badarg('code:unregister_module/1', `the name must be an atom, got ${describe(name)}`);
  return unregisterModule(name);
}

/**
 * Whether `name` is registered, as code:is_loaded/1.
 * @param name - the module name
 * @returns `['file', 'registered']` if it is, else `false`
 * @example
 * // {file, _} = code:is_loaded(kv)
 * code.is_loaded('kv'); // ['file', 'registered']
 * @see https://www.erlang.org/doc/man/code.html#is_loaded-1
 */
export function is_loaded(name: string): ['file', 'registered'] | false {
  return moduleNamed(name) === undefined ? false : ['file', 'registered'];
}

/**
 * The registered modules, as code:all_loaded/0.
 * @returns a list of `[Module, 'registered']`
 * @example
 * // Loaded = code:all_loaded()
 * const Loaded = code.all_loaded();
 * @see https://www.erlang.org/doc/man/code.html#all_loaded-0
 */
export function all_loaded(): List<[string, 'registered']> {
  return toList(registeredModules().map((m): [string, 'registered'] => [m, 'registered']));
}
