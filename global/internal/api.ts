/**
 * global's functions, as OTP 25's module `global` exports them. Registration goes through this
 * node's name server and its registrar, which takes global's own lock on every known node and
 * asks each node's server to insert (or delete) the name; lookups read this node's table.
 *
 * While this node is not distributed no server runs (net_kernel starts it), and the functions
 * work on this node's table at once, as OTP's global does on a node alone.
 *
 * Loading this module registers the module `global` (the export funs `fun global:random_exit_name/3`
 * that BEAM nodes send, and the `global:resolve_it/4` they call here) and makes the behaviours'
 * `{global, Name}` use these names.
 */
import {
  ErlangError,
  ExitException,
  apply,
  is_pid,
  list,
  node,
  nodes,
  send as erlangSend,
  type List,
  type Pid,
} from '../../runtime/index.js';
import { describe, logReport, registerModule } from '../../runtime/internal/dist-api.js';
import { useGlobalRegistry } from '../../stdlib/gen/internal/names.js';
import { callServer, multiCall, serverRunning } from './calls.js';
import { delLock, setLock, type LockId } from './locker.js';
import {
  defaultMethod,
  methodOf,
  notify_all_name,
  random_exit_name,
  random_notify_name,
  resolve_it,
} from './methods.js';
import { deleteGlobalName2, insName, namesOf, registeredNames, where } from './tables.js';

/** A conflict-resolution method: `fun(Name, Pid1, Pid2) -> Pid1 | Pid2 | none`, or `{M, F}`. */
export type Method = ((name: unknown, pid1: Pid, pid2: Pid) => unknown) | readonly [string, string];

/** A lock id: `{ResourceId, LockRequesterId}`. */
export type Id = readonly [unknown, unknown];

/** How many times set_lock tries: a number, or `infinity`. */
export type Retries = number | 'infinity';

function functionClause(fn: string, text: string): never {
  throw new ErlangError('function_clause', `${fn}: ${text}`);
}

function checkPid(pid: unknown, fn: string): asserts pid is Pid {
  if (!is_pid(pid)) functionClause(fn, `the pid must be a pid, got ${describe(pid)}`);
}

function checkMethod(m: unknown, fn: string): unknown {
  const method = methodOf(m);
  if (method === null)
    functionClause(fn, `the method must be a fun of arity 3 or {Module, Function}, got ${describe(m)}`);
  return method;
}

/** check_dupname/2: a process holds one global name (OTP logs the second and refuses it). */
function checkDupname(name: unknown, pid: Pid): boolean {
  const held = namesOf(pid);
  if (held.length === 0) return true;
  logReport(
    'error',
    undefined,
    () => `global: ${describe(pid)} registered under several names: ${describe(list(name, ...held))}\n`,
    null,
  );
  return false;
}

/**
 * The process registered globally as `name`.
 * @param name - any term
 * @returns its pid, or `undefined`
 * @example
 * // Pid = global:whereis_name(db)
 * const Pid = global.whereis_name('db');
 * @see https://www.erlang.org/doc/man/global.html#whereis_name-1
 */
export function whereis_name(name: unknown): Pid | 'undefined' {
  return where(name);
}

/**
 * Registers `pid` as `name` on every node of the cluster, under global's lock; a clash with a
 * partition that joins later is resolved by `method` (random_exit_name by default).
 * @param name - any term
 * @param pid - the process (of any node)
 * @param method - `fun(Name, Pid1, Pid2)` or `{Module, Function}`
 * @returns `yes`, or `no` when the name is taken or the process already has a global name
 * @example
 * // yes = global:register_name(db, self())
 * await global.register_name('db', self());
 * @see https://www.erlang.org/doc/man/global.html#register_name-3
 */
export async function register_name(
  name: unknown,
  pid: Pid,
  method: Method = random_exit_name,
): Promise<'yes' | 'no'> {
  const fn = 'global:register_name/3';
  checkPid(pid, fn);
  return registerChecked(name, pid, checkMethod(method, fn));
}

function registerChecked(name: unknown, pid: Pid, method: unknown): 'yes' | 'no' | Promise<'yes' | 'no'> {
  if (!serverRunning()) {
    if (where(name) !== 'undefined' || !checkDupname(name, pid)) return 'no';
    insName(name, pid, method, null, list(), null);
    return 'yes';
  }
  const fun = async (targets: string[]): Promise<'yes' | 'no'> => {
    if (where(name) !== 'undefined' || !checkDupname(name, pid)) return 'no';
    await multiCall(targets, ['register', name, pid, method]);
    return 'yes';
  };
  return callServer(['registrar', fun]) as Promise<'yes' | 'no'>;
}

