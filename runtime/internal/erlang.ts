/**
 * The `erlang` module's BIFs, with Erlang's argument checks: spawning, sending, exits, links,
 * monitors, names, timers, flags, the process dictionary and process_info. They are all here;
 * the machinery they drive is process.ts (processes) and timers.ts (timers).
 */
import { ErlangError, ExitError, ExitException, ThrownValue, badarg, describe } from './errors.js';
import {
  type AliasMode,
  type Process,
  Status,
  aliasTarget,
  allProcesses,
  destination,
  liveSelf,
  liveSelfIfAny,
  noprocDowns,
  processNamed,
  processOf,
  raisedError,
  registeredNames,
  self as selfProcess,
  sendExitSignal,
  spawnProcess,
} from './process.js';
import { armTimer, cancelTimer, readTimer } from './timers.js';
import { simulator } from './sim-hooks.js';
import { getClock } from './clock.js';
import { List, Pid, Port, Ref, list, setRemoteSender, termEquals, toList, type BoxedFloat } from './terms.js';
import { type Distribution, distribution } from './dist-hooks.js';
import { nodeOf, thisNodeName } from './node-ids.js';
import { applyExport } from './modules.js';
import { receive } from './receive.js';
import { on } from './clauses.js';
import { _ } from './pattern.js';
import { logReport } from './logger.js';

type Fn<A extends unknown[], R> = (...args: A) => R;

/**
 * The calling process's pid; outside any process, the shell's.
 * @returns the caller's pid
 * @example
 * // Self = self()
 * const Self = self()
 * @see https://www.erlang.org/doc/man/erlang.html#self-0
 */
export function self(): Pid {
  return selfProcess().pid;
}

/**
 * Starts `Module:Function(Args...)` on `node`, as erlang:spawn/4: a round trip to the node, so
 * the pid comes as a promise. On another erlts node the module must be registered there
 * (code.register_module); a BEAM node runs its own. A node that cannot be reached gives the pid
 * of a process that only logs that it could not start, as OTP's does.
 * @param node - the node to spawn on
 * @param module - the module, an atom
 * @param fn - the function, an atom
 * @param args - its arguments
 * @returns a promise of the new process's pid
 * @example
 * // Pid = spawn(Node, kv, loop, [#{}])
 * const Pid = await spawn(Node, 'kv', 'loop', [{}]);
 * @see https://www.erlang.org/doc/man/erlang.html#spawn-4
 */
export function spawn(node: string, module: string, fn: string, args: readonly unknown[]): Promise<Pid>;
/**
 * Starts a process running `fn(...args)`; its return ends it with `normal`.
 * @param fn - the process's code, usually an async function (Erlang's fun)
 * @param args - the arguments `fn` is called with
 * @returns the new process's pid
 * @example
 * // Pid = spawn(fun() -> loop(0) end)
 * const Pid = spawn(async () => loop(0))
 * @see https://www.erlang.org/doc/man/erlang.html#spawn-1
 */
export function spawn<A extends unknown[]>(fn: Fn<A, unknown>, ...args: A): Pid;
export function spawn(...call: unknown[]): Pid | Promise<Pid> {
  if (typeof call[0] === 'string' && call.length === 4) return spawnOn('spawn', call) as Promise<Pid>;
  liveSelf();
  return spawnProcess(call[0] as Fn<unknown[], unknown>, call.slice(1), 'erlang:spawn/1').pid;
}

/**
 * As spawn/4, linked to the caller, as erlang:spawn_link/4: a node that cannot be reached sends
 * the caller an exit signal `noconnection`.
 * @param node - the node to spawn on
 * @param module - the module
 * @param fn - the function
 * @param args - its arguments
 * @returns a promise of the new process's pid
 * @example
 * // Pid = spawn_link(Node, kv, loop, [#{}])
 * const Pid = await spawn_link(Node, 'kv', 'loop', [{}]);
 * @see https://www.erlang.org/doc/man/erlang.html#spawn_link-4
 */
export function spawn_link(node: string, module: string, fn: string, args: readonly unknown[]): Promise<Pid>;
/**
 * As {@link spawn}, linking the new process to the caller first: a crash of either then kills
 * the other, unless it traps exits.
 * @param fn - the process's code, usually an async function (Erlang's fun)
 * @param args - the arguments `fn` is called with
 * @returns the new process's pid
 * @example
 * // process_flag(trap_exit, true),
 * // Pid = spawn_link(fun() -> exit(boom) end),
 * // receive {'EXIT', Pid, Reason} -> Reason end
 * process_flag('trap_exit', true);
 * const Pid = spawn_link(async () => exit('boom'));
 * await receive(on(['EXIT', Pid, _], ([, , Reason]) => Reason));
 * @see https://www.erlang.org/doc/man/erlang.html#spawn_link-1
 */
export function spawn_link<A extends unknown[]>(fn: Fn<A, unknown>, ...args: A): Pid;
export function spawn_link(...call: unknown[]): Pid | Promise<Pid> {
  if (typeof call[0] === 'string' && call.length === 4) return spawnOn('spawn_link', call) as Promise<Pid>;
  const me = liveSelf();
  return spawnProcess(call[0] as Fn<unknown[], unknown>, call.slice(1), 'erlang:spawn_link/1', (proc) =>
    me.link(proc),
  ).pid;
}

/**
 * As spawn/4, monitored by the caller, as erlang:spawn_monitor/4: a node that cannot be reached
 * gives a `noconnection` DOWN.
 * @param node - the node to spawn on
 * @param module - the module
 * @param fn - the function
 * @param args - its arguments
 * @returns a promise of `[Pid, Ref]`
 * @example
 * // {Pid, Ref} = spawn_monitor(Node, kv, loop, [#{}])
 * const [Pid, Ref] = await spawn_monitor(Node, 'kv', 'loop', [{}]);
 * @see https://www.erlang.org/doc/man/erlang.html#spawn_monitor-4
 */
export function spawn_monitor(
  node: string,
  module: string,
  fn: string,
  args: readonly unknown[],
): Promise<[Pid, Ref]>;
/**
 * As {@link spawn}, monitoring the new process from the caller.
 * @param fn - the process's code, usually an async function (Erlang's fun)
 * @param args - the arguments `fn` is called with
 * @returns `{Pid, Ref}`: the new process and the monitor's reference
 * @example
 * // {Pid, Ref} = spawn_monitor(fun() -> exit(boom) end),
 * // receive {'DOWN', Ref, process, Pid, Reason} -> Reason end
 * const [Pid, Ref] = spawn_monitor(async () => exit('boom'));
 * await receive(on(['DOWN', Ref, 'process', Pid, _], ([, , , , Reason]) => Reason));
 * @see https://www.erlang.org/doc/man/erlang.html#spawn_monitor-1
 */
