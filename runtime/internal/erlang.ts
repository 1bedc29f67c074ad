/**
 * The `erlang` module's process BIFs, with Erlang's argument checks: spawning,
 * sending, exits, links, monitors, flags, the process dictionary and
 * process_info. The machinery lives in process.ts; this is the public face.
 */
import { ErlangError, ExitError, ExitException, ThrownValue, badarg, describe } from './errors.js';
import {
  type Process,
  Status,
  allProcesses,
  liveSelf,
  link as linkBif,
  linkProcesses,
  monitorProcess,
  nodeName,
  noprocDowns,
  processNamed,
  processOf,
  removeMonitor,
  self as selfProcess,
  sendExitSignal,
  sendMessage,
  spawnProcess,
} from './process.js';
import { List, Pid, Ref, list, termEquals, toList } from './terms.js';

type Fn<A extends unknown[], R> = (...args: A) => R;

/**
 * The calling process's pid; outside any process, the shell's.
 * @returns a Pid
 * @example
 * // Self = self()
 * const Self = self()
 * @see https://www.erlang.org/doc/man/erlang.html#self-0
 */
export function self(): Pid {
  return selfProcess().pid;
}

/**
 * Starts a process running `fn(...args)`; its return ends it with `normal`.
 * @returns the new process's pid
 * @example
 * // Pid = spawn(fun() -> loop(0) end)
 * const Pid = spawn(async () => loop(0))
 * @see https://www.erlang.org/doc/man/erlang.html#spawn-1
 */
export function spawn<A extends unknown[]>(fn: Fn<A, unknown>, ...args: A): Pid {
  liveSelf();
  return spawnProcess(fn, args, 'erlang:spawn/1').pid;
}

/**
 * As {@link spawn}, linking the new process to the caller first.
 * @returns the new process's pid
 * @see https://www.erlang.org/doc/man/erlang.html#spawn_link-1
 */
export function spawn_link<A extends unknown[]>(fn: Fn<A, unknown>, ...args: A): Pid {
  const me = liveSelf();
  return spawnProcess(fn, args, 'erlang:spawn_link/1', (proc) => linkProcesses(me, proc)).pid;
}

/**
 * As {@link spawn}, monitoring the new process from the caller.
 * @returns `[Pid, Ref]`
 * @see https://www.erlang.org/doc/man/erlang.html#spawn_monitor-1
 */
export function spawn_monitor<A extends unknown[]>(fn: Fn<A, unknown>, ...args: A): [Pid, Ref] {
  const me = liveSelf();
  const ref = new Ref();
  me.box?.mark(ref);
  const pid = spawnProcess(fn, args, 'erlang:spawn_monitor/1', (proc) =>
    monitorProcess(me, proc, proc.pid, ref),
  ).pid;
  return [pid, ref];
}

/**
 * Spawns a process and resolves with what `fn` returns; rejects with an
 * {@link ExitError} carrying the exit reason if it dies any other way.
 * The entry point for scripts and tests.
 * @example
 * const answer = await run(async () => { send(self(), 42); return receive(); });
 */
export function run<A extends unknown[], R>(fn: Fn<A, R>, ...args: A): Promise<Awaited<R>> {
  return new Promise((resolve, reject) => {
    const proc = spawnProcess(fn, args, 'erlts:run/1');
    proc.onExit((reason, value) => {
      if (reason === 'normal') resolve(value as Awaited<R>);
      else reject(new ExitError(reason, `process ${proc.pid} exited: ${describe(reason)}`));
    });
  });
}

/**
 * Sends `msg` to a pid or registered name, as `Dest ! Msg`. Sending to a dead
 * pid does nothing; an unregistered name raises badarg.
 * @returns `msg`
 * @example
 * // Pid ! {self(), hello}
 * send(Pid, [self(), 'hello'])
 * @see https://www.erlang.org/doc/man/erlang.html#send-2
 */
export function send<T>(dest: Pid | string | [string, string], msg: T): T {
  return sendMessage(dest, msg);
}

