/**
 * Name-conflict resolution: when two partitions that registered the same name join, the node with
 * the smaller name calls the method the name was registered with, `Method(Name, Pid1, Pid2)`, on
 * the node of the pid it holds (rpc:call of global:resolve_it), and registers the pid it returns
 * everywhere, or unregisters the name for anything else.
 *
 * Methods travel in the exchange (`{Name, Pid, Method}`), so they must be funs another node can
 * hold: OTP's three are the export funs `fun global:random_exit_name/3` and its kin, which a BEAM
 * node calls back here through the module `global` that this node registers (api.ts). A
 * JavaScript function is made an export fun of the module `erlts_global_method` under a name of
 * its own, so it can travel and be called back here; a BEAM node that must call it itself fails
 * (`undef`), and the name is then unregistered, as OTP does for a method that does not return a
 * pid.
 */
import { exit, list, make_fun, node, send, term_to_binary, type Pid } from '../../runtime/index.js';
import {
  caughtException,
  describe,
  logReport,
  registerModule,
  compareTerms,
} from '../../runtime/internal/dist-api.js';

/** Orders two pids by their nodes' names: `{Min, Max}` (minmax/2). */
function minmax(p1: Pid, p2: Pid): [Pid, Pid] {
  return compareTerms(node(p1), node(p2)) < 0 ? [p1, p2] : [p2, p1];
}

/**
 * Keeps the process of the node with the smaller name and kills the other, as OTP's default
 * method.
 * @param name - the name in conflict
 * @param pid - one process registered under it
 * @param pid2 - the other
 * @returns the pid that keeps the name
 * @example
 * // yes = global:register_name(db, Pid, fun global:random_exit_name/3)
 * await global.register_name('db', Pid, global.random_exit_name);
 * @see https://www.erlang.org/doc/man/global.html#random_exit_name-3
 */
export function random_exit_name(name: unknown, pid: Pid, pid2: Pid): Pid {
  const [min, max] = minmax(pid, pid2);
  logReport('info', undefined, () => `global: Name conflict terminating ${describe([name, max])}\n`, null);
  exit(max, 'kill');
  return min;
}

/**
 * Keeps the process of the node with the smaller name and sends the other
 * `{global_name_conflict, Name}`.
 * @param name - the name in conflict
 * @param pid - one process registered under it
 * @param pid2 - the other
 * @returns the pid that keeps the name
 * @example
 * // yes = global:register_name(db, Pid, fun global:random_notify_name/3)
 * await global.register_name('db', Pid, global.random_notify_name);
 * @see https://www.erlang.org/doc/man/global.html#random_notify_name-3
 */
export function random_notify_name(name: unknown, pid: Pid, pid2: Pid): Pid {
  const [min, max] = minmax(pid, pid2);
  send(max, ['global_name_conflict', name]);
  return min;
}

/**
 * Unregisters the name and tells both processes: `{global_name_conflict, Name, OtherPid}`.
 * @param name - the name in conflict
 * @param pid - one process registered under it
 * @param pid2 - the other
 * @returns `none`
 * @example
 * // yes = global:register_name(db, Pid, fun global:notify_all_name/3)
 * await global.register_name('db', Pid, global.notify_all_name);
 * @see https://www.erlang.org/doc/man/global.html#notify_all_name-3
 */
export function notify_all_name(name: unknown, pid: Pid, pid2: Pid): 'none' {
  send(pid, ['global_name_conflict', name, pid2]);
  send(pid2, ['global_name_conflict', name, pid]);
  return 'none';
}

/** The export fun of OTP's default method, `fun global:random_exit_name/3`. */
export const defaultMethod = make_fun('global', 'random_exit_name', 3);

const known = new Map<unknown, unknown>([
  [random_exit_name, defaultMethod],
  [random_notify_name, make_fun('global', 'random_notify_name', 3)],
  [notify_all_name, make_fun('global', 'notify_all_name', 3)],
]);

/** JS methods made export funs of `erlts_global_method`, by function. */
const jsMethods = new WeakMap<object, unknown>();
const jsModule: Record<string, unknown> = {};
let jsCount = 0;

/**
 * allow_tuple_fun/1: the method as it is kept and sent: `{M, F}` is `fun M:F/3`, OTP's own
 * functions their export funs, a fun that can travel as it is, any other JS function an export
 * fun of its own; anything else is no method (null: the caller raises function_clause).
 */
export function methodOf(m: unknown): unknown {
  if (Array.isArray(m) && m.length === 2 && typeof m[0] === 'string' && typeof m[1] === 'string') {
    return make_fun(m[0], m[1], 3);
  }
  if (typeof m !== 'function') return null;
  const mine = known.get(m);
  if (mine !== undefined) return mine;
  try {
    term_to_binary(m);
    return m;
  } catch {
    // A closure: give it a name another node can send back here.
  }
  let fun = jsMethods.get(m);
  if (fun === undefined) {
    const name = `m${++jsCount}`;
    jsModule[name] = m;
    registerModule('erlts_global_method', jsModule);
    fun = make_fun('erlts_global_method', name, 3);
    jsMethods.set(m, fun);
  }
  return fun;
}

/**
 * global:resolve_it/4: `catch Method(Name, Pid1, Pid2)`, what the node of the held pid runs for
 * the resolving node.
 */
export async function resolve_it(
  method: unknown,
  name: unknown,
  pid1: unknown,
  pid2: unknown,
): Promise<unknown> {
  if (typeof method !== 'function') return ['EXIT', [['badfun', method], list()]];
  try {
    return await (method as (...a: unknown[]) => unknown)(name, pid1, pid2);
  } catch (e) {
    const c = caughtException(e);
    if (c.class === 'throw') return c.reason;
    if (c.class === 'exit') return ['EXIT', c.reason];
    return ['EXIT', [c.reason, c.stack]];
  }
}