export function spawn_monitor<A extends unknown[]>(fn: Fn<A, unknown>, ...args: A): [Pid, Ref];
export function spawn_monitor(...call: unknown[]): [Pid, Ref] | Promise<[Pid, Ref]> {
  if (typeof call[0] === 'string' && call.length === 4) return spawnOn('spawn_monitor', call) as Promise<[Pid, Ref]>;
  const me = liveSelf();
  const ref = new Ref();
  me.mark(ref);
  const fn = call[0] as Fn<unknown[], unknown>;
  const pid = spawnProcess(fn, call.slice(1), 'erlang:spawn_monitor/1', (proc) =>
    me.monitor(proc, proc.pid, ref),
  ).pid;
  return [pid, ref];
}

/** spawn/4, spawn_link/4, spawn_monitor/4: a spawn_request, waited for. */
async function spawnOn(
  kind: 'spawn' | 'spawn_link' | 'spawn_monitor',
  call: unknown[],
): Promise<Pid | [Pid, Ref]> {
  const name = `erlang:${kind}/4`;
  const [node, module, fn, args] = call as [string, string, string, unknown[]];
  if (call.length !== 4)
    badarg(name, `expected (Node, Module, Function, Args), got ${call.length} arguments`);
  const tag = new Ref();
  const opts: SpawnRequestOption[] = [
    ['reply', 'yes'],
    ['reply_tag', tag],
  ];
  if (kind === 'spawn_link') opts.push('link');
  if (kind === 'spawn_monitor') opts.push('monitor');
  const reqId = spawn_request(node, module, fn, args, opts);
  const [, , result, value] = (await receive(on([tag, reqId, _, _]))) as [Ref, Ref, string, unknown];
  if (result === 'ok') return kind === 'spawn_monitor' ? [value as Pid, reqId] : (value as Pid);
  if (value === 'badopt' || value === 'badarg') badarg(name, `${describe(call)} cannot be spawned`);
  // The node cannot be reached: a process that says so, as OTP's erlang:spawn/4 starts.
  const me = liveSelf();
  const say = (): never => {
    logReport(
      'warning',
      undefined,
      `** Can not start ${module}:${fn},${describe(toList(args))} on ${node} **\n`,
      null,
    );
    throw new ExitException('noconnection');
  };
  const stand = spawnProcess(say, [], name, (p) => {
    if (kind === 'spawn_link') me.link(p);
  });
  if (kind === 'spawn_monitor') {
    const ref = new Ref();
    me.mark(ref);
    me.monitor(stand, stand.pid, ref);
    return [stand.pid, ref];
  }
  return stand.pid;
}

/**
 * Spawns a process and resolves with what `fn` returns; rejects with an
 * {@link ExitError} carrying the exit reason if it dies any other way.
 * The entry point for scripts and tests, where Erlang starts a node that calls a function.
 * @param fn - the process's code, usually an async function
 * @param args - the arguments `fn` is called with
 * @returns a promise of `fn`'s return value
 * @example
 * // erl -noshell -s mymod start -s init stop
 * await run(mymod.start);
 * @see https://www.erlang.org/doc/man/erl.html
 */
export function run<A extends unknown[], R>(fn: Fn<A, R>, ...args: A): Promise<Awaited<R>> {
  return new Promise((resolve, reject) => {
    const proc = spawnProcess(fn, args, 'erlts:run/1');
    proc.onExit((reason, value) => {
      if (reason === 'normal') resolve(value as Awaited<R>);
      else reject(exitError(proc.pid, reason));
    });
  });
}

/**
 * The ExitError `run` rejects with. A JS exception that escaped the process is in its exit
 * reason as `[Error, Stack]`, where describe() would print it cut to a line: the message
 * names the error's class and text in full instead, and the Error is the `cause`, so Node
 * prints its own stack too. An ErlangError's reason is the exit reason's first element; its
 * message is added after the reason.
 */
function exitError(pid: Pid, reason: unknown): ExitError {
  const error = Array.isArray(reason) && reason.length === 2 ? (reason[0] as unknown) : undefined;
  if (error instanceof Error) {
    let text: string;
    try {
      text = `${String(error.name)}: ${String(error.message)}`;
    } catch {
      // A getter that throws: the depth-limited rendering never does.
      text = describe(error);
    }
    return new ExitError(reason, `process ${pid} exited: ${text}`, { cause: error });
  }
  const raised = raisedError(reason);
  if (raised !== undefined) {
    // An ErlangError: its reason is the exit reason's, its message says what was wrong.
    return new ExitError(reason, `process ${pid} exited: ${describe(reason)}: ${raised.message}`, {
      cause: raised,
    });
  }
  return new ExitError(reason, `process ${pid} exited: ${describe(reason)}`);
}

/**
 * Sends `msg` to a pid or registered name, as `Dest ! Msg`. Sending to a dead
 * pid does nothing; an unregistered name raises badarg.
 * @param dest - a pid, a registered name, `{Name, Node}` for this node, or an alias (a message
 *   to an inactive alias is dropped)
 * @param msg - any term
 * @returns `msg`
 * @example
 * // Pid ! {self(), hello}
 * send(Pid, [self(), 'hello'])
 * @see https://www.erlang.org/doc/man/erlang.html#send-2
 */
export function send<T>(dest: Pid | string | [string, string] | Ref, msg: T): T {
  // A pid of this node is the hot path; names and errors go through destination().
  let target: Process | null;
  if (dest instanceof Pid) {
    if (dest._node !== null) return sendRemote(dest, msg);
    target = processOf(dest);
  } else if (dest instanceof Ref) {
    if (dest._node !== null) return sendRemote(dest, msg);
    target = aliasTarget(dest);
  } else if (isRemoteName(dest)) {
    return sendRemote(dest as [string, string], msg);
  } else {
    target = destination(dest, 'erlang:send/2');
  }
  liveSelfIfAny();
  if (target !== null && (simulator === null || !simulator.send(selfProcess(), target, msg)))
    target.offer(msg);
  return msg;
}

/** Whether `dest` is `[Name, Node]` for a node other than this one. */
function isRemoteName(dest: unknown): boolean {
  return (
    Array.isArray(dest) &&
    dest.length === 2 &&
    typeof dest[0] === 'string' &&
    typeof dest[1] === 'string' &&
    dest[1] !== thisNodeName()
  );
}

/**
 * A send to another node: to a pid, an alias, or `[Name, Node]`. Dropped while this node is not
 * distributed, as OTP drops it on a node that is not alive.
 */