/**
 * exit/1 raises an exit in the caller; exit/2 sends an exit signal to `pid`.
 * @example
 * // exit(Pid, kill)
 * exit(Pid, 'kill')
 * @see https://www.erlang.org/doc/man/erlang.html#exit-2
 */
export function exit(reason: unknown): never;
export function exit(pid: Pid, reason: unknown): true;
export function exit(...args: [unknown] | [Pid, unknown]): true {
  if (args.length === 1) throw new ExitException(args[0]);
  const [pid, reason] = args;
  if (!(pid instanceof Pid)) badarg('erlang:exit/2', `expected a pid, got ${describe(pid)}`);
  const me = liveSelf();
  const target = processOf(pid);
  if (target !== null) sendExitSignal(target, me.pid, reason, false);
  return true;
}

/**
 * Raises an exception of class error, as erlang:error/1.
 * @example
 * // error(badarg)
 * error('badarg')
 */
export function error(reason: unknown): never {
  throw new ErlangError(reason);
}

/**
 * Raises an exception of class throw, as erlang:throw/1. Exported as `throw`.
 * @example
 * // throw({not_found, Key})
 * erlang.throw(['not_found', key])
 */
export function throw_(value: unknown): never {
  throw new ThrownValue(value);
}

/**
 * Links the caller and `pid`. Linking a dead process raises noproc, or gives
 * `['EXIT', Pid, noproc]` to a caller trapping exits.
 * @returns `true`
 * @see https://www.erlang.org/doc/man/erlang.html#link-1
 */
export function link(pid: Pid): true {
  return linkBif(pid);
}

export { unlink, register, unregister, whereis, registered } from './process.js';

/**
 * Monitors a process by pid or registered name; its death (or its absence)
 * sends `['DOWN', Ref, 'process', Item, Reason]`.
 * @returns the monitor's reference
 * @example
 * // Ref = monitor(process, Pid)
 * const Ref = monitor('process', Pid)
 * @see https://www.erlang.org/doc/man/erlang.html#monitor-2
 */
export function monitor(type: 'process', item: Pid | string | [string, string]): Ref {
  const fn = 'erlang:monitor/2';
  if (type !== 'process') badarg(fn, `the type must be process, got ${describe(type)}`);
  const me = liveSelf();
  const ref = new Ref();
  // Mark first: a DOWN for a dead process is delivered at once and must be found.
  me.box?.mark(ref);
  if (item instanceof Pid) {
    monitorProcess(me, processOf(item), item, ref);
  } else if (typeof item === 'string') {
    monitorProcess(me, processNamed(item), [item, nodeName], ref);
  } else if (
    Array.isArray(item) &&
    item.length === 2 &&
    typeof item[0] === 'string' &&
    item[1] === nodeName
  ) {
    monitorProcess(me, processNamed(item[0]), [item[0], nodeName], ref);
  } else {
    badarg(fn, `expected a pid or a registered name, got ${describe(item)}`);
  }
  return ref;
}

/**
 * Turns a monitor off. With `'flush'`, also removes its DOWN message if one
 * came; with `'info'`, tells whether the monitor was still active.
 * @returns `true`, or with `'info'` whether it was found
 * @see https://www.erlang.org/doc/man/erlang.html#demonitor-2
 */
export function demonitor(ref: Ref, options: readonly ('flush' | 'info')[] = []): boolean {
  const fn = 'erlang:demonitor/2';
  if (!(ref instanceof Ref)) badarg(fn, `expected a reference, got ${describe(ref)}`);
  if (!Array.isArray(options)) badarg(fn, `the options must be a list, got ${describe(options)}`);
  let flush = false;
  let info = false;
  for (const option of options) {
    if (option === 'flush') flush = true;
    else if (option === 'info') info = true;
    else badarg(fn, `unknown option ${describe(option)}`);
  }
  const me = liveSelf();
  const found = removeMonitor(me, ref);
  const box = me.box;
  if (box !== null && (flush || noprocDowns.has(ref))) {
    let prev = null;
    for (let node = box.head; node !== null; prev = node, node = node.next) {
      const m = node.msg;
      if (Array.isArray(m) && m.length === 5 && m[0] === 'DOWN' && m[1] === ref) {
        box.remove(node, prev);
        break;
      }
    }
  }
  return info ? found : true;
}