/**
 * Registers `pid` as `name` whether or not the name is taken (the holder loses it).
 * @param name - any term
 * @param pid - the process
 * @param method - as for {@link register_name}
 * @returns `yes`
 * @example
 * // yes = global:re_register_name(db, self())
 * await global.re_register_name('db', self());
 * @see https://www.erlang.org/doc/man/global.html#re_register_name-3
 */
export async function re_register_name(
  name: unknown,
  pid: Pid,
  method: Method = random_exit_name,
): Promise<'yes'> {
  const fn = 'global:re_register_name/3';
  checkPid(pid, fn);
  const m = checkMethod(method, fn);
  if (!serverRunning()) {
    insName(name, pid, m, null, list(), null);
    return 'yes';
  }
  const fun = async (targets: string[]): Promise<'yes'> => {
    await multiCall(targets, ['register', name, pid, m]);
    return 'yes';
  };
  return callServer(['registrar', fun]) as Promise<'yes'>;
}

/**
 * Removes the global name `name` on every node.
 * @param name - any term
 * @returns `ok`
 * @example
 * // _ = global:unregister_name(db)
 * await global.unregister_name('db');
 * @see https://www.erlang.org/doc/man/global.html#unregister_name-1
 */
export async function unregister_name(name: unknown): Promise<'ok'> {
  return unregisterNow(name);
}

function unregisterNow(name: unknown): 'ok' | Promise<'ok'> {
  if (where(name) === 'undefined') return 'ok';
  if (!serverRunning()) {
    deleteGlobalName2(name);
    return 'ok';
  }
  const fun = async (targets: string[]): Promise<'ok'> => {
    await multiCall(targets, ['unregister', name]);
    return 'ok';
  };
  return callServer(['registrar', fun]) as Promise<'ok'>;
}

/**
 * The globally registered names.
 * @returns a list of names
 * @example
 * // Names = global:registered_names()
 * const Names = global.registered_names();
 * @see https://www.erlang.org/doc/man/global.html#registered_names-0
 */
export function registered_names(): List<unknown> {
  return registeredNames();
}

/**
 * Sends `msg` to the process registered globally as `name`.
 * @param name - any term
 * @param msg - the message
 * @returns the pid it went to; exits `{badarg, {Name, Msg}}` when no process has the name
 * @example
 * // Pid = global:send(db, {get, key})
 * const Pid = global.send('db', ['get', 'key']);
 * @see https://www.erlang.org/doc/man/global.html#send-2
 */
export function send(name: unknown, msg: unknown): Pid {
  const pid = where(name);
  if (pid === 'undefined') throw new ExitException(['badarg', [name, msg]]);
  erlangSend(pid, msg);
  return pid;
}

/**
 * Waits until this node's names agree with those of every visible node it is connected to (or
 * of `targets`).
 * @param targets - the nodes (all connected visible nodes by default)
 * @returns `ok`
 * @example
 * // ok = global:sync()
 * await global.sync();
 * @see https://www.erlang.org/doc/man/global.html#sync-0
 */
export async function sync(targets?: readonly string[]): Promise<'ok' | ['error', unknown]> {
  if (targets !== undefined && (!Array.isArray(targets) || !targets.every((n) => typeof n === 'string'))) {
    throw new ErlangError(
      'badarg',
      `global:sync/1: the nodes must be a list of atoms, got ${describe(targets)}`,
    );
  }
  if (!serverRunning()) return 'ok';
  return (await callServer(['sync', list(...(targets ?? nodes()))])) as 'ok';
}

function checkId(id: unknown, fn: string): asserts id is Id {
  if (!Array.isArray(id) || id.length !== 2) {
    functionClause(fn, `the lock id must be {ResourceId, LockRequesterId}, got ${describe(id)}`);
  }
}

function checkNodes(ns: unknown, fn: string): asserts ns is readonly string[] {
  if (!Array.isArray(ns) || !ns.every((n) => typeof n === 'string')) {
    functionClause(fn, `the nodes must be a list of atoms, got ${describe(ns)}`);
  }
}

