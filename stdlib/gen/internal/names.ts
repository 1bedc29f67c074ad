/**
 * Process names and server references, as OTP's gen.erl resolves them: `{local, Name}`,
 * `{global, Name}`, `{via, Module, Name}` to register a behaviour; a pid, a registered name,
 * `{Name, Node}`, `{global, Name}` or `{via, Module, Name}` to reach one.
 *
 * `global` is erlts/global's registry once that module is loaded (net_kernel loads it): the
 * cluster's names while the node is distributed. Registering or unregistering a global name then
 * asks every node, so those give a promise there (and an answer at once otherwise).
 */
import {
  ErlangError,
  ExitException,
  is_pid,
  is_alive,
  is_process_alive,
  node,
  register,
  send,
  unregister,
  whereis,
  type Pid,
} from '../../../runtime/index.js';
import { describe, termEquals } from '../../../runtime/internal/library-api.js';
import { apply, isModule, type CallbackModule } from './module.js';

/** A module that names processes as `global` does: register_name/2, unregister_name/1, whereis_name/1, send/2. */
export type ViaModule = CallbackModule;

/** How a behaviour registers itself (start/4, start_link/4). */
export type ServerName = ['local', string] | ['global', unknown] | ['via', ViaModule, unknown];

/** How a behaviour is reached: a pid, a registered name, `{Name, Node}`, `{global, N}`, `{via, M, N}`. */
export type ServerRef = Pid | string | [string, string] | ['global', unknown] | ['via', ViaModule, unknown];

// ---- global ------------------------------------------------------------------

/**
 * The global name registry the behaviours use: erlts/global's once it is loaded (it installs
 * itself, see {@link useGlobalRegistry}); until then a table of this node's own, each name freed
 * when its process dies (checked when the name is looked up or taken). stdlib may not import
 * global (global is above it), hence the installation.
 */
export interface GlobalRegistry {
  /** global:register_name/2: `yes` or `no`, at once on a node that is not distributed. */
  register_name(name: unknown, pid: Pid): 'yes' | 'no' | Promise<'yes' | 'no'>;
  /** global:unregister_name/1. */
  unregister_name(name: unknown): unknown;
  /** global:whereis_name/1. */
  whereis_name(name: unknown): Pid | 'undefined';
}

const globalNames: [unknown, Pid][] = [];

function globalIndex(name: unknown): number {
  for (let i = 0; i < globalNames.length; i++) {
    const entry = globalNames[i] as [unknown, Pid];
    if (termEquals(entry[0], name)) {
      if (is_process_alive(entry[1])) return i;
      globalNames.splice(i, 1);
      return -1;
    }
  }
  return -1;
}

const localRegistry: GlobalRegistry = {
  register_name(name, pid) {
    if (globalIndex(name) >= 0) return 'no';
    if (!is_process_alive(pid)) return 'no';
    globalNames.push([name, pid]);
    return 'yes';
  },
  unregister_name(name) {
    const i = globalIndex(name);
    if (i >= 0) globalNames.splice(i, 1);
    return 'ok';
  },
  whereis_name(name) {
    const i = globalIndex(name);
    return i < 0 ? 'undefined' : (globalNames[i] as [unknown, Pid])[1];
  },
};

let registry: GlobalRegistry = localRegistry;

/**
 * Makes `r` the global registry of the behaviours (erlts/global does when loaded).
 * @returns the live names the table of this node had, for `r` to take over
 */
export function useGlobalRegistry(r: GlobalRegistry): [unknown, Pid][] {
  registry = r;
  const taken = globalNames.splice(0).filter(([, pid]) => is_process_alive(pid));
  return taken;
}

/** global:register_name/2: `yes`, or `no` if the name is taken (or the pid already has one). */
export function global_register_name(name: unknown, pid: Pid): 'yes' | 'no' | Promise<'yes' | 'no'> {
  return registry.register_name(name, pid);
}

/** global:unregister_name/1 (a promise while the cluster is asked). */
export function global_unregister_name(name: unknown): unknown {
  return registry.unregister_name(name);
}

/** global:whereis_name/1. */
export function global_whereis_name(name: unknown): Pid | 'undefined' {
  return registry.whereis_name(name);
}

/** global:send/2: the pid, or exit `{badarg, {Name, Msg}}` for a name nobody has. */
export function global_send(name: unknown, msg: unknown): Pid {
  const pid = global_whereis_name(name);
  if (pid === 'undefined') {
    throw exitWith(['badarg', [name, msg]]);
  }
  send(pid, msg);
  return pid;
}

// ---- names -------------------------------------------------------------------