function sendRemote<T>(dest: Pid | Ref | [string, string], msg: T): T {
  const from = selfProcess();
  from.mayAct();
  const dist = distribution;
  if (dist === null) return msg;
  if (dest instanceof Pid) dist.send(from.pid, dest, msg);
  else if (dest instanceof Ref) dist.aliasSend(from.pid, dest, msg);
  else dist.regSend(from.pid, dest[0], dest[1], msg);
  return msg;
}

setRemoteSender((_sender, to, msg) => sendRemote(to, msg));

/**
 * exit/1 raises an exit in the caller; exit/2 sends an exit signal to `pid`.
 * @param pid - (exit/2) the process to signal
 * @param reason - the exit reason: `kill` cannot be trapped, `normal` is ignored by a process
 *   that does not trap exits (unless it signals itself)
 * @returns exit/1 does not return; exit/2 returns `true`
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
  if (pid._node !== null) {
    distribution?.exit(me.pid, pid, reason, false);
    return true;
  }
  const target = processOf(pid);
  if (target !== null) sendExitSignal(target, me.pid, reason, false);
  return true;
}

/**
 * Raises an exception of class error, as erlang:error/1.
 * @param reason - the error reason; uncaught, the process exits with `{Reason, Stack}`
 * @returns does not return: throws an {@link ErlangError}
 * @example
 * // error(badarg)
 * error('badarg')
 * @see https://www.erlang.org/doc/man/erlang.html#error-1
 */
export function error(reason: unknown): never {
  throw new ErlangError(reason);
}

/**
 * Raises an exception of class throw, as erlang:throw/1. Exported as `throw`.
 * @param value - the thrown term; uncaught, the process exits with `{{nocatch, Value}, Stack}`
 * @returns does not return: throws a {@link ThrownValue}
 * @example
 * // throw({not_found, Key})
 * erlang.throw(['not_found', Key])
 * @see https://www.erlang.org/doc/man/erlang.html#throw-1
 */
export function throw_(value: unknown): never {
  throw new ThrownValue(value);
}

/**
 * Links the caller and `pid`. Linking a dead process raises noproc, or gives
 * `['EXIT', Pid, noproc]` to a caller trapping exits.
 * @param pid - the process to link to
 * @returns `true`
 * @example
 * // process_flag(trap_exit, true),
 * // link(Pid),
 * // receive {'EXIT', Pid, Reason} -> Reason end
 * process_flag('trap_exit', true);
 * link(Pid);
 * await receive(on(['EXIT', Pid, _], ([, , Reason]) => Reason));
 * @see https://www.erlang.org/doc/man/erlang.html#link-1
 */
export function link(pid: Pid): true {
  if (!(pid instanceof Pid)) badarg('erlang:link/1', `expected a pid, got ${describe(pid)}`);
  const me = liveSelf();
  if (pid._node !== null) {
    if (me.linkedTo(pid)) return true;
    const dist = distribution;
    // Not distributed: the link breaks at once, as on a node that is not alive.
    if (dist === null) sendExitSignal(me, pid, 'noconnection', true);
    else {
      me.linkRemote(pid);
      dist.link(me.pid, pid);
    }
    return true;
  }
  const other = processOf(pid);
  if (other === null) {
    if (me.trapExit) {
      me.offer(['EXIT', pid, 'noproc']);
      return true;
    }
    throw new ErlangError('noproc', `erlang:link/1: ${pid} is not alive`);
  }
  me.link(other);
  return true;
}

/**
 * Removes the link between the caller and `pid`, if there is one.
 * @param pid - a pid, alive or not
 * @returns `true`
 * @example
 * // unlink(Pid)
 * unlink(Pid)
 * @see https://www.erlang.org/doc/man/erlang.html#unlink-1
 */
export function unlink(pid: unknown): true {
  if (!(pid instanceof Pid)) badarg('erlang:unlink/1', `expected a pid, got ${describe(pid)}`);
  const me = liveSelf();
  if (pid._node !== null) {
    if (me.unlinkRemote(pid)) distribution?.unlink(me.pid, pid);
    return true;
  }
  const other = processOf(pid);
  if (other !== null) me.unlink(other);
  return true;
}

// ---------------------------------------------------------------------------
// Names

/**
 * Registers `pid` under `name`, so messages can be sent to the name.
 * Raises badarg for a taken name, a pid that already has one, a dead pid,
 * or the name `undefined`.
 * @param name - an atom (a string)
 * @param pid - a live process
 * @returns `true`
 * @example
 * // register(counter, spawn(fun() -> loop(0) end))
 * register('counter', spawn(() => loop(0)))
 * @see https://www.erlang.org/doc/man/erlang.html#register-2
 */
export function register(name: unknown, pid: unknown): true {
  const fn = 'erlang:register/2';
  if (typeof name !== 'string') badarg(fn, `the name must be an atom (a string), got ${describe(name)}`);
  if (name === 'undefined') badarg(fn, 'the name undefined cannot be registered');
  if (!(pid instanceof Pid)) badarg(fn, `expected a pid, got ${describe(pid)}`);
  liveSelfIfAny();
  const proc = processOf(pid);
  if (proc === null) badarg(fn, `${pid} is not alive`);
  const holder = processNamed(name);
  if (holder !== null) badarg(fn, `the name ${name} is already registered to ${holder.pid}`);
  if (proc.registeredName !== null) badarg(fn, `${pid} is already registered as ${proc.registeredName}`);
  proc.register(name);
  return true;
}

/**
 * Removes the registered name `name`; badarg if nothing has it.
 * @param name - a registered name (an atom, a string)
 * @returns `true`
 * @example
 * // unregister(counter)
 * unregister('counter')
 * @see https://www.erlang.org/doc/man/erlang.html#unregister-1
 */
export function unregister(name: unknown): true {
  const fn = 'erlang:unregister/1';
  if (typeof name !== 'string') badarg(fn, `the name must be an atom (a string), got ${describe(name)}`);
  liveSelfIfAny();
  const proc = processNamed(name);
  if (proc === null) badarg(fn, `no process is registered as ${name}`);
  proc.unregister();
  return true;
}

/**
 * The pid registered as `name`.
 * @param name - an atom (a string)
 * @returns the pid, or `'undefined'`
 * @example
 * // Pid = whereis(counter)
 * const Pid = whereis('counter')
 * @see https://www.erlang.org/doc/man/erlang.html#whereis-1
 */
export function whereis(name: unknown): Pid | 'undefined' {
  if (typeof name !== 'string')
    badarg('erlang:whereis/1', `the name must be an atom (a string), got ${describe(name)}`);
  return processNamed(name)?.pid ?? 'undefined';
}