function checkRetries(r: unknown, fn: string): asserts r is Retries {
  if (r !== 'infinity' && !(Number.isInteger(r) && (r as number) >= 0)) {
    functionClause(fn, `the retries must be a non-negative integer or infinity, got ${describe(r)}`);
  }
}

/**
 * Sets the lock `id` on `targets`: granted when no other requester holds the resource on any of
 * them (the same requester may hold it from several processes).
 * @param id - `{ResourceId, LockRequesterId}`
 * @param targets - the nodes (this node and the visible nodes by default)
 * @param retries - how many times to try again after a random sleep (`infinity` by default)
 * @returns `true` when set, `false` when the retries ran out
 * @example
 * // true = global:set_lock({db, self()})
 * await global.set_lock(['db', self()]);
 * @see https://www.erlang.org/doc/man/global.html#set_lock-3
 */
export async function set_lock(
  id: Id,
  targets: readonly string[] = [node(), ...nodes()],
  retries: Retries = 'infinity',
): Promise<boolean> {
  const fn = 'global:set_lock/3';
  checkId(id, fn);
  checkNodes(targets, fn);
  checkRetries(retries, fn);
  return setLock([id[0], id[1]] as LockId, [...targets], retries);
}

/**
 * Lets go of the lock `id` that the caller set on `targets`.
 * @param id - `{ResourceId, LockRequesterId}`
 * @param targets - the nodes (this node and the visible nodes by default)
 * @returns `true`
 * @example
 * // true = global:del_lock({db, self()})
 * await global.del_lock(['db', self()]);
 * @see https://www.erlang.org/doc/man/global.html#del_lock-2
 */
export async function del_lock(id: Id, targets: readonly string[] = [node(), ...nodes()]): Promise<true> {
  const fn = 'global:del_lock/2';
  checkId(id, fn);
  checkNodes(targets, fn);
  return delLock([id[0], id[1]] as LockId, [...targets]);
}

/**
 * Runs `fun` holding the lock `id` on `targets`, and lets go after, whatever it did.
 * @param id - `{ResourceId, LockRequesterId}`
 * @param fun - a function of no arguments, or `{Module, Function}`
 * @param targets - the nodes (this node and the visible nodes by default)
 * @param retries - as for {@link set_lock}
 * @returns what `fun` returned, or `aborted` when the lock could not be set
 * @example
 * // Res = global:trans({db, self()}, fun() -> update() end)
 * const Res = await global.trans(['db', self()], () => update());
 * @see https://www.erlang.org/doc/man/global.html#trans-4
 */
export async function trans(
  id: Id,
  fun: (() => unknown) | readonly [string, string],
  targets: readonly string[] = [node(), ...nodes()],
  retries: Retries = 'infinity',
): Promise<unknown> {
  const fn = 'global:trans/4';
  checkId(id, fn);
  checkNodes(targets, fn);
  checkRetries(retries, fn);
  if (!(await set_lock(id, targets, retries))) return 'aborted';
  try {
    return typeof fun === 'function' ? await fun() : await apply(fun[0], fun[1], []);
  } finally {
    await del_lock(id, targets);
  }
}

/**
 * Disconnects from every node global knows of, without telling the others that the connection
 * was lost.
 * @returns the nodes disconnected
 * @example
 * // Nodes = global:disconnect()
 * const Nodes = await global.disconnect();
 * @see https://www.erlang.org/doc/man/global.html#disconnect-0
 */
export async function disconnect(): Promise<List<string>> {
  if (!serverRunning()) return list();
  return (await callServer('disconnect')) as List<string>;
}

export { random_exit_name, random_notify_name, notify_all_name };

// The module `global` as other nodes call it, and the behaviours' `{global, Name}`.
registerModule('global', {
  whereis_name,
  register_name,
  re_register_name,
  unregister_name,
  registered_names,
  send,
  sync,
  set_lock,
  del_lock,
  trans,
  disconnect,
  random_exit_name,
  random_notify_name,
  notify_all_name,
  resolve_it,
});

for (const [name, pid] of useGlobalRegistry({
  register_name: (name, pid) => registerChecked(name, pid, defaultMethod),
  unregister_name: unregisterNow,
  whereis_name: where,
})) {
  insName(name, pid, defaultMethod, null, list(), null);
}
