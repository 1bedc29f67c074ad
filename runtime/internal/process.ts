/**
 * Processes: the table, spawning, exit signals, links, monitors and names.
 *
 * A process is an async function plus this record. Its state is a plain
 * status field (no state machine on this path):
 *
 *   RUNNABLE ──receive, nothing matches──▶ WAITING ──match / timeout──▶ RUNNABLE
 *       │                                     │
 *       └──────────── exit signal, return, uncaught exception ──────────▶ EXITED
 *
 * Death is immediate for the runtime (DESIGN §3): links, monitors, the name,
 * the mailbox, owned resources and timers are all dealt with inside
 * `terminate`, synchronously. The JS function of a dead process is unwound
 * later, at its next runtime call, which throws {@link ProcessExited}.
 *
 * Exit signals travel through an explicit work list, not recursion, so a
 * chain of 100,000 linked processes dies without growing the JS stack.
 */
import { currentOwner, runAs } from './context.js';
import { ErlangError, ExitException, ThrownValue, badarg, describe } from './errors.js';
import { Mailbox } from './mailbox.js';
import { List, Pid, Ref, installPidSend, list } from './terms.js';
import { reportCrash } from './logger.js';
import { installStarter, scheduleStart, wake } from './scheduler.js';
import { type Clause, anyMessage, firstMatch } from './clauses.js';
import { Status } from './process-status.js';
import { getClock } from './clock.js';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export { Status };

/**
 * Thrown into a dead process's code at its next runtime call (and used to
 * reject the receive it was waiting in), so its function unwinds.
 */
export class ProcessExited extends Error {
  readonly reason: unknown;
  constructor(reason: unknown) {
    // No stack: it says where the victim was, which nobody asks, and killing
    // a million processes would capture a million stacks.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`process exited: ${describe(reason)}`);
    Error.stackTraceLimit = limit;
    this.name = 'ProcessExited';
    this.reason = reason;
  }
}

/** Something a process owns that must be released when it dies (a socket). */
export interface OwnedResource {
  /** Called once, synchronously, when the owner exits. */
  ownerExited(owner: Process, reason: unknown): void;
}

type ExitListener = (reason: unknown, value: unknown) => void;

let nextSerial = 80;

/** The process table: every live process by pid serial. */
const table = new Map<number, Process>();
/** Registered names. */
const names = new Map<string, Process>();

export class Process {
  readonly pid: Pid;
  status: Status = Status.Runnable;
  /** The message queue, made on first use: most waiting processes never queue anything. */
  box: Mailbox | null = null;
  trapExit = false;
  /** The registered name, or null. */
  name: string | null = null;
  reductions = 0;
  exitReason: unknown = undefined;
  /** Linked processes; null until the first link (most processes have none). */
  links: Set<Process> | null = null;
  /** Monitors this process holds: ref → monitored process (or name when it was dead). */
  monitors: Map<Ref, Process> | null = null;
  /** Monitors on this process: ref → watcher, with the form the DOWN's item takes. */
  monitoredBy: Map<Ref, { watcher: Process; item: unknown }> | null = null;
  dictionary: Map<unknown, unknown> | null = null;
  /** What it owns (sockets): none, one (most owners), or a set. */
  resources: Set<OwnedResource> | OwnedResource | null = null;
  /** The blocking call it waits in (a socket's recv, accept, send), released at its death. */
  blocker: OwnedResource | null = null;
  timers: Set<Ref> | null = null;
  exitListeners: ExitListener[] | null = null;
  /** What `receive` is waiting with (see receive.ts); null when not waiting. */
  waitClauses: readonly Clause[] | null = null;
  waitResolve: ((value: unknown) => void) | null = null;
  /** The promise `receive` handed out for the current wait, so death can mark its rejection handled. */
  waitPromise: Promise<unknown> | null = null;
  waitTimer: unknown = null;
  /** The clause that matched (an on or after clause), for the body to run as this process. */
  matched: unknown = null;
  /** The function the process started with (for process_info's initial_call); null for the shell. */
  readonly entry: ((...args: never[]) => unknown) | null;
  readonly arity: number;

  constructor(entry: ((...args: never[]) => unknown) | null, arity: number) {
    this.pid = new Pid(nextSerial++, this);
    this.entry = entry;
    this.arity = arity;
    table.set(this.pid.serial, this);
  }