/**
 * Every registered name, as a list.
 * @returns a list of atoms (strings)
 * @example
 * // lists:member(counter, registered())
 * registered().includes('counter')
 * @see https://www.erlang.org/doc/man/erlang.html#registered-0
 */
export function registered(): List<string> {
  return toList(registeredNames());
}

// ---------------------------------------------------------------------------
// Monitors

/**
 * Monitors a process by pid or registered name; its death (or its absence)
 * sends `['DOWN', Ref, 'process', Item, Reason]`.
 * @param type - `process`, the only kind of monitor erlang:monitor/2 makes here
 * @param item - a pid, a registered name, or `{Name, Node}` for this node
 * @returns the monitor's reference
 * @example
 * // Ref = monitor(process, Pid)
 * const Ref = monitor('process', Pid)
 * @see https://www.erlang.org/doc/man/erlang.html#monitor-2
 */
export function monitor(
  type: 'process',
  item: Pid | string | [string, string],
  options: readonly MonitorOption[] = [],
): Ref {
  const fn = options.length === 0 ? 'erlang:monitor/2' : 'erlang:monitor/3';
  if (type !== 'process') badarg(fn, `the type must be process, got ${describe(type)}`);
  const mode = monitorAlias(options, fn);
  const me = liveSelf();
  const ref = new Ref();
  // Mark first: a DOWN for a dead process is delivered at once and must be found.
  me.mark(ref);
  let target: Process | null;
  let downItem: unknown;
  if (item instanceof Pid && item._node !== null) {
    if (mode !== null) me.addAlias(ref, mode);
    return monitorRemote(me, ref, item, item, item._node.name);
  } else if (isRemoteName(item)) {
    if (distribution === null) badarg(fn, `this node is not alive, so ${describe(item)} cannot be monitored`);
    if (mode !== null) me.addAlias(ref, mode);
    const [name, node] = item as [string, string];
    return monitorRemote(me, ref, [name, node], name, node);
  } else if (item instanceof Pid) {
    target = processOf(item);
    downItem = item;
  } else if (typeof item === 'string') {
    target = processNamed(item);
    downItem = [item, thisNodeName()];
  } else if (
    Array.isArray(item) &&
    item.length === 2 &&
    typeof item[0] === 'string' &&
    item[1] === thisNodeName()
  ) {
    target = processNamed(item[0]);
    downItem = [item[0], thisNodeName()];
  } else {
    return badarg(fn, `expected a pid or a registered name, got ${describe(item)}`);
  }
  if (mode !== null) me.addAlias(ref, mode);
  me.monitor(target, downItem, ref);
  return ref;
}

/** A monitor of a process of another node; not distributed, it fires `noconnection` at once. */
function monitorRemote(me: Process, ref: Ref, item: unknown, target: Pid | string, node: string): Ref {
  me.monitorRemote(ref, { item, target, node });
  const dist = distribution;
  if (dist === null) me.remoteDown(ref, 'noconnection');
  else dist.monitor(me.pid, target, node, ref);
  return ref;
}

/** An option of monitor/3: `{alias, Mode}` makes the monitor's reference an alias too. */
export type MonitorOption = ['alias', AliasMode];

const aliasModes: readonly unknown[] = ['explicit_unalias', 'demonitor', 'reply_demonitor'];

function monitorAlias(options: readonly MonitorOption[], fn: string): AliasMode | null {
  if (!Array.isArray(options)) badarg(fn, `the options must be a list, got ${describe(options)}`);
  let mode: AliasMode | null = null;
  for (const option of options) {
    if (
      Array.isArray(option) &&
      option.length === 2 &&
      option[0] === 'alias' &&
      aliasModes.includes(option[1])
    ) {
      mode = option[1] as AliasMode;
    } else {
      badarg(
        fn,
        `unknown option ${describe(option)}; monitor/3 takes {alias, explicit_unalias | demonitor | reply_demonitor}`,
      );
    }
  }
  return mode;
}

/**
 * A new alias of the caller: a reference that works as a send destination until it is
 * deactivated, so a reply that comes too late is dropped instead of reaching the mailbox.
 * @param options - `[explicit_unalias]` (the default: only unalias/1 ends it) or
 *   `[reply]` (the first message through it ends it)
 * @returns the alias, a reference
 * @example
 * // Alias = alias(),
 * // Server ! {request, Alias},
 * // receive {reply, Alias, R} -> unalias(Alias), R end
 * const Alias = alias();
 * send(Server, ['request', Alias]);
 * await receive(on(['reply', Alias, _], ([, , R]) => (unalias(Alias), R)));
 * @see https://www.erlang.org/doc/man/erlang.html#alias-1
 */
export function alias(options: readonly ('explicit_unalias' | 'reply')[] = []): Ref {
  const fn = 'erlang:alias/1';
  if (!Array.isArray(options)) badarg(fn, `the options must be a list, got ${describe(options)}`);
  let mode: AliasMode = 'explicit_unalias';
  for (const option of options) {
    if (option === 'reply') mode = 'reply_demonitor';
    else if (option !== 'explicit_unalias') {
      badarg(fn, `unknown option ${describe(option)}; alias/1 takes explicit_unalias or reply`);
    }
  }
  const me = liveSelf();
  const ref = new Ref();
  me.mark(ref);
  me.addAlias(ref, mode);
  return ref;
}

/**
 * Deactivates an alias of the caller: messages sent to it from now on are dropped.
 * @param alias - a reference made by alias/0,1 or monitor/3
 * @returns `true` if it was an active alias of the caller, else `false`
 * @example
 * // true = unalias(Alias)
 * unalias(Alias)
 * @see https://www.erlang.org/doc/man/erlang.html#unalias-1
 */
export function unalias(alias: Ref): boolean {
  if (!(alias instanceof Ref)) badarg('erlang:unalias/1', `expected a reference, got ${describe(alias)}`);
  return liveSelf().removeAlias(alias);
}