/**
 * A new unique reference. A receive that needs it skips every message that
 * was queued before it was made.
 * @see https://www.erlang.org/doc/man/erlang.html#make_ref-0
 */
export function make_ref(): Ref {
  const ref = new Ref();
  selfProcess().box?.mark(ref);
  return ref;
}

/**
 * Whether `pid` is a live process.
 * @see https://www.erlang.org/doc/man/erlang.html#is_process_alive-1
 */
export function is_process_alive(pid: Pid): boolean {
  if (!(pid instanceof Pid)) badarg('erlang:is_process_alive/1', `expected a pid, got ${describe(pid)}`);
  return processOf(pid) !== null;
}

/**
 * The pids of every live process, as a list.
 * @see https://www.erlang.org/doc/man/erlang.html#processes-0
 */
export function processes(): List<Pid> {
  const out = new List<Pid>();
  for (const proc of allProcesses()) out.push(proc.pid);
  return out;
}

/**
 * Sets a process flag; only `trap_exit` is supported.
 * @returns the old value
 * @see https://www.erlang.org/doc/man/erlang.html#process_flag-2
 */
export function process_flag(flag: 'trap_exit', value: boolean): boolean {
  const fn = 'erlang:process_flag/2';
  if (flag !== 'trap_exit') badarg(fn, `unsupported flag ${describe(flag)}; erlts supports trap_exit`);
  if (typeof value !== 'boolean') badarg(fn, `trap_exit takes true or false, got ${describe(value)}`);
  const me = liveSelf();
  const old = me.trapExit;
  me.trapExit = value;
  return old;
}

/** This node's name: `nonode@nohost`. */
export function node(): string {
  return nodeName;
}

// ---------------------------------------------------------------------------
// Process dictionary

function dictionary(): Map<unknown, unknown> {
  const me = liveSelf();
  return (me.dictionary ??= new Map());
}

/** Finds a key by Erlang term equality: a tuple key `['a', 1]` is one key however made. */
function dictKey(map: Map<unknown, unknown>, key: unknown): unknown {
  if (typeof key !== 'object' || key === null || map.has(key)) return key;
  for (const existing of map.keys()) if (termEquals(existing, key)) return existing;
  return key;
}

/**
 * Stores `value` under `key` in the caller's process dictionary.
 * @returns the old value, or `'undefined'`
 */
export function put(key: unknown, value: unknown): unknown {
  const map = dictionary();
  const k = dictKey(map, key);
  const old = map.has(k) ? map.get(k) : 'undefined';
  map.set(k, value);
  return old;
}

/**
 * With a key, its value in the process dictionary (or `'undefined'`); with
 * none, the whole dictionary as a list of `[Key, Value]`.
 */
export function get(): List<[unknown, unknown]>;
export function get(key: unknown): unknown;
export function get(...args: [] | [unknown]): unknown {
  const map = dictionary();
  if (args.length === 0) return toList(map.entries());
  const k = dictKey(map, args[0]);
  return map.has(k) ? map.get(k) : 'undefined';
}

/**
 * With a key, removes it and gives its old value (or `'undefined'`); with
 * none, empties the dictionary and gives what it held.
 */
export function erase(): List<[unknown, unknown]>;
export function erase(key: unknown): unknown;
export function erase(...args: [] | [unknown]): unknown {
  const map = dictionary();
  if (args.length === 0) {
    const all = toList(map.entries());
    map.clear();
    return all;
  }
  const k = dictKey(map, args[0]);
  if (!map.has(k)) return 'undefined';
  const old = map.get(k);
  map.delete(k);
  return old;
}

/** The keys whose value is `value`, as erlang:get_keys/1; all keys with no argument. */
export function get_keys(...args: [] | [unknown]): List<unknown> {
  const map = dictionary();
  const out = new List<unknown>();
  for (const [k, v] of map) if (args.length === 0 || v === args[0]) out.push(k);
  return out;
}