  /** `[Module, Function, Arity]` as process_info's initial_call gives it. */
  get initialCall(): [string, string, number] {
    return this.entry === null
      ? ['erlts', 'shell', 0]
      : ['erlts', this.entry.name || 'anonymous', this.arity];
  }

  get alive(): boolean {
    return this.status !== Status.Exited;
  }

  /** Registers a resource to be released when this process exits. */
  own(resource: OwnedResource): void {
    const held = this.resources;
    if (held === null) this.resources = resource;
    else if (held instanceof Set) held.add(resource);
    else if (held !== resource) this.resources = new Set([held, resource]);
  }

  /** Stops owning `resource` (it was handed on or closed). */
  disown(resource: OwnedResource): void {
    const held = this.resources;
    if (held === resource) this.resources = null;
    else if (held instanceof Set) held.delete(resource);
  }

  /** Calls `listener` when this process exits (immediately if it already has). */
  onExit(listener: ExitListener): void {
    if (!this.alive) listener(this.exitReason, undefined);
    else (this.exitListeners ??= []).push(listener);
  }
}

let shell: Process | null = null;

/** The shell process: the caller outside any process. Made anew after it dies. */
export function shellProcess(): Process {
  if (shell === null || !shell.alive) shell = new Process(null, 0);
  return shell;
}

/** The calling process: the one whose code is running, or the shell. */
export function self(): Process {
  const owner = currentOwner();
  return owner === null ? shellProcess() : (owner as Process);
}

/** The calling process, which must still be alive to act: a dead one is unwound. */
export function liveSelf(): Process {
  const proc = self();
  if (proc.status === Status.Exited) throw new ProcessExited(proc.exitReason);
  return proc;
}

/** The live process behind `pid`, or null if it has exited. */
export function processOf(pid: Pid): Process | null {
  const proc = pid._process as Process | null;
  return proc !== null && proc.status !== Status.Exited ? proc : null;
}

/** Every live process, oldest first. */
export function allProcesses(): IterableIterator<Process> {
  return table.values();
}

// ---------------------------------------------------------------------------
// Spawning

type ProcessFunction = (...args: never[]) => unknown;

/**
 * Result handlers for a process's function. They are chained on its promise
 * while it runs as itself, so they run as the process too (context.ts) and
 * need no closure or bound copy per process.
 */
function processReturned(value: unknown): void {
  const proc = currentOwner() as Process;
  if (proc.status !== Status.Exited) terminate(proc, 'normal', value);
}

function processThrew(error: unknown): void {
  processFailed(currentOwner() as Process, error);
}

function processFailed(proc: Process, error: unknown): void {
  if (proc.status === Status.Exited) return; // Unwound after death: nothing to do.
  const { reason, report } = exitReasonOf(error);
  if (report) reportCrash(proc.pid, reason);
  else if (reason !== 'normal' && reason !== 'shutdown' && !isObserved(proc)) {
    // exit(R) nobody is linked to or monitoring: tell a person (docs/DEVIATIONS.md).
    reportCrash(proc.pid, reason);
  }
  terminate(proc, reason);
}

function isObserved(proc: Process): boolean {
  return (proc.links?.size ?? 0) > 0 || (proc.monitoredBy?.size ?? 0) > 0 || proc.exitListeners !== null;
}

/** Erlang's exit reason for an exception escaping a process, and whether to report it. */
function exitReasonOf(error: unknown): { reason: unknown; report: boolean } {
  if (ExitException.is(error)) return { reason: error.reason, report: false };
  if (error instanceof ProcessExited) return { reason: error.reason, report: false };
  if (ErlangError.is(error)) return { reason: [error.reason, stackTerm(error)], report: true };
  if (ThrownValue.is(error)) {
    return { reason: [['nocatch', error.value], stackTerm(error)], report: true };
  }
  return { reason: [error, stackTerm(error)], report: true };
}

/** This folder: frames in the runtime's own files are left out of stacks, but for the top one. */
const runtimeDir = dirname(fileURLToPath(import.meta.url));