/**
 * Turns a monitor off. With `'flush'`, also removes its DOWN message if one
 * came; with `'info'`, tells whether the monitor was still active.
 * @param ref - a reference from `monitor` or `spawn_monitor`
 * @param options - a list of `flush` and `info`; none by default
 * @returns `true`, or with `info` whether the monitor was found (`false`: it had fired or was
 *   never there)
 * @example
 * // Ref = monitor(process, Pid),
 * // true = demonitor(Ref, [flush])
 * const Ref = monitor('process', Pid);
 * demonitor(Ref, ['flush']);
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
  const found = me.demonitor(ref);
  // A monitor still on has sent no DOWN: only one that fired needs the mailbox searched (so a
  // call made with a long queue stays as fast as with an empty one).
  if ((flush && !found) || noprocDowns.has(ref)) {
    me.takeMessages((m) => Array.isArray(m) && m.length === 5 && m[0] === 'DOWN' && m[1] === ref, 1);
  }
  return info ? found : true;
}

/**
 * A new unique reference. A receive that needs it skips every message that
 * was queued before it was made.
 * @returns a reference, printed `#Ref<0.0.0.N>`
 * @example
 * // Ref = make_ref(),
 * // Pid ! {self(), Ref, ping},
 * // receive {Ref, pong} -> ok after 1000 -> timeout end
 * const Ref = make_ref();
 * send(Pid, [self(), Ref, 'ping']);
 * await receive(on([Ref, 'pong'], () => 'ok'), after(1000, () => 'timeout'));
 * @see https://www.erlang.org/doc/man/erlang.html#make_ref-0
 */
export function make_ref(): Ref {
  const ref = new Ref();
  selfProcess().mark(ref);
  return ref;
}

/**
 * Whether `pid` is a live process.
 * @param pid - any pid
 * @returns `true` or `false`
 * @example
 * // exit(Pid, kill),
 * // false = is_process_alive(Pid)
 * exit(Pid, 'kill');
 * is_process_alive(Pid); // false
 * @see https://www.erlang.org/doc/man/erlang.html#is_process_alive-1
 */
export function is_process_alive(pid: Pid): boolean {
  if (!(pid instanceof Pid)) badarg('erlang:is_process_alive/1', `expected a pid, got ${describe(pid)}`);
  if (pid._node !== null) badarg('erlang:is_process_alive/1', `${pid} is a process of another node`);
  return processOf(pid) !== null;
}

/**
 * The pids of every live process, as a list.
 * @returns a list of pids
 * @example
 * // N = length(processes())
 * const N = processes().length;
 * @see https://www.erlang.org/doc/man/erlang.html#processes-0
 */
export function processes(): List<Pid> {
  const out = new List<Pid>();
  for (const proc of allProcesses()) out.push(proc.pid);
  return out;
}

/**
 * Sets a process flag; only `trap_exit` is supported.
 * @param flag - `trap_exit`
 * @param value - `true` to receive exit signals as `{'EXIT', From, Reason}` messages
 * @returns the flag's old value
 * @example
 * // OldFlag = process_flag(trap_exit, true)
 * const OldFlag = process_flag('trap_exit', true);
 * @see https://www.erlang.org/doc/man/erlang.html#process_flag-2
 */
export function process_flag(flag: 'trap_exit', value: boolean): boolean {
  const fn = 'erlang:process_flag/2';
  if (flag !== 'trap_exit') badarg(fn, `unsupported flag ${describe(flag)}; erlts supports trap_exit`);
  if (typeof value !== 'boolean') badarg(fn, `trap_exit takes true or false, got ${describe(value)}`);
  const me = liveSelf();
  return me.setTrapExit(value);
}

/**
 * A node's name, as erlang:node/0,1: this node's (`nonode@nohost` until net_kernel starts it), or
 * the node a pid, reference or port belongs to.
 * @param arg - (node/1) a pid, reference or port
 * @returns the node's name, an atom
 * @example
 * // io:format("running on ~p, ~p is on ~p~n", [node(), Pid, node(Pid)])
 * io.format('running on ~p, ~p is on ~p~n', [node(), Pid, node(Pid)]);
 * @see https://www.erlang.org/doc/man/erlang.html#node-1
 */
export function node(arg?: Pid | Ref | Port): string {
  if (arg === undefined) return thisNodeName();
  if (!(arg instanceof Pid || arg instanceof Ref || arg instanceof Port)) {
    badarg('erlang:node/1', `expected a pid, reference or port, got ${describe(arg)}`);
  }
  return nodeOf(arg);
}

/** What nodes/1 lists: one kind, or a list of them. */
export type NodesKind = 'visible' | 'hidden' | 'connected' | 'this' | 'known';

const nodesKinds: readonly unknown[] = ['visible', 'hidden', 'connected', 'this', 'known'];

/**
 * The nodes this node is connected to, as erlang:nodes/0,1: the visible ones by default.
 * @param arg - `visible`, `hidden`, `connected` (both), `this`, `known`, or a list of them
 * @returns a list of node names
 * @example
 * // [Peer | _] = nodes()
 * const [Peer] = nodes();
 * @see https://www.erlang.org/doc/man/erlang.html#nodes-1
 */