/** Whether `name` is a well-formed {@link ServerName}. */
export function isServerName(name: unknown): name is ServerName {
  if (!Array.isArray(name)) return false;
  if (name.length === 2 && name[0] === 'local') return typeof name[1] === 'string';
  if (name.length === 2 && name[0] === 'global') return true;
  return name.length === 3 && name[0] === 'via' && isModule(name[1]);
}

/** The pid registered under `name`, or `undefined` (gen:where/1). */
export function where(name: ServerName): Pid | 'undefined' {
  switch (name[0]) {
    case 'local':
      return whereis(name[1]);
    case 'global':
      return global_whereis_name(name[1]);
    case 'via':
      return apply(name[1], 'whereis_name', [name[2]]) as Pid | 'undefined';
  }
}

/** What gen:register_name/1 gives: `true`, or `[false, Pid]` with the holder. */
export type Registered = true | [false, Pid | 'undefined'];

/**
 * Registers the caller as `name`: `true`, or `[false, Pid]` with the holder (gen:register_name/1);
 * a promise of it for a global name on a distributed node.
 */
export function register_name(name: ServerName, self: Pid): Registered | Promise<Registered> {
  switch (name[0]) {
    case 'local':
      try {
        register(name[1], self);
        return true;
      } catch (e) {
        if (ErlangError.is(e) && e.reason === 'badarg') return [false, whereis(name[1])];
        throw e;
      }
    case 'global': {
      const answer = global_register_name(name[1], self);
      const registered = (yes: 'yes' | 'no'): Registered =>
        yes === 'yes' ? true : [false, global_whereis_name(name[1])];
      return answer instanceof Promise ? answer.then(registered) : registered(answer);
    }
    case 'via':
      if (apply(name[1], 'register_name', [name[2], self]) === 'yes') return true;
      return [false, where(name)];
  }
}

/**
 * Frees `name` if the caller holds it (gen:unregister_name/1); a promise for a global name on a
 * distributed node (gen waits for global:unregister_name).
 */
export function unregister_name(name: ServerName | Pid): void | Promise<void> {
  if (!Array.isArray(name)) return;
  try {
    if (name[0] === 'local') unregister(name[1]);
    else if (name[0] === 'global') {
      const done = global_unregister_name(name[1]);
      if (done instanceof Promise) return done.then(ignore, ignore);
    } else apply(name[1], 'unregister_name', [name[2]]);
  } catch {
    // Not registered (any more): nothing to free.
  }
}

function ignore(): void {}

/** The name a behaviour goes by in its reports and sys (gen:name/1): the bare name, or its pid. */
export function nameOf(name: ServerName | Pid): unknown {
  if (!Array.isArray(name)) return name;
  return name[0] === 'via' ? name[2] : name[1];
}

// ---- references ----------------------------------------------------------------

/** The exception exit(Reason) raises, to throw from gen's own code. */
export function exitWith(reason: unknown): ExitException {
  return new ExitException(reason);
}

/**
 * The live pid a server reference names (gen:do_for_proc/2): exit `noproc` when nothing has the
 * name, `{nodedown, Node}` for another node, `function_clause` for a reference of no known form.
 */
export function resolve(ref: unknown, fn: string): Pid;
export function resolve(ref: unknown, fn: string, remote: true): Pid | [string, string];
export function resolve(ref: unknown, fn: string, remote = false): Pid | [string, string] {
  if (is_pid(ref)) return ref;
  let pid: Pid | 'undefined';
  if (typeof ref === 'string') pid = whereis(ref);
  else if (Array.isArray(ref) && ref.length === 2 && ref[0] === 'global') pid = global_whereis_name(ref[1]);
  else if (Array.isArray(ref) && ref.length === 3 && ref[0] === 'via' && isModule(ref[1])) {
    pid = apply(ref[1], 'whereis_name', [ref[2]]) as Pid | 'undefined';
  } else if (
    Array.isArray(ref) &&
    ref.length === 2 &&
    typeof ref[0] === 'string' &&
    typeof ref[1] === 'string'
  ) {
    if (ref[1] !== node()) {
      // A name on another node is sent to as it is (a call monitors it by name); a node that is
      // not alive reaches none, as gen's nodedown says.
      if (remote && is_alive()) return [ref[0], ref[1]];
      throw exitWith(['nodedown', ref[1]]);
    }
    pid = whereis(ref[0]);
  } else {
    throw new ErlangError(
      'function_clause',
      `${fn}: ${describe(ref)} is not a server reference (a pid, a registered name, {Name, Node}, {global, Name} or {via, Module, Name})`,
    );
  }
  if (pid === 'undefined') throw exitWith('noproc');
  return pid;
}