// ---------------------------------------------------------------------------
// process_info

const infoItems = [
  'registered_name',
  'current_function',
  'initial_call',
  'status',
  'message_queue_len',
  'messages',
  'links',
  'monitors',
  'monitored_by',
  'dictionary',
  'trap_exit',
  'reductions',
] as const;

/** An item process_info can report. */
export type InfoItem = (typeof infoItems)[number];

const defaultItems: readonly InfoItem[] = [
  'current_function',
  'initial_call',
  'status',
  'message_queue_len',
  'links',
  'dictionary',
  'trap_exit',
  'reductions',
];

function statusOf(proc: Process): string {
  if (proc.status === Status.Waiting) return 'waiting';
  return proc === selfProcess() ? 'running' : 'runnable';
}

function infoValue(proc: Process, item: InfoItem): unknown {
  switch (item) {
    case 'registered_name':
      return proc.name ?? list();
    case 'current_function':
    case 'initial_call':
      return proc.initialCall;
    case 'status':
      return statusOf(proc);
    case 'message_queue_len':
      return proc.box?.length ?? 0;
    case 'messages':
      return toList(proc.box?.toArray() ?? []);
    case 'links':
      return toList([...(proc.links ?? [])].map((p) => p.pid));
    case 'monitors':
      return toList([...(proc.monitors?.values() ?? [])].map((p) => ['process', p.pid]));
    case 'monitored_by':
      return toList([...(proc.monitoredBy?.values() ?? [])].map((m) => m.watcher.pid));
    case 'dictionary':
      return toList(proc.dictionary?.entries() ?? []);
    case 'trap_exit':
      return proc.trapExit;
    case 'reductions':
      return proc.reductions;
  }
}

/**
 * Information about a live process, as erlang:process_info/1,2.
 * @param item - one item (gives `[Item, Value]`) or a list of items (gives a list)
 * @returns `'undefined'` for a dead process; with no item, a list of `[Item, Value]`
 * @example
 * // {message_queue_len, N} = process_info(Pid, message_queue_len)
 * const [, N] = process_info(Pid, 'message_queue_len')
 * @see https://www.erlang.org/doc/man/erlang.html#process_info-2
 */
export function process_info(pid: Pid): List<[InfoItem, unknown]> | 'undefined';
export function process_info(
  pid: Pid,
  item: 'registered_name',
): ['registered_name', string] | List | 'undefined';
export function process_info<I extends InfoItem>(pid: Pid, item: I): [I, unknown] | 'undefined';
export function process_info(pid: Pid, items: readonly InfoItem[]): List<[InfoItem, unknown]> | 'undefined';
export function process_info(pid: Pid, item?: InfoItem | readonly InfoItem[]): unknown {
  const fn = 'erlang:process_info/2';
  if (!(pid instanceof Pid)) badarg(fn, `expected a pid, got ${describe(pid)}`);
  const check = (i: unknown): InfoItem => {
    if (!(infoItems as readonly unknown[]).includes(i)) {
      badarg(fn, `unknown item ${describe(i)}; erlts knows ${infoItems.join(', ')}`);
    }
    return i as InfoItem;
  };
  if (item !== undefined && !Array.isArray(item)) check(item);
  if (Array.isArray(item)) item.forEach(check);
  const proc = processOf(pid);
  if (proc === null) return 'undefined';
  if (item === undefined) {
    const out = new List<[InfoItem, unknown]>();
    if (proc.name !== null) out.push(['registered_name', proc.name]);
    for (const i of defaultItems) out.push([i, infoValue(proc, i)]);
    return out;
  }
  if (Array.isArray(item)) {
    return toList((item as InfoItem[]).map((i): [InfoItem, unknown] => [i, infoValue(proc, i)]));
  }
  const single = item as InfoItem;
  if (single === 'registered_name' && proc.name === null) return list();
  return [single, infoValue(proc, single)];
}