export function nodes(arg: NodesKind | readonly NodesKind[] = 'visible'): List<string> {
  const kinds: readonly unknown[] = Array.isArray(arg) ? arg : [arg];
  for (const kind of kinds) {
    if (!nodesKinds.includes(kind)) {
      badarg('erlang:nodes/1', `expected visible, hidden, connected, this or known, got ${describe(kind)}`);
    }
  }
  const out = new List<string>();
  const alive = distribution !== null;
  if (kinds.includes('this') || (kinds.includes('known') && !alive)) out.push(thisNodeName());
  if (alive) {
    const others = (distribution as Distribution).nodes(
      kinds.filter((k): k is 'visible' | 'hidden' | 'connected' | 'known' => k !== 'this'),
    );
    for (const n of others) if (!out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * Whether this node is distributed (net_kernel has started it), as erlang:is_alive/0.
 * @returns `true` or `false`
 * @example
 * // true = is_alive()
 * is_alive(); // true after net_kernel.start
 * @see https://www.erlang.org/doc/man/erlang.html#is_alive-0
 */
export function is_alive(): boolean {
  return distribution !== null;
}

/**
 * Monitors the connection to `node`, as erlang:monitor_node/2: with `true` the caller gets
 * `['nodedown', Node]` when the connection goes (or at once, if it cannot be made); each `true`
 * counts, and `false` takes one away.
 * @param node - a node name
 * @param flag - `true` to monitor, `false` to stop one monitor
 * @returns `true`
 * @example
 * // monitor_node(Node, true),
 * // receive {nodedown, Node} -> gone end
 * monitor_node(Node, true);
 * await receive(on(['nodedown', Node], () => 'gone'));
 * @see https://www.erlang.org/doc/man/erlang.html#monitor_node-2
 */
export function monitor_node(node: string, flag: boolean): true {
  const fn = 'erlang:monitor_node/2';
  if (typeof node !== 'string') badarg(fn, `the node must be an atom, got ${describe(node)}`);
  if (flag !== true && flag !== false) badarg(fn, `the flag must be true or false, got ${describe(flag)}`);
  const me = liveSelf();
  if (distribution === null) badarg(fn, 'this node is not alive (net_kernel has not started it)');
  if (node === thisNodeName()) return true;
  distribution.monitorNode(me, node, flag);
  return true;
}

/**
 * The magic cookie of this node (or the one set for `node`), as erlang:get_cookie/0,1;
 * `nocookie` while this node is not alive.
 * @param node - (get_cookie/1) a node name
 * @returns the cookie, an atom
 * @example
 * // Cookie = erlang:get_cookie()
 * const Cookie = get_cookie();
 * @see https://www.erlang.org/doc/man/erlang.html#get_cookie-1
 */
export function get_cookie(node?: string): string {
  if (node !== undefined && typeof node !== 'string') {
    badarg('erlang:get_cookie/1', `the node must be an atom, got ${describe(node)}`);
  }
  return distribution === null ? 'nocookie' : distribution.getCookie(node);
}

/**
 * Sets this node's cookie, or with two arguments the cookie to use with `node`, as
 * erlang:set_cookie/1,2. Only an alive node has a cookie.
 * @param args - `[Cookie]` or `[Node, Cookie]`
 * @returns `true`
 * @example
 * // true = erlang:set_cookie('b@host', secret)
 * set_cookie('b@host', 'secret');
 * @see https://www.erlang.org/doc/man/erlang.html#set_cookie-2
 */
export function set_cookie(...args: [cookie: string] | [node: string, cookie: string]): true {
  const fn = `erlang:set_cookie/${args.length}`;
  if (args.length < 1 || args.length > 2) badarg(fn, 'expected (Cookie) or (Node, Cookie)');
  for (const a of args) if (typeof a !== 'string') badarg(fn, `expected atoms, got ${describe(a)}`);
  if (distribution === null) badarg(fn, 'this node is not alive (net_kernel has not started it)');
  if (args.length === 1) distribution.setCookie(args[0]);
  else distribution.setCookie(args[1], args[0]);
  return true;
}

/**
 * Closes the connection to `node`, as erlang:disconnect_node/1: its links break with
 * `noconnection`, its monitors fire. `ignored` while this node is not alive.
 * @param node - a node name
 * @returns `true` if it was connected, else `false`; `ignored` on a node that is not alive
 * @example
 * // true = erlang:disconnect_node(Node)
 * disconnect_node(Node);
 * @see https://www.erlang.org/doc/man/erlang.html#disconnect_node-1
 */
export function disconnect_node(node: string): boolean | 'ignored' {
  if (typeof node !== 'string')
    badarg('erlang:disconnect_node/1', `the node must be an atom, got ${describe(node)}`);
  return distribution === null ? 'ignored' : distribution.disconnect(node);
}

/**
 * Calls `Module:Function(Args...)` by name, as erlang:apply/3: the module must be registered
 * (code.register_module); one that is not, or a function it lacks, raises `undef`.
 * @param module - the module, an atom
 * @param fn - the function, an atom
 * @param args - the arguments
 * @returns what the function returns (a promise, if it is async)
 * @example
 * // Value = apply(kv, get, [Key])
 * const Value = await apply('kv', 'get', [Key]);
 * @see https://www.erlang.org/doc/man/erlang.html#apply-3
 */
export function apply(module: string, fn: string, args: readonly unknown[]): unknown {
  if (!Array.isArray(args)) badarg('erlang:apply/3', `the arguments must be a list, got ${describe(args)}`);
  return applyExport(module, fn, args);
}

/** An option of spawn_request/5. */
export type SpawnRequestOption =
  'link' | 'monitor' | ['reply', 'yes' | 'no' | 'error_only' | 'success_only'] | ['reply_tag', unknown];

const replyModes: readonly unknown[] = ['yes', 'no', 'error_only', 'success_only'];

/**
 * Asks `node` to spawn `Module:Function(Args...)`, as erlang:spawn_request/5, and returns at once.
 * The answer comes as a message: `['spawn_reply', ReqId, 'ok', Pid]` or `['spawn_reply', ReqId,
 * 'error', Reason]` (`noconnection` when the node cannot be reached). With `monitor` the request
 * id is also the monitor's reference; with `link` the new process is linked to the caller. On this
 * node, the module must be registered (code.register_module); other nodes run their own.
 * @param node - the node to spawn on
 * @param module - the module, an atom
 * @param fn - the function, an atom
 * @param args - its arguments
 * @param options - `link`, `monitor`, `['reply', yes | no | error_only | success_only]`,
 *   `['reply_tag', Tag]`; other options are passed on, as OTP passes them
 * @returns the request id, a reference
 * @example
 * // ReqId = spawn_request(Node, kv, loop, [#{}], [monitor]),
 * // receive {spawn_reply, ReqId, ok, Pid} -> Pid end
 * const ReqId = spawn_request(Node, 'kv', 'loop', [{}], ['monitor']);
 * const Pid = await receive(on(['spawn_reply', ReqId, 'ok', _], ([, , , P]) => P));
 * @see https://www.erlang.org/doc/man/erlang.html#spawn_request-5
 */
export function spawn_request(
  node: string,
  module: string,
  fn: string,
  args: readonly unknown[],
  options: readonly SpawnRequestOption[] = [],
): Ref {
  const name = 'erlang:spawn_request/5';
  if (typeof node !== 'string') badarg(name, `the node must be an atom, got ${describe(node)}`);
  if (typeof module !== 'string') badarg(name, `the module must be an atom, got ${describe(module)}`);
  if (typeof fn !== 'string') badarg(name, `the function must be an atom, got ${describe(fn)}`);
  if (!Array.isArray(args)) badarg(name, `the arguments must be a list, got ${describe(args)}`);
  if (!Array.isArray(options)) badarg(name, `the options must be a list, got ${describe(options)}`);
  let link = false;
  let monitor = false;
  let reply: 'yes' | 'no' | 'error_only' | 'success_only' = 'yes';
  let replyTag: unknown = 'spawn_reply';
  for (const o of options as readonly unknown[]) {
    if (o === 'link') link = true;
    else if (o === 'monitor') monitor = true;
    else if (Array.isArray(o) && o.length === 2 && o[0] === 'reply') {
      if (!replyModes.includes(o[1])) badarg(name, `bad reply option ${describe(o)}`);
      reply = o[1] as typeof reply;
    } else if (Array.isArray(o) && o.length === 2 && o[0] === 'reply_tag') replyTag = o[1];
  }
  const me = liveSelf();
  const reqId = new Ref();
  me.mark(reqId);
  const opts = { link, monitor, reply, replyTag };
  const mfa = { module, function: fn, args: [...(args as readonly unknown[])] };
  if (node === thisNodeName() || distribution === null) {
    if (node !== thisNodeName()) {
      if (reply === 'yes' || reply === 'error_only') me.offer([replyTag, reqId, 'error', 'noconnection']);
      return reqId;
    }
    spawnHere(me, reqId, mfa, opts);
    return reqId;
  }
  distribution.spawnRequest(me, reqId, node, mfa, opts);
  return reqId;
}

/** spawn_request on this node: a registered module's function. */
function spawnHere(
  me: Process,
  reqId: Ref,
  mfa: { module: string; function: string; args: unknown[] },
  opts: { link: boolean; monitor: boolean; reply: string; replyTag: unknown },
): void {
  const proc = spawnProcess(
    (...a: unknown[]) => applyExport(mfa.module, mfa.function, a),
    mfa.args,
    'erlang:spawn_request/5',
    (p) => {
      if (opts.link) me.link(p);
      if (opts.monitor) me.monitor(p, p.pid, reqId);
    },
  );
  if (opts.reply === 'yes' || opts.reply === 'success_only') me.offer([opts.replyTag, reqId, 'ok', proc.pid]);
}

/**
 * Abandons a spawn request still waiting for its reply, as erlang:spawn_request_abandon/1: no
 * reply will come, and a process spawned anyway is killed by the link OTP makes for it.
 * @param reqId - a request id from spawn_request
 * @returns `true` if the request was waiting, else `false`
 * @example
 * // true = spawn_request_abandon(ReqId)
 * spawn_request_abandon(ReqId);
 * @see https://www.erlang.org/doc/man/erlang.html#spawn_request_abandon-1
 */
export function spawn_request_abandon(reqId: Ref): boolean {
  if (!(reqId instanceof Ref)) {
    badarg('erlang:spawn_request_abandon/1', `expected a reference, got ${describe(reqId)}`);
  }
  return distribution?.spawnRequestAbandon(reqId) ?? false;
}

// ---------------------------------------------------------------------------
// Numbers

/**
 * Converts a number to a float, as erlang:float/1. A float with an integral value has no JS
 * number of its own (`1.0` is the integer `1`), so it is a boxed float, a Number object: it
 * prints as `1.0`, is_float/1 takes it, `=:=` tells it from the integer, arithmetic reads it as
 * its number, and term_to_binary writes it as a float. binary_to_term gives the same for such a
 * float, so a float that arrives leaves as one.
 * @param x - an integer or a float
 * @returns the float: a number when its value is not integral, else a boxed float
 * @example
 * // erlang:float(1) =:= 1.0 -> true
 * float(1); // prints 1.0
 * @see https://www.erlang.org/doc/man/erlang.html#float-1
 */
export function float(x: number | bigint | BoxedFloat): number | BoxedFloat {
  if (x instanceof Number) return x;
  const f = typeof x === 'bigint' ? Number(x) : x;
  if (typeof f !== 'number') return badarg('erlang:float/1', `expected a number, got ${describe(x)}`);
  if (!Number.isFinite(f) && typeof x === 'bigint')
    badarg('erlang:float/1', `${describe(x)} is past the largest float`);
  // -0 is the integer 0, whose float is 0.0.
  return Number.isSafeInteger(f) ? new Number(f === 0 ? 0 : f) : f;
}

// ---------------------------------------------------------------------------
// Process dictionary

function dictionary(): Map<unknown, unknown> {
  return liveSelf().dictionary();
}

/** Finds a key by Erlang term equality: a tuple key `['a', 1]` is one key however made. */
function dictKey(map: Map<unknown, unknown>, key: unknown): unknown {
  if (typeof key !== 'object' || key === null || map.has(key)) return key;
  for (const existing of map.keys()) if (termEquals(existing, key)) return existing;
  return key;
}

/**
 * Stores `value` under `key` in the caller's process dictionary.
 * @param key - any term; tuples compare by value, as in Erlang
 * @param value - any term
 * @returns the old value, or `undefined` (the atom) if there was none
 * @example
 * // X = put(name, walrus), Y = put(name, carpenter),
 * // Z = get(name),
 * // {X, Y, Z}
 * const X = put('name', 'walrus'), Y = put('name', 'carpenter');
 * const Z = get('name');
 * [X, Y, Z]; // ['undefined', 'walrus', 'carpenter']
 * @see https://www.erlang.org/doc/man/erlang.html#put-2
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
 * @param key - (get/1) any term
 * @returns get/1: the value, or `undefined` (the atom); get/0: a list of `{Key, Value}`
 * @example
 * // put(key1, merry),
 * // put(key2, lambs),
 * // put(key3, {are, playing}),
 * // get(key1)
 * put('key1', 'merry');
 * put('key2', 'lambs');
 * put('key3', ['are', 'playing']);
 * get('key1'); // 'merry'
 * @see https://www.erlang.org/doc/man/erlang.html#get-1
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
 * @param key - (erase/1) any term
 * @returns erase/1: the old value, or `undefined` (the atom); erase/0: a list of `{Key, Value}`
 * @example
 * // put(key1, {merry, lambs, are, playing}),
 * // X = erase(key1),
 * // {X, erase(key1)}
 * put('key1', ['merry', 'lambs', 'are', 'playing']);
 * const X = erase('key1');
 * [X, erase('key1')]; // [['merry', 'lambs', 'are', 'playing'], 'undefined']
 * @see https://www.erlang.org/doc/man/erlang.html#erase-1
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

/**
 * The keys whose value is `value`, as erlang:get_keys/1; all keys with no argument.
 * @param value - (get_keys/1) the value looked for, compared with `=:=`
 * @returns a list of keys
 * @example
 * // put(mary, lamb), put(had, lamb), put(little, bone),
 * // get_keys(lamb)
 * put('mary', 'lamb');
 * put('had', 'lamb');
 * put('little', 'bone');
 * get_keys('lamb'); // ['mary', 'had']
 * @see https://www.erlang.org/doc/man/erlang.html#get_keys-1
 */
export function get_keys(...args: [] | [unknown]): List<unknown> {
  const map = dictionary();
  const out = new List<unknown>();
  // Values compare as keys do, by =:=: a list or tuple value is found however it was made.
  for (const [k, v] of map) if (args.length === 0 || termEquals(v, args[0])) out.push(k);
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
      return proc.registeredName ?? list();
    case 'current_function':
      return proc.currentFunction ?? proc.initialCall;
    case 'initial_call':
      return proc.initialCall;
    case 'status':
      return statusOf(proc);
    case 'message_queue_len':
      return proc.messageCount;
    case 'messages':
      return toList(proc.messages());
    case 'links':
      return proc.linkedPids();
    case 'monitors':
      return proc.monitoredPids();
    case 'monitored_by':
      return proc.watcherPids();
    case 'dictionary':
      return toList(proc.dictionary().entries());
    case 'trap_exit':
      return proc.trapExit;
    case 'reductions':
      return proc.reductions;
  }
}

/**
 * Information about a live process, as erlang:process_info/1,2.
 * @param pid - any pid
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
  if (pid._node !== null) badarg(fn, `${pid} is a process of another node`);
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
    if (proc.registeredName !== null) out.push(['registered_name', proc.registeredName]);
    for (const i of defaultItems) out.push([i, infoValue(proc, i)]);
    return out;
  }
  if (Array.isArray(item)) {
    return toList((item as InfoItem[]).map((i): [InfoItem, unknown] => [i, infoValue(proc, i)]));
  }
  const single = item as InfoItem;
  if (single === 'registered_name' && proc.registeredName === null) return list();
  return [single, infoValue(proc, single)];
}

// ---------------------------------------------------------------------------
// Time

/** A time unit of erlang:monotonic_time/1 and system_time/1 (`native` is the nanosecond here). */
export type TimeUnit =
  'second' | 'millisecond' | 'microsecond' | 'nanosecond' | 'native' | 'perf_counter' | number;

/** Parts per second of each named unit. */
const unitsPerSecond: Record<string, number> = {
  second: 1,
  millisecond: 1e3,
  microsecond: 1e6,
  nanosecond: 1e9,
  native: 1e9,
  perf_counter: 1e9,
};

/** `ms` milliseconds in `unit`, floored as Erlang does; a bigint beyond 2^53. */
function inUnit(ms: number, unit: unknown, fn: string): number | bigint {
  const perSecond =
    typeof unit === 'string'
      ? unitsPerSecond[unit]
      : typeof unit === 'number' && Number.isInteger(unit) && unit > 0
        ? unit
        : undefined;
  if (perSecond === undefined) badarg(fn, `expected a time unit, got ${describe(unit)}`);
  const value = Math.floor((ms * perSecond) / 1000);
  if (Number.isSafeInteger(value)) return value;
  // Whole milliseconds exactly, then the fraction: a nanosecond system time is about 2^60.
  const whole = Math.floor(ms);
  return (BigInt(whole) * BigInt(perSecond)) / 1000n + BigInt(Math.floor(((ms - whole) * perSecond) / 1000));
}

/**
 * Erlang monotonic time, as erlang:monotonic_time/0,1: read from the runtime's clock, so it is
 * virtual time inside a simulation (erlts/sim).
 * @param unit - `native` (the default: nanoseconds), `second`, `millisecond`, `microsecond`,
 *   `nanosecond`, `perf_counter` or parts per second
 * @returns an integer (a bigint beyond 2^53)
 * @example
 * // T0 = erlang:monotonic_time(millisecond)
 * const T0 = monotonic_time('millisecond');
 * @see https://www.erlang.org/doc/man/erlang.html#monotonic_time-1
 */
export function monotonic_time(unit: TimeUnit = 'native'): number | bigint {
  return inUnit(getClock().now(), unit, 'erlang:monotonic_time/1');
}

/**
 * Erlang system time (since 1970), as erlang:system_time/0,1: the clock's epoch plus its reading,
 * so inside a simulation it starts at the simulation's epoch and moves with virtual time.
 * @param unit - as {@link monotonic_time}
 * @returns an integer (a bigint beyond 2^53, as nanoseconds since 1970 are)
 * @example
 * // Now = erlang:system_time(second)
 * const Now = system_time('second');
 * @see https://www.erlang.org/doc/man/erlang.html#system_time-1
 */
export function system_time(unit: TimeUnit = 'native'): number | bigint {
  const clock = getClock();
  return inUnit((clock.epoch ?? performance.timeOrigin) + clock.now(), unit, 'erlang:system_time/1');
}

// ---------------------------------------------------------------------------
// Timers

/**
 * Sends `msg` to `dest` after `ms` milliseconds, as erlang:send_after/3.
 * @param ms - 0..2^32-1
 * @param dest - a pid, or a registered name looked up when the timer fires
 * @param msg - any term
 * @returns the timer's reference
 * @example
 * // erlang:send_after(1000, self(), tick)
 * send_after(1000, self(), 'tick')
 * @see https://www.erlang.org/doc/man/erlang.html#send_after-3
 */
export function send_after(ms: number, dest: Pid | string, msg: unknown): Ref {
  return armTimer('erlang:send_after/3', ms, dest, () => msg);
}

/**
 * Sends `['timeout', Ref, msg]` to `dest` after `ms`, as erlang:start_timer/3.
 * @param ms - 0..2^32-1
 * @param dest - a pid, or a registered name looked up when the timer fires
 * @param msg - any term, delivered as `{timeout, Ref, Msg}`
 * @returns the timer's reference, the `Ref` of the message
 * @example
 * // Ref = erlang:start_timer(100, self(), poll)
 * const ref = start_timer(100, self(), 'poll')
 * @see https://www.erlang.org/doc/man/erlang.html#start_timer-3
 */
export function start_timer(ms: number, dest: Pid | string, msg: unknown): Ref {
  return armTimer('erlang:start_timer/3', ms, dest, (ref) => ['timeout', ref, msg]);
}

function timerRef(fn: string, ref: unknown): Ref {
  if (!(ref instanceof Ref)) badarg(fn, `expected a timer reference, got ${describe(ref)}`);
  return ref;
}

/**
 * Cancels a timer, as erlang:cancel_timer/1.
 * @param ref - a reference from `send_after` or `start_timer`
 * @returns the milliseconds that were left, or `false` if it had fired or never existed
 * @example
 * // Left = erlang:cancel_timer(Ref)
 * const Left = cancel_timer(Ref)
 * @see https://www.erlang.org/doc/man/erlang.html#cancel_timer-1
 */
export function cancel_timer(ref: Ref): number | false {
  return cancelTimer(timerRef('erlang:cancel_timer/1', ref));
}

/**
 * The milliseconds left on a timer, as erlang:read_timer/1.
 * @param ref - a reference from `send_after` or `start_timer`
 * @returns milliseconds, or `false`
 * @example
 * // Left = erlang:read_timer(Ref)
 * const Left = read_timer(Ref)
 * @see https://www.erlang.org/doc/man/erlang.html#read_timer-1
 */
export function read_timer(ref: Ref): number | false {
  return readTimer(timerRef('erlang:read_timer/1', ref));
}