/** A JS stack as an Erlang-style list of `{Module, Function, Arity, Location}`. */
function stackTerm(error: unknown): List {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  const frames = new List<unknown>();
  for (const line of stack.split('\n')) {
    const m = /^\s+at (?:async )?(?:(.+?) \()?(.+?):(\d+):\d+\)?$/.exec(line);
    if (m === null) continue;
    const file = (m[2] ?? '').replace(/^file:\/\//, '');
    if (file.startsWith('node:')) continue;
    if (frames.length > 0 && file.startsWith(runtimeDir)) continue;
    const base = file.replace(/^.*\//, '').replace(/\.[cm]?[jt]s$/, '');
    frames.push([base, m[1] ?? 'anonymous', 0, list(['file', file], ['line', Number(m[3])])]);
    if (frames.length >= 8) break;
  }
  return frames;
}

/**
 * Makes a process running `fn(...args)`. It starts on a later turn, as in
 * Erlang, where the spawner always goes on first.
 */
export function spawnProcess(
  fn: ProcessFunction,
  args: readonly unknown[],
  caller: string,
  setup?: (proc: Process) => void,
): Process {
  if (typeof fn !== 'function')
    badarg(caller, `the process function must be a function, got ${describe(fn)}`);
  const proc = new Process(fn, args.length);
  setup?.(proc);
  scheduleStart(proc, fn, args);
  return proc;
}

/** Runs a process's function for the first time (called by the scheduler). */
function startProcess(proc: Process, fn: ProcessFunction, args: readonly unknown[]): void {
  if (proc.status === Status.Exited) return; // Killed before it ever ran.
  runAs(proc, () => {
    let result: unknown;
    try {
      result = (fn as (...a: readonly unknown[]) => unknown)(...args);
    } catch (error) {
      processFailed(proc, error);
      return;
    }
    if (result instanceof Promise) {
      result.then(processReturned, processThrew);
    } else if (
      result !== null &&
      typeof result === 'object' &&
      typeof (result as PromiseLike<unknown>).then === 'function'
    ) {
      // A foreign thenable: adopt it into a native promise made as this process.
      Promise.resolve(result).then(processReturned, processThrew);
    } else {
      terminate(proc, 'normal', result);
    }
  });
}

installStarter(startProcess as (proc: Process, fn: unknown, args: readonly unknown[]) => void);

// ---------------------------------------------------------------------------
// Exit signals

interface Signal {
  target: Process;
  from: Pid;
  reason: unknown;
  /** True for a signal from a link (a process died), false for exit/2. */
  linked: boolean;
}

const pendingSignals: Signal[] = [];
let drainingSignals = false;

/**
 * Delivers an exit signal with Erlang's rules:
 * - exit/2 with `kill` kills even a trapping process, with reason `killed`;
 * - a trapping process gets `['EXIT', From, Reason]` instead;
 * - `normal` is ignored, except exit(self(), normal), which exits the caller;
 * - anything else kills the target with the same reason.
 */
export function sendExitSignal(target: Process, from: Pid, reason: unknown, linked: boolean): void {
  pendingSignals.push({ target, from, reason, linked });
  if (drainingSignals) return;
  drainingSignals = true;
  // An index, not shift(): a process with 100,000 links queues 100,000 signals,
  // and shifting each would make its death quadratic.
  let next = 0;
  try {
    while (next < pendingSignals.length) applySignal(pendingSignals[next++] as Signal);
  } finally {
    pendingSignals.splice(0, next);
    drainingSignals = false;
  }
}

function applySignal({ target, from, reason, linked }: Signal): void {
  if (target.status === Status.Exited) return;
  if (reason === 'kill' && !linked) {
    terminate(target, 'killed');
  } else if (target.trapExit) {
    deliver(target, ['EXIT', from, reason]);
  } else if (reason === 'normal') {
    if (!linked && from === target.pid) terminate(target, 'normal');
  } else {
    terminate(target, reason);
  }
}

/**
 * Ends `proc` with `reason`, at once: its waiting receive is rejected, timers
 * cancelled, name released, mailbox dropped, owned resources closed, links
 * and monitors fired.
 */
export function terminate(proc: Process, reason: unknown, value?: unknown): void {
  if (proc.status === Status.Exited) return;
  proc.status = Status.Exited;
  proc.exitReason = reason;
  table.delete(proc.pid.serial);
  proc.pid._process = null;
  if (proc.name !== null) {
    names.delete(proc.name);
  }
  proc.box = null;
  const resolve = proc.waitResolve;
  if (proc.waitTimer !== null) cancelWaitTimer(proc);
  proc.waitClauses = null;
  proc.waitResolve = null;
  proc.matched = null;
  proc.dictionary = null;
  if (proc.timers !== null) {
    for (const ref of proc.timers) cancelTimerHook(ref);
    proc.timers = null;
  }
  if (proc.monitors !== null) {
    for (const [ref, target] of proc.monitors) target.monitoredBy?.delete(ref);
    proc.monitors = null;
  }
  const held = proc.resources;
  const blocker = proc.blocker;
  proc.resources = null;
  proc.blocker = null;
  if (blocker !== null) release(proc, blocker, reason);
  if (held instanceof Set) for (const resource of held) release(proc, resource, reason);
  else if (held !== null) release(proc, held, reason);
  const monitoredBy = proc.monitoredBy;
  proc.monitoredBy = null;
  if (monitoredBy !== null) {
    for (const [ref, { watcher, item }] of monitoredBy) {
      watcher.monitors?.delete(ref);
      deliver(watcher, ['DOWN', ref, 'process', item, reason]);
    }
  }
  const links = proc.links;
  proc.links = null;
  if (links !== null) {
    // A dying process's exit signal to its links carries its exit reason;
    // `kill` from exit/2 arrives at the links as `killed`.
    for (const linked of links) {
      linked.links?.delete(proc);
      sendExitSignal(linked, proc.pid, reason, true);
    }
  }
  const listeners = proc.exitListeners;
  proc.exitListeners = null;
  if (listeners !== null) for (const listener of listeners) listener(reason, value);
  // Rejects the receive it waited in, so its function unwinds (see waitPromise).
  if (resolve !== null) {
    // A receive not awaited yet (`const p = receive(); await other; await p`)
    // must not become an unhandled rejection that takes Node down.
    proc.waitPromise?.catch(ignore);
    proc.waitPromise = null;
    resolve(Promise.reject(new ProcessExited(reason)));
  }
}

function ignore(): void {}

/** Tells an owned resource that its owner died; a failure there is reported, not thrown. */
function release(proc: Process, resource: OwnedResource, reason: unknown): void {
  try {
    resource.ownerExited(proc, reason);
  } catch (error) {
    reportCrash(proc.pid, ['resource_cleanup_failed', error]);
  }
}

/** Disarms the timer of `proc`'s `after` clause. */
export function cancelWaitTimer(proc: Process): void {
  getClock().clearTimer(proc.waitTimer);
  proc.waitTimer = null;
}

// Timers are armed by timers.ts, which imports this module; it installs this hook.
let cancelTimerHook: (ref: Ref) => void = () => undefined;

/** @internal */
export function installTimerHook(cancelTimer: (ref: Ref) => void): void {
  cancelTimerHook = cancelTimer;
}

// ---------------------------------------------------------------------------
// Messages

/** Hands `msg` to `proc`: straight to its waiting receive if a clause takes it, else queued. */
export function deliver(proc: Process, msg: unknown): void {
  if (proc.status === Status.Waiting) {
    const clauses = proc.waitClauses as readonly Clause[];
    // `receive()` with no clauses takes anything: the common case needs no matching.
    const clause = clauses === anyMessage ? (clauses[0] as Clause) : firstMatch(clauses, msg);
    if (clause !== null) {
      if (proc.waitTimer !== null) cancelWaitTimer(proc);
      wake(proc, clause, msg);
      return;
    }
  }
  (proc.box ??= new Mailbox()).push(msg);
}

/** Resolves a send destination: a Pid (alive or not) or a registered name. */
export function destination(dest: unknown, caller: string): Process | null {
  if (dest instanceof Pid) return processOf(dest);
  if (typeof dest === 'string') {
    const proc = names.get(dest);
    if (proc === undefined) badarg(caller, `no process is registered as ${describe(dest)}`);
    return proc;
  }
  if (Array.isArray(dest) && dest.length === 2 && typeof dest[0] === 'string' && dest[1] === nodeName) {
    return names.get(dest[0]) ?? null;
  }
  return badarg(caller, `the destination must be a pid or a registered name, got ${describe(dest)}`);
}

/** This node's name, as `node()` gives it when not distributed. */
export const nodeName = 'nonode@nohost';

/** erlang:send/2: never throws for a dead pid. */
export function sendMessage<T>(dest: unknown, msg: T): T {
  // A pid is the hot path; names and errors go through destination().
  const target = dest instanceof Pid ? (dest._process as Process | null) : destination(dest, 'erlang:send/2');
  liveSelfIfAny();
  if (target !== null && target.status !== Status.Exited) deliver(target, msg);
  return msg;
}

/** A dead process's code may not act; outside any process there is nothing to check. */
function liveSelfIfAny(): void {
  const owner = currentOwner() as Process | null;
  if (owner !== null && owner.status === Status.Exited) throw new ProcessExited(owner.exitReason);
}

installPidSend((pid, msg) => {
  liveSelfIfAny();
  const proc = processOf(pid);
  if (proc !== null) deliver(proc, msg);
  return msg;
});

// ---------------------------------------------------------------------------
// Links and monitors

/** erlang:link/1. */
export function link(pid: unknown): true {
  if (!(pid instanceof Pid)) badarg('erlang:link/1', `expected a pid, got ${describe(pid)}`);
  const me = liveSelf();
  const other = processOf(pid);
  if (other === me) return true;
  if (other === null) {
    if (me.trapExit) {
      deliver(me, ['EXIT', pid, 'noproc']);
      return true;
    }
    throw new ErlangError('noproc', `erlang:link/1: ${pid} is not alive`);
  }
  (me.links ??= new Set()).add(other);
  (other.links ??= new Set()).add(me);
  return true;
}

/** Links two processes without a caller check (spawn_link). */
export function linkProcesses(a: Process, b: Process): void {
  (a.links ??= new Set()).add(b);
  (b.links ??= new Set()).add(a);
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
  const other = pid._process as Process | null;
  if (other !== null) {
    me.links?.delete(other);
    other.links?.delete(me);
  }
  return true;
}

/** Sets up a monitor of `target` by `watcher`; DOWN at once if the target is gone. */
export function monitorProcess(watcher: Process, target: Process | null, item: unknown, ref: Ref): void {
  if (target === null) {
    noprocDowns.add(ref);
    deliver(watcher, ['DOWN', ref, 'process', item, 'noproc']);
    return;
  }
  (watcher.monitors ??= new Map()).set(ref, target);
  (target.monitoredBy ??= new Map()).set(ref, { watcher, item });
}

/**
 * Refs whose `noproc` DOWN was queued by monitor() itself. In Erlang that DOWN
 * is a signal still in flight when monitor returns, and a demonitor right
 * after cancels it: demonitor removes these even without `flush`.
 */
export const noprocDowns = new WeakSet<Ref>();

/** Removes a monitor held by `watcher`; whether it was active. */
export function removeMonitor(watcher: Process, ref: Ref): boolean {
  const target = watcher.monitors?.get(ref);
  if (target === undefined) return false;
  watcher.monitors?.delete(ref);
  target.monitoredBy?.delete(ref);
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
  if (names.has(name)) badarg(fn, `the name ${name} is already registered to ${names.get(name)?.pid}`);
  if (proc.name !== null) badarg(fn, `${pid} is already registered as ${proc.name}`);
  names.set(name, proc);
  proc.name = name;
  return true;
}

/**
 * Removes the registered name `name`; badarg if nothing has it.
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
  const proc = names.get(name);
  if (proc === undefined) badarg(fn, `no process is registered as ${name}`);
  names.delete(name);
  proc.name = null;
  return true;
}

/**
 * The pid registered as `name`.
 * @returns the pid, or `'undefined'`
 * @example
 * // Pid = whereis(counter)
 * const Pid = whereis('counter')
 * @see https://www.erlang.org/doc/man/erlang.html#whereis-1
 */
export function whereis(name: unknown): Pid | 'undefined' {
  if (typeof name !== 'string')
    badarg('erlang:whereis/1', `the name must be an atom (a string), got ${describe(name)}`);
  return names.get(name)?.pid ?? 'undefined';
}

/**
 * Every registered name, as a list.
 * @example
 * // lists:member(counter, registered())
 * registered().includes('counter')
 * @see https://www.erlang.org/doc/man/erlang.html#registered-0
 */
export function registered(): List<string> {
  return list(...names.keys());
}

/** The process registered as `name`, if any. */
export function processNamed(name: string): Process | null {
  return names.get(name) ?? null;
}
