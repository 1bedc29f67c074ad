/**
 * Processes: the process record, the table, spawning, exit signals, links, monitors and names.
 * The BIFs that check arguments and call into this module are erlang.ts; code outside the
 * runtime (the inet driver, the socket module) reaches processes only through driver-api.ts.
 *
 * A process is an async function plus this record. Its state is a plain status field (no state
 * machine on this path), and only the record's own methods change it:
 *
 *   RUNNABLE ──receive, nothing matches──▶ WAITING ──offer matches / after fires──▶ RUNNABLE
 *       │                                     │
 *       └──────────── exit signal, return, uncaught exception ──────────▶ EXITED
 *
 * A wait is the receive's clause list plus the resolver of the promise the receive returned.
 * `offer` (every delivery) tests a new message against a waiting process's clauses once, and
 * either wakes it or queues the message; a waiting process never rescans old messages. Waking
 * goes through the scheduler, which resolves the wait now or, past its budget, next turn.
 *
 * Death is immediate for the runtime (DESIGN §3): links, monitors, the name, the mailbox, owned
 * resources (sockets, timers aimed at it, blocking calls) are all dealt with inside `terminate`,
 * synchronously. The JS function of a dead process is unwound later, at its next runtime call,
 * which throws {@link ProcessExited}.
 *
 * Exit signals travel through an explicit work list, not recursion, so a chain of 100,000
 * linked processes dies without growing the JS stack.
 */
import {
  currentOwner,
  needTailCalls,
  nodeFlags,
  recursionOnStack,
  rejectionOwner,
  runAs,
  tailCallsOn,
  trackTail,
  untaggedPromise,
} from './context.js';
import { ErlangError, ExitException, ProcessExited, ThrownValue, badarg, describe } from './errors.js';
import { Mailbox } from './mailbox.js';
import { List, Pid, type Ref, list, toList } from './terms.js';
import { log, reportCrash } from './logger.js';
import { type TailOwner, headWarning, userCode } from './tail.js';
import { type Schedulable, scheduleStart, mayRunNow, defer } from './scheduler.js';
import { simulator } from './sim-hooks.js';
import { type AfterClause, type Clause, anyMessage, commonRef, firstMatch, isAfter } from './clauses.js';
import { Status } from './process-status.js';
import { getClock, type TimerHandle } from './clock.js';
import { nodeOf, setPidLookup, thisNodeName } from './node-ids.js';
import { distribution } from './dist-hooks.js';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export { Status, ProcessExited };

/**
 * A process as code outside the runtime sees it (driver-api.ts): its pid, whether it lives, and
 * what it owns. Everything else about a process is the runtime's.
 */
export interface ProcessHandle {
  readonly pid: Pid;
  readonly alive: boolean;
  /** Registers a resource to be released when the process exits. */
  own(resource: OwnedResource): void;
  /** Stops owning `resource` (it was handed on or closed). */
  disown(resource: OwnedResource): void;
}

/** Something a process owns that must be released when it dies (a socket, a timer aimed at it). */
export interface OwnedResource {
  /** Called once, synchronously, when the owner exits. */
  ownerExited(owner: ProcessHandle, reason: unknown): void;
}

type ExitListener = (reason: unknown, value: unknown) => void;
type ProcessFunction = (...args: never[]) => unknown;
type Matched = Clause | AfterClause;

let nextSerial = 80;

/**
 * The waits of a process at which it is looked at for a loop that calls itself: the second (its
 * first level is on the stack under the next one), then each sixteen times further (32, 512,
 * 8192, ...), for a loop that begins late. What was found clean so far is kept by the function
 * processes start with, two bits a look: two clean looks at the same wait of the same function's
 * processes spare the rest of them the stack walk.
 */
const checkedClean = new WeakMap<object, number>();

/** Which look wait `n` is (0 for the second wait, 1 for the 32nd, ...), or -1 for none. */
function loopCheckLevel(n: number): number {
  if (n < 2 || (n & (n - 1)) !== 0) return -1;
  const bits = 30 - Math.clz32(n); // n = 2 << bits
  return bits % 4 === 0 ? bits / 4 : -1;
}

function loopCheck(entry: object, level: number): void {
  const shift = 2 * level;
  const clean = checkedClean.get(entry) ?? 0;
  if (((clean >> shift) & 3) >= 2) return;
  if (recursionOnStack()) needTailCalls();
  else checkedClean.set(entry, clean + (1 << shift));
}

/** The process table: every live process by pid serial. */
const table = new Map<number, Process>();
/** Registered names. */
const names = new Map<string, Process>();
setPidLookup((serial) => table.get(serial)?.pid);

/**
 * Clause bodies running inside their receive call, one inside another (a recursive loop taking
 * queued messages), and how deep they may go before the next one waits for a microtask.
 */
let nested = 0;
const maxNested = 100;
function resolveNow(resolve: (value: unknown) => void): void {
  resolve(undefined);
}

/** The resolver of the wait promise being made (see {@link Process.receive}). */
let captured: ((value: unknown) => void) | null = null;
function capture(resolve: (value: unknown) => void): void {
  captured = resolve;
}

export class Process implements Schedulable, ProcessHandle, TailOwner {
  readonly pid: Pid;
  /** The function the process started with (for process_info's initial_call); null for the shell. */
  readonly entry: ProcessFunction | null;
  readonly arity: number;
  #status: Status = Status.Runnable;
  /** The message queue, made on first use: most waiting processes never queue anything. */
  #box: Mailbox | null = null;
  #trapExit = false;
  #name: string | null = null;
  #reductions = 0;
  #exitReason: unknown = undefined;
  /** Linked processes; null until the first link (most processes have none). */
  #links: Set<Process | Pid> | null = null;
  /** Monitors this process holds: ref → monitored process (a {@link RemoteMonitor} on another node). */
  #monitors: Map<Ref, Process | RemoteMonitor> | null = null;
  /**
   * Monitors on this process: ref → watcher (a pid of another node's process), with the form the
   * DOWN's item takes.
   */
  #monitoredBy: Map<Ref, { readonly watcher: Process | Pid; readonly item: unknown }> | null = null;
  #dictionary: Map<unknown, unknown> | null = null;
  /**
   * Entries its dictionary starts with, not made yet: what {@link dictionarySeeder} makes of it
   * on the dictionary's first use. proc_lib's `'$ancestors'` and `'$initial_call'` wait here, so
   * an idle server that nobody inspects keeps three words instead of a table and a list.
   */
  dictionarySeed: unknown = null;
  /** What it owns: none, one (most owners), or a set. */
  #resources: Set<OwnedResource> | OwnedResource | null = null;
  /** The blocking call it waits in (a socket's recv, accept, send), released at its death. */
  #blocker: OwnedResource | null = null;
  #exitListeners: ExitListener[] | null = null;
  // The wait: what `receive` waits with, and how it ends.
  #waitClauses: readonly Clause[] | null = null;
  #waitResolve: ((value: unknown) => void) | null = null;
  /** The promise receive handed out for the current wait, so death can mark its rejection handled. */
  #waitPromise: Promise<unknown> | null = null;
  #waitTimer: TimerHandle = null;
  /** The clause that matched (an on or after clause), for the body to run as this process. */
  #matched: Matched | null = null;
  /** Chains of promises this process is in the middle of, not tail calls (tail.ts). */
  tailHeads = 0;
  /** Waits begun (counted up to 2^30), for {@link loopCheck}. */
  #waits = 0;
  /**
   * What process_info's initial_call and current_function say when a library set them (proc_lib
   * says `{proc_lib, init_p, 5}`, a waiting gen_server `{gen_server, loop, 7}`).
   */
  initialCallAs: [string, string, number] | null = null;
  currentFunction: [string, string, number] | null = null;
  /**
   * Set by a library that deals with an exception its process lets out (proc_lib: the crash
   * report, then Erlang's exit reason): given the exception, it gives the one the process ends
   * with, and the runtime writes no report of its own.
   */
  onFailure: ((error: unknown) => unknown) | null = null;
  /** A process of the runtime's own services (net_kernel's): leak checks leave it alone. */
  system = false;

  constructor(entry: ProcessFunction | null, arity: number) {
    this.pid = new Pid(nextSerial++, this);
    this.entry = entry;
    this.arity = arity;
    table.set(this.pid.serial, this);
  }

  /** `[Module, Function, Arity]` as process_info's initial_call gives it. */
  get initialCall(): [string, string, number] {
    if (this.initialCallAs !== null) return this.initialCallAs;
    return this.entry === null
      ? ['erlts', 'shell', 0]
      : ['erlts', this.entry.name || 'anonymous', this.arity];
  }

  get alive(): boolean {
    return this.#status !== Status.Exited;
  }

  get status(): Status {
    return this.#status;
  }

  get exitReason(): unknown {
    return this.#exitReason;
  }

  /** Throws {@link ProcessExited} if this process has exited: a dead process's code may not act. */
  mayAct(): void {
    if (this.#status === Status.Exited) throw new ProcessExited(this.#exitReason);
  }

  // ---- resources -----------------------------------------------------------

  /** Registers a resource to be released when this process exits. */
  own(resource: OwnedResource): void {
    const held = this.#resources;
    if (held === null) this.#resources = resource;
    else if (held instanceof Set) held.add(resource);
    else if (held !== resource) this.#resources = new Set([held, resource]);
  }

  /** Stops owning `resource` (it was handed on, closed, or it fired). */
  disown(resource: OwnedResource): void {
    const held = this.#resources;
    if (held === resource) this.#resources = null;
    else if (held instanceof Set) held.delete(resource);
  }

  /**
   * Records the blocking call this process now waits in. A process usually blocks in one call
   * at a time: that one needs no set.
   */
  block(call: OwnedResource): void {
    if (this.#blocker === null) this.#blocker = call;
    else this.own(call);
    this.#waitBegins();
  }

  /**
   * A wait begins (a receive with nothing to take, a blocking socket call). Until tail calls are
   * followed (context.ts), a few of them look for a loop that calls itself.
   */
  #waitBegins(): void {
    if (tailCallsOn() || this.#waits >= 0x4000_0000) return;
    const level = loopCheckLevel(++this.#waits);
    if (level >= 0 && this.entry !== null) loopCheck(this.entry, level);
  }

  /** The blocking call `call` is over. */
  unblock(call: OwnedResource): void {
    if (this.#blocker === call) this.#blocker = null;
    else this.disown(call);
  }

  /** Calls `listener` when this process exits (immediately if it already has). */
  onExit(listener: ExitListener): void {
    if (this.#status === Status.Exited) listener(this.#exitReason, undefined);
    else (this.#exitListeners ??= []).push(listener);
  }

  // ---- flags, dictionary, name ---------------------------------------------

  get trapExit(): boolean {
    return this.#trapExit;
  }

  /** Sets trap_exit; the old value. */
  setTrapExit(value: boolean): boolean {
    const old = this.#trapExit;
    this.#trapExit = value;
    return old;
  }

  /** The process dictionary, made on first use. */
  dictionary(): Map<unknown, unknown> {
    let dictionary = this.#dictionary;
    if (dictionary === null) {
      dictionary = this.#dictionary = new Map();
      const seed = this.dictionarySeed;
      if (seed !== null && dictionarySeeder !== null) {
        this.dictionarySeed = null;
        for (const [key, value] of dictionarySeeder(seed)) dictionary.set(key, value);
      }
    }
    return dictionary;
  }

  get registeredName(): string | null {
    return this.#name;
  }

  get reductions(): number {
    return this.#reductions;
  }

  /** Whether anyone would see this process die: a link, a monitor, or run()'s listener. */
  get observed(): boolean {
    return (this.#links?.size ?? 0) > 0 || (this.#monitoredBy?.size ?? 0) > 0 || this.#exitListeners !== null;
  }

  /** The pids of the linked processes. */
  linkedPids(): List<Pid> {
    return toList([...(this.#links ?? [])].map((p) => (p instanceof Process ? p.pid : p)));
  }

  /** The processes this one monitors, as process_info's `monitors` gives them. */
  monitoredPids(): List<['process', unknown]> {
    return toList(
      [...(this.#monitors?.values() ?? [])].map((p): ['process', unknown] => [
        'process',
        p instanceof Process ? p.pid : p.item,
      ]),
    );
  }

  /** The processes monitoring this one. */
  watcherPids(): List<Pid> {
    return toList(
      [...(this.#monitoredBy?.values() ?? [])].map((m) =>
        m.watcher instanceof Process ? m.watcher.pid : m.watcher,
      ),
    );
  }

  // ---- the mailbox ---------------------------------------------------------

  /**
   * Hands `msg` to this process: straight to its waiting receive if a clause takes it, else
   * queued behind the messages its receive refused.
   */
  offer(msg: unknown): void {
    const status = this.#status;
    if (status === Status.Exited) return; // Nothing reaches a dead process.
    if (status === Status.Waiting) {
      const clauses = this.#waitClauses as readonly Clause[];
      // `receive()` with no clauses takes anything: the common case needs no matching.
      const clause = clauses === anyMessage ? (clauses[0] as Clause) : firstMatch(clauses, msg);
      if (clause !== null) {
        if (this.#waitTimer !== null) this.#cancelWaitTimer();
        this.#wake(clause, msg);
        return;
      }
    }
    (this.#box ??= new Mailbox()).push(msg);
  }

  /** Records that messages from now on may hold `ref` (see Mailbox.mark). */
  mark(ref: Ref | Pid): void {
    this.#box?.mark(ref);
  }

  /** Removes the queued messages `pred` accepts, oldest first, at most `limit` of them. */
  takeMessages(pred: (msg: unknown) => boolean, limit = Infinity): unknown[] {
    return this.#box?.take(pred, limit) ?? [];
  }

  /**
   * The oldest queued message, removed, or {@link noMessage} when none is queued or this turn's
   * budget is spent: a behaviour's loop drains a burst of messages without a promise per
   * message, and falls back to `receive` (which waits, or defers to the next turn) otherwise.
   */
  takeNext(): unknown {
    const box = this.#box;
    if (this.#status === Status.Exited) throw new ProcessExited(this.#exitReason);
    if (box === null || box.head === null || !mayRunNow(this)) return noMessage;
    const node = box.head;
    box.remove(node, null);
    this.#reductions++;
    return node.msg;
  }

  /** The queued messages, oldest first. */
  messages(): unknown[] {
    return this.#box?.toArray() ?? [];
  }

  get messageCount(): number {
    return this.#box?.length ?? 0;
  }

  /** Removes and returns every queued message, as the shell's flush(). */
  flush(): unknown[] {
    return this.#box?.drain() ?? [];
  }

  // ---- receive -------------------------------------------------------------

  /**
   * The core of `receive`: the first queued message a clause takes, else a wait for one.
   * @param clauses - the message clauses, or {@link anyMessage}
   * @param timeout - the after clause, or null
   * @param bodies - whether some clause has a body (else the message itself is the result)
   * @returns what the matching clause's body gives (or the message)
   */
  receive(clauses: readonly Clause[], timeout: AfterClause | null, bodies: boolean): Promise<unknown> {
    if (this.#status === Status.Exited) return Promise.reject(new ProcessExited(this.#exitReason));
    if (this.#status === Status.Waiting || this.#waitResolve !== null) {
      return Promise.reject(
        new ErlangError('badarg', `receive/1: ${this.pid} is already waiting in another receive`),
      );
    }
    const mailbox = this.#box;
    if (mailbox !== null && mailbox.head !== null && clauses.length > 0) {
      let prev = mailbox.scanAfter(clauses === anyMessage ? null : commonRef(clauses));
      let node = prev === null ? mailbox.head : prev.next;
      while (node !== null) {
        const clause = firstMatch(clauses, node.msg);
        if (clause !== null) {
          mailbox.remove(node, prev);
          return this.#completeNow(clause, node.msg);
        }
        prev = node;
        node = node.next;
      }
    }
    if (timeout !== null && timeout.ms === 0) return this.#completeNow(timeout, undefined);
    this.#status = Status.Waiting;
    this.#waitClauses = clauses;
    this.#waitBegins();
    const wait = this.#newWait();
    if (timeout !== null && timeout.ms !== Infinity) {
      const clause = timeout;
      this.#waitTimer = getClock().setTimer(clause.ms, () => this.#timedOut(clause));
    }
    if (simulator !== null) simulator.stopped(this);
    // No bodies at all: the wait itself gives the message (or `timeout`), with no promise more.
    if (!bodies && (timeout === null || timeout.body === null)) return (this.#waitPromise = wait);
    return (this.#waitPromise = bodyPromise(wait));
  }

  /**
   * A promise for this process's wait. Only `resolve` is kept (death rejects through it, by
   * resolving with a rejected promise), and the executor is shared: a waiting process holds as
   * little young garbage as possible, which is what a scavenge with 10,000 waiting processes
   * has to copy.
   */
  #newWait(): Promise<unknown> {
    const wait = untaggedPromise(capture);
    this.#waitResolve = captured;
    captured = null;
    return wait;
  }

  #completeNow(clause: Matched, msg: unknown): Promise<unknown> {
    this.#reductions++;
    if (mayRunNow(this)) {
      if (nested < maxNested) {
        nested++;
        try {
          return runBody(clause, msg);
        } finally {
          nested--;
        }
      }
      // Deep in bodies run inside their receive calls (a recursive loop going through queued
      // messages): this one runs in a microtask, on a fresh stack.
      const later = untaggedPromise(resolveNow).then(() => this.#bodyLater(clause, msg));
      trackTail(later);
      return later;
    }
    // Over this turn's budget: go on next turn so I/O gets its chance.
    this.#matched = clause;
    const wait = this.#newWait();
    defer(this, msg, isAfter(clause));
    return (this.#waitPromise = bodyPromise(wait));
  }

  /** A body {@link #completeNow} put off to a microtask: it runs unless the process died. */
  #bodyLater(clause: Matched, msg: unknown): unknown {
    userCode();
    if (this.#status === Status.Exited) throw new ProcessExited(this.#exitReason);
    return bodyOf(clause, msg);
  }

  /** tail.ts counts {@link headWarning} chains this process is in the middle of. */
  tailWarning(): void {
    const text =
      `Process ${this.pid.toString()} is in the middle of ${headWarning} calls whose results ` +
      'it awaits: a recursive loop that is not tail recursive (`return await loop(...)`, ' +
      '`return await receive(...)`) keeps every level. Return the call itself ' +
      '(`return loop(...)`, `return receive(...)`): see docs/matching.md, "Loops".\n';
    log({ level: 'warning', text, meta: { pid: this.pid, time: new Date() } });
  }

  #timedOut(clause: AfterClause): void {
    if (this.#status !== Status.Waiting) return;
    this.#waitTimer = null;
    // What a bodiless after gives; a body (applyMatched) ignores it.
    this.#wake(clause, 'timeout');
  }

  #cancelWaitTimer(): void {
    getClock().clearTimer(this.#waitTimer);
    this.#waitTimer = null;
  }

  /** Ends the wait: `clause` took `msg` (or the after clause fired). Resolves now or next turn. */
  #wake(clause: Matched, msg: unknown): void {
    this.#status = Status.Runnable;
    this.#waitClauses = null;
    this.#matched = clause;
    if (mayRunNow(this)) this.resume(msg);
    else defer(this, msg, isAfter(clause));
  }

  /** Resolves the wait with `msg` (called at once, or by the scheduler next turn). */
  resume(msg: unknown): void {
    const resolve = this.#waitResolve;
    this.#waitResolve = null;
    this.#waitPromise = null;
    if (resolve !== null && this.#status !== Status.Exited) {
      this.#reductions++;
      resolve(msg);
    }
  }

  /** The clause that took the message the wait resolved with, once. */
  takeMatched(): Matched | null {
    const clause = this.#matched;
    this.#matched = null;
    return clause;
  }

  // ---- life and death ------------------------------------------------------

  /** Runs the process's function for the first time (called by the scheduler). */
  start(fn: unknown, args: readonly unknown[]): void {
    if (this.#status === Status.Exited) return; // Killed before it ever ran.
    runAs(this, () => {
      let result: unknown;
      try {
        result = (fn as (...a: readonly unknown[]) => unknown)(...args);
      } catch (error) {
        processFailed(this, error);
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
        this.terminate('normal', result);
      }
    });
  }

  /**
   * Ends this process with `reason`, at once: its waiting receive is rejected, timers and
   * blocking calls released, name freed, mailbox dropped, owned resources closed, links and
   * monitors fired.
   */
  terminate(reason: unknown, value?: unknown): void {
    if (this.#status === Status.Exited) return;
    this.#status = Status.Exited;
    this.#exitReason = reason;
    table.delete(this.pid.serial);
    this.pid._process = null;
    if (this.#name !== null) names.delete(this.#name);
    this.#box = null;
    const resolve = this.#waitResolve;
    if (this.#waitTimer !== null) this.#cancelWaitTimer();
    this.#waitClauses = null;
    this.#waitResolve = null;
    this.#matched = null;
    this.#dictionary = null;
    this.dictionarySeed = null;
    if (this.#monitors !== null) {
      for (const [ref, target] of this.#monitors) {
        if (target instanceof Process) target.#monitoredBy?.delete(ref);
        else distribution?.demonitor(this.pid, target.target, target.node, ref);
      }
      this.#monitors = null;
    }
    const held = this.#resources;
    const blocker = this.#blocker;
    this.#resources = null;
    this.#blocker = null;
    if (blocker !== null) release(this, blocker, reason);
    if (held instanceof Set) for (const resource of held) release(this, resource, reason);
    else if (held !== null) release(this, held, reason);
    const monitoredBy = this.#monitoredBy;
    this.#monitoredBy = null;
    if (monitoredBy !== null) {
      for (const [ref, { watcher, item }] of monitoredBy) {
        if (!(watcher instanceof Process)) {
          distribution?.monitorExit(item as Pid | string, watcher, ref, reason);
          continue;
        }
        watcher.#monitors?.delete(ref);
        if (ref._alias === watcher) watcher.#monitorEnded(ref);
        watcher.offer(['DOWN', ref, 'process', item, reason]);
      }
    }
    const links = this.#links;
    this.#links = null;
    if (links !== null) {
      // A dying process's exit signal to its links carries its exit reason;
      // `kill` from exit/2 arrives at the links as `killed`.
      for (const linked of links) {
        if (linked instanceof Process) {
          linked.#links?.delete(this);
          sendExitSignal(linked, this.pid, reason, true);
        } else {
          distribution?.exit(this.pid, linked, reason, true);
        }
      }
    }
    const listeners = this.#exitListeners;
    this.#exitListeners = null;
    if (listeners !== null) for (const listener of listeners) listener(reason, value);
    if (simulator !== null) simulator.exited(this, reason);
    // Rejects the receive it waited in, so its function unwinds (see #waitPromise).
    if (resolve !== null) {
      // A receive not awaited yet (`const p = receive(); await other; await p`)
      // must not become an unhandled rejection.
      this.#waitPromise?.catch(ignore);
      this.#waitPromise = null;
      resolve(Promise.reject(new ProcessExited(reason)));
    }
  }

  /** Applies an exit signal with Erlang's rules (see {@link sendExitSignal}). */
  #exitSignal(from: Pid, reason: unknown, linked: boolean): void {
    if (this.#status === Status.Exited) return;
    if (reason === 'kill' && !linked) {
      this.terminate('killed');
    } else if (this.#trapExit) {
      this.offer(['EXIT', from, reason]);
    } else if (reason === 'normal') {
      if (!linked && from === this.pid) this.terminate('normal');
    } else {
      this.terminate(reason);
    }
  }

  // ---- links and monitors --------------------------------------------------

  /** Links this process and `other` (both alive). */
  link(other: Process): void {
    if (other === this) return;
    (this.#links ??= new Set()).add(other);
    (other.#links ??= new Set()).add(this);
  }

  /** Removes the link with `other`, if there is one. */
  unlink(other: Process): void {
    this.#links?.delete(other);
    other.#links?.delete(this);
  }

  /**
   * Monitors `target` under `ref`; `item` is what the DOWN message names. A target that is gone
   * gives a `noproc` DOWN at once.
   */
  monitor(target: Process | null, item: unknown, ref: Ref): void {
    if (target === null || target.#status === Status.Exited) {
      noprocDowns.add(ref);
      if (ref._alias === this) this.#monitorEnded(ref);
      this.offer(['DOWN', ref, 'process', item, 'noproc']);
      return;
    }
    (this.#monitors ??= new Map()).set(ref, target);
    (target.#monitoredBy ??= new Map()).set(ref, { watcher: this, item });
  }

  /** Removes a monitor this process holds; whether it was active. */
  demonitor(ref: Ref): boolean {
    if (ref._alias === this) this.#monitorEnded(ref);
    const monitors = this.#monitors;
    const target = monitors?.get(ref);
    if (monitors == null || target === undefined) return false;
    monitors.delete(ref);
    // An empty table goes: a process that monitored once (a start, a call) keeps none.
    if (monitors.size === 0) this.#monitors = null;
    if (!(target instanceof Process)) {
      distribution?.demonitor(this.pid, target.target, target.node, ref);
      return true;
    }
    const watchers = target.#monitoredBy;
    if (watchers !== null) {
      watchers.delete(ref);
      if (watchers.size === 0) target.#monitoredBy = null;
    }
    return true;
  }

  // ---- links and monitors with processes of other nodes ---------------------

  /** Whether this process is linked to the process of another node `pid`. */
  linkedTo(pid: Pid): boolean {
    return this.#links?.has(pid) ?? false;
  }

  /** Links this process to the process of another node `pid` (this side of the link only). */
  linkRemote(pid: Pid): void {
    (this.#links ??= new Set()).add(pid);
  }

  /** Removes this side of a link with the process of another node; whether there was one. */
  unlinkRemote(pid: Pid): boolean {
    return this.#links?.delete(pid) ?? false;
  }

  /** Records a monitor this process holds on `target` of another node, under `ref`. */
  monitorRemote(ref: Ref, monitor: RemoteMonitor): void {
    (this.#monitors ??= new Map()).set(ref, monitor);
  }

  /**
   * A monitor on another node's process fired: its DOWN, with `reason`, if this process still
   * holds the monitor (else nothing: it was removed, or the process is dying).
   */
  remoteDown(ref: Ref, reason: unknown): void {
    const monitor = this.#monitors?.get(ref);
    if (monitor === undefined || monitor instanceof Process) return;
    this.#monitors!.delete(ref);
    if (ref._alias === this) this.#monitorEnded(ref);
    this.offer(['DOWN', ref, 'process', monitor.item, reason]);
  }

  /**
   * A process of another node (`watcher`) monitors this one under `ref`; the DOWN will name
   * `item`. Whether it took: false if this process has exited (the caller answers `noproc`).
   */
  watchedBy(watcher: Pid, ref: Ref, item: unknown): boolean {
    if (this.#status === Status.Exited) return false;
    (this.#monitoredBy ??= new Map()).set(ref, { watcher, item });
    return true;
  }

  /** A process of another node removed its monitor `ref` of this process. */
  unwatched(ref: Ref): void {
    const watchers = this.#monitoredBy;
    if (watchers === null) return;
    watchers.delete(ref);
    if (watchers.size === 0) this.#monitoredBy = null;
  }

  /**
   * The connection to `node` is gone: links with its processes break with `noconnection`, the
   * monitors this process holds there fire `noconnection` DOWNs, and its processes' monitors of
   * this one are dropped.
   */
  nodeDown(node: string): void {
    if (this.#status === Status.Exited) return;
    const monitoredBy = this.#monitoredBy;
    if (monitoredBy !== null) {
      for (const [ref, { watcher }] of monitoredBy) {
        if (!(watcher instanceof Process) && nodeOf(watcher) === node) monitoredBy.delete(ref);
      }
    }
    const monitors = this.#monitors;
    if (monitors !== null) {
      for (const [ref, target] of monitors) {
        if (!(target instanceof Process) && target.node === node) this.remoteDown(ref, 'noconnection');
      }
    }
    const links = this.#links;
    if (links !== null) {
      for (const linked of links) {
        if (linked instanceof Process || nodeOf(linked) !== node) continue;
        links.delete(linked);
        sendExitSignal(this, linked, 'noconnection', true);
      }
    }
  }

  /** Whether this process has links or monitors with processes of `node`. */
  touches(node: string): boolean {
    for (const linked of this.#links ?? [])
      if (!(linked instanceof Process) && nodeOf(linked) === node) return true;
    for (const target of this.#monitors?.values() ?? [])
      if (!(target instanceof Process) && target.node === node) return true;
    for (const { watcher } of this.#monitoredBy?.values() ?? []) {
      if (!(watcher instanceof Process) && nodeOf(watcher) === node) return true;
    }
    return false;
  }

  // ---- aliases -------------------------------------------------------------

  /** Makes `ref` an alias of this process until `mode` says it ends (erlang:alias/1). */
  addAlias(ref: Ref, mode: AliasMode): void {
    ref._alias = this;
    ref._aliasMode = mode;
  }

  /** Deactivates the alias `ref`; whether it was an active alias of this process. */
  removeAlias(ref: Ref): boolean {
    if (ref._alias !== this) return false;
    ref._alias = null;
    return true;
  }

  /** The monitor `ref` fired or was removed: an alias made with it for that ends too. */
  #monitorEnded(ref: Ref): void {
    const mode = ref._aliasMode;
    if (mode === 'demonitor' || mode === 'reply_demonitor') ref._alias = null;
  }

  /** A message arrives through the alias `ref`: a `reply_demonitor` alias ends with it. */
  aliasUsed(ref: Ref): void {
    if (ref._aliasMode === 'reply_demonitor') {
      ref._alias = null;
      this.demonitor(ref);
    }
  }

  // ---- names ---------------------------------------------------------------

  /** Registers this process as `name`; the caller has checked the name is free. */
  register(name: string): void {
    names.set(name, this);
    this.#name = name;
  }

  /** Drops this process's name. */
  unregister(): void {
    if (this.#name !== null) names.delete(this.#name);
    this.#name = null;
  }

  /** Applies an exit signal: the static form, for the work list. */
  static signal(target: Process, from: Pid, reason: unknown, linked: boolean): void {
    target.#exitSignal(from, reason, linked);
  }
}

/** A monitor of a process of another node: where it is, and what its DOWN names. */
export interface RemoteMonitor {
  /** The DOWN's item: the pid, or `[Name, Node]`. */
  readonly item: unknown;
  /** The monitored pid, or its registered name. */
  readonly target: Pid | string;
  /** The node it is on. */
  readonly node: string;
}

/** Makes the entries a process's dictionary starts with from its seed (set by a library). */
let dictionarySeeder: ((seed: unknown) => Iterable<[unknown, unknown]>) | null = null;

/** Installs the function that makes dictionary entries from a process's seed (proc_lib's). */
export function setDictionarySeeder(seeder: (seed: unknown) => Iterable<[unknown, unknown]>): void {
  dictionarySeeder = seeder;
}

/** What {@link Process.takeNext} gives when no message can be taken now. */
export const noMessage: unique symbol = Symbol('no message');

/**
 * What deactivates an alias, as erlang:alias/1 and monitor/3's `{alias, Mode}` name it:
 * `explicit_unalias` only unalias/1; `demonitor` also the end of the monitor made with it (its
 * DOWN or demonitor); `reply_demonitor` also the first message that arrives through it.
 */
export type AliasMode = 'explicit_unalias' | 'demonitor' | 'reply_demonitor';

/**
 * The process the active alias `ref` names, or null (a message to it is dropped). An alias of
 * a process that has exited is inactive: it needs no cleaning up at the death.
 */
export function aliasTarget(ref: Ref): Process | null {
  const proc = ref._alias as Process | null;
  if (proc === null || !proc.alive) return null;
  proc.aliasUsed(ref);
  return proc;
}

/** Whether `ref` was made an alias at some time (by alias/1 or monitor/3), active or not. */
export function isAlias(ref: Ref): boolean {
  return ref._aliasMode !== null;
}

/**
 * Refs whose `noproc` DOWN was queued by monitor() itself. In Erlang that DOWN
 * is a signal still in flight when monitor returns, and a demonitor right
 * after cancels it: demonitor removes these even without `flush`.
 */
export const noprocDowns = new WeakSet<Ref>();

/**
 * What the clause that took `msg` gives: its body's result, or the message (`'timeout'` for a
 * bodiless after). A body that gives a promise is the next level of a loop through receive:
 * tail calls are followed from then on (context.ts).
 */
function bodyOf(clause: Matched, msg: unknown): unknown {
  let result: unknown;
  if (isAfter(clause)) result = clause.body === null ? 'timeout' : clause.body();
  else result = clause.body === null ? msg : clause.body(msg);
  if (result instanceof Promise && !tailCallsOn()) needTailCalls();
  return result;
}

/** Body of a clause that matched at once, run as the caller (it is the caller's own code). */
function runBody(clause: Matched, msg: unknown): Promise<unknown> {
  let result: unknown;
  try {
    result = bodyOf(clause, msg);
  } catch (error) {
    // Whatever the body threw, Error or Erlang term, is what the await rethrows.
    return Promise.reject(error);
  }
  // A promise (the next level of a loop, an async body) is adopted by one of this receive's
  // own, as a waiting receive's promise adopts it: tail.ts sees both paths alike.
  if (result instanceof Promise) return new Promise((resolve) => resolve(result));
  return Promise.resolve(result);
}

/** The promise a receive with clause bodies returns: tracked for tail calls (tail.ts). */
function bodyPromise(wait: Promise<unknown>): Promise<unknown> {
  const promise = wait.then(applyMatched);
  trackTail(promise);
  return promise;
}

/**
 * Chained on a wait promise while its process runs, so it runs as that process (context.ts)
 * and calls the clause `offer` recorded.
 */
function applyMatched(msg: unknown): unknown {
  userCode();
  const clause = self().takeMatched();
  return clause === null ? msg : bodyOf(clause, msg);
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

// ---------------------------------------------------------------------------
// The caller

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
  proc.mayAct();
  return proc;
}

/** A dead process's code may not act; outside any process there is nothing to check. */
export function liveSelfIfAny(): void {
  (currentOwner() as Process | null)?.mayAct();
}

/** The process behind a handle: every handle the runtime gives out is a {@link Process}. */
export function processBehind(handle: ProcessHandle): Process {
  if (handle instanceof Process) return handle;
  throw new TypeError('erlts: not a process handle of this runtime');
}

/** The live process behind `pid`, or null if it has exited. */
export function processOf(pid: Pid): Process | null {
  return pid._process as Process | null;
}

/** Every live process, oldest first. */
export function allProcesses(): IterableIterator<Process> {
  return table.values();
}

// ---------------------------------------------------------------------------
// Spawning and ending

/**
 * Result handlers for a process's function. They are chained on its promise while it runs as
 * itself, so they run as the process too (context.ts) and need no closure per process.
 */
function processReturned(value: unknown): void {
  (currentOwner() as Process).terminate('normal', value);
}

function processThrew(error: unknown): void {
  processFailed(currentOwner() as Process, error);
}

/** Ends `proc` for an exception that escaped its code, with a crash report where Erlang gives one. */
function processFailed(proc: Process, error: unknown): void {
  if (!proc.alive) return; // Unwound after death: nothing to do.
  const handler = proc.onFailure;
  if (handler !== null && !(error instanceof ProcessExited)) {
    try {
      error = handler(error);
    } catch (e) {
      error = e;
    }
    if (!proc.alive) return;
    const { reason } = exitReasonOf(error);
    proc.terminate(reason);
    return;
  }
  const { reason, report } = exitReasonOf(error);
  if (report) reportCrash(proc.pid, reason);
  else if (reason !== 'normal' && reason !== 'shutdown' && !proc.observed) {
    // exit(R) nobody is linked to or monitoring: tell a person (docs/DEVIATIONS.md).
    reportCrash(proc.pid, reason);
  }
  proc.terminate(reason);
}

/** Erlang's exit reason for an exception escaping a process, and whether to report it. */
/** The ErlangError each `{Reason, Stack}` exit reason was made from, for {@link raisedError}. */
const raisedBy = new WeakMap<object, Error>();

/**
 * The ErlangError whose escape from a process made the exit reason `reason`, if it was one: the
 * reason keeps only its Erlang reason, and `run`'s ExitError names the error's message too.
 */
export function raisedError(reason: unknown): Error | undefined {
  return typeof reason === 'object' && reason !== null ? raisedBy.get(reason) : undefined;
}

/**
 * A caught exception as Erlang's try sees it: its class, its reason (what `catch Class:Reason`
 * binds: a JS exception is its own reason, of class error) and its stack.
 */
export function caughtException(error: unknown): {
  class: 'error' | 'exit' | 'throw';
  reason: unknown;
  stack: List;
} {
  if (ExitException.is(error) || error instanceof ProcessExited) {
    return { class: 'exit', reason: error.reason, stack: stackTerm(error) };
  }
  if (ThrownValue.is(error)) return { class: 'throw', reason: error.value, stack: stackTerm(error) };
  if (ErlangError.is(error)) return { class: 'error', reason: error.reason, stack: stackTerm(error) };
  return { class: 'error', reason: error, stack: stackTerm(error) };
}

function exitReasonOf(error: unknown): { reason: unknown; report: boolean } {
  if (ExitException.is(error)) return { reason: error.reason, report: false };
  if (error instanceof ProcessExited) return { reason: error.reason, report: false };
  if (ErlangError.is(error)) {
    const reason = [error.reason, stackTerm(error)];
    // erlang:error(Reason)'s own message only repeats the reason.
    if (error.message !== `erlang error: ${describe(error.reason)}`) raisedBy.set(reason, error);
    return { reason, report: true };
  }
  if (ThrownValue.is(error)) {
    return { reason: [['nocatch', error.value], stackTerm(error)], report: true };
  }
  return { reason: [error, stackTerm(error)], report: true };
}

/** This folder: frames in the runtime's own files are left out of stacks, but for the top one. */
const runtimeDir = dirname(fileURLToPath(import.meta.url));
/** Folders of library modules (proc_lib, the behaviours) whose frames stacks leave out too. */
const hiddenDirs: string[] = [];

/** Leaves the frames of files in `dir` out of exception stacks, as the runtime's own. */
export function hideFramesFrom(dir: string): void {
  if (!hiddenDirs.includes(dir)) hiddenDirs.push(dir);
}

/** Frames put before an error's own stack (see {@link setStackHead}). */
const stackHeads = new WeakMap<object, unknown>();

/**
 * Makes `frame` the top of `error`'s stack wherever the runtime reads it (exit reasons, caught
 * exceptions): an `undef` a library raises for a missing callback then starts with the missing
 * function's `{Mod, Fun, Args, []}`, as an Erlang stack does.
 */
export function setStackHead(error: object, frame: unknown): void {
  stackHeads.set(error, frame);
}

/** A JS stack as an Erlang-style list of `{Module, Function, Arity, Location}`. */
function stackTerm(error: unknown): List {
  let stack = '';
  try {
    if (error instanceof Error && typeof error.stack === 'string') stack = error.stack;
  } catch {
    // V8 formats the stack when it is first read, with the error's own name and message getters:
    // one of them throwing leaves the stack out, not the process's end unreported.
  }
  const frames = new List<unknown>();
  const head = typeof error === 'object' && error !== null ? stackHeads.get(error) : undefined;
  if (head !== undefined) frames.push(head);
  for (const line of stack.split('\n')) {
    const m = /^\s+at (?:async )?(?:(.+?) \()?(.+?):(\d+):\d+\)?$/.exec(line);
    if (m === null) continue;
    const file = (m[2] ?? '').replace(/^file:\/\//, '');
    if (file.startsWith('node:')) continue;
    if (frames.length > 0 && file.startsWith(runtimeDir)) continue;
    if (hiddenDirs.some((dir) => file.startsWith(dir))) continue;
    const base = file.replace(/^.*\//, '').replace(/\.[cm]?[jt]s$/, '');
    frames.push([base, m[1] ?? 'anonymous', 0, list(['file', file], ['line', Number(m[3])])]);
    if (frames.length >= 8) break;
  }
  return frames;
}

/**
 * Makes a process running `fn(...args)`. It starts on a later turn, as in Erlang, where the
 * spawner always goes on first.
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
  if (simulator !== null) simulator.adopt(proc);
  setup?.(proc);
  scheduleStart(proc, fn, args);
  return proc;
}

// A promise a live process made was rejected and nobody handled it: in Erlang a failure inside
// a process ends that process only, so it ends the process (with a crash report), not Node.
// (A listener may see one rejection twice: mocha, for one, re-emits what it catches.)
const rejectionsSeen = new WeakSet<Promise<unknown>>();
process.on('unhandledRejection', (reason: unknown, promise: Promise<unknown>) => {
  const owner = rejectionOwner(promise) as Process | null;
  if (owner !== null) {
    if (rejectionsSeen.has(promise)) return;
    rejectionsSeen.add(promise);
    if (owner.alive) processFailed(owner, reason);
    else if (!(reason instanceof ProcessExited)) reportCrash(owner.pid, ['unhandled_rejection', reason]);
    return;
  }
  // Not a process's promise: Node's own rule, which this listener would otherwise switch off.
  if (process.listenerCount('unhandledRejection') === 1 && throwsOnUnhandled()) {
    throw reason instanceof Error ? reason : unhandledError(reason);
  }
});

/** Whether Node's `--unhandled-rejections` mode (default `throw`) ends the process. */
function throwsOnUnhandled(): boolean {
  const mode = nodeFlags()
    .filter((f) => f.startsWith('--unhandled-rejections='))
    .map((f) => f.slice('--unhandled-rejections='.length))
    .pop();
  return mode === undefined || mode === 'throw' || mode === 'strict';
}

function unhandledError(reason: unknown): Error {
  const error = new Error(
    'This error originated either by throwing inside of an async function without a catch block, ' +
      'or by rejecting a promise which was not handled with .catch(). The promise rejected with ' +
      `the reason "${describe(reason)}".`,
  );
  error.name = 'UnhandledPromiseRejection';
  return error;
}

// ---------------------------------------------------------------------------
// Exit signals

interface Signal {
  readonly target: Process;
  readonly from: Pid;
  readonly reason: unknown;
  /** True for a signal from a link (a process died), false for exit/2. */
  readonly linked: boolean;
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
    while (next < pendingSignals.length) {
      const s = pendingSignals[next++] as Signal;
      Process.signal(s.target, s.from, s.reason, s.linked);
    }
  } finally {
    pendingSignals.splice(0, next);
    drainingSignals = false;
  }
}

// ---------------------------------------------------------------------------
// Messages and names

/** Resolves a send destination: a Pid (alive or not) or a registered name. */
export function destination(dest: unknown, caller: string): Process | null {
  if (dest instanceof Pid) return processOf(dest);
  if (typeof dest === 'string') {
    const proc = names.get(dest);
    if (proc === undefined) badarg(caller, `no process is registered as ${describe(dest)}`);
    return proc;
  }
  if (Array.isArray(dest) && dest.length === 2 && typeof dest[0] === 'string' && dest[1] === thisNodeName()) {
    return names.get(dest[0]) ?? null;
  }
  return badarg(caller, `the destination must be a pid or a registered name, got ${describe(dest)}`);
}

/** The process registered as `name`, if any. */
export function processNamed(name: string): Process | null {
  return names.get(name) ?? null;
}

/** Every registered name. */
export function registeredNames(): IterableIterator<string> {
  return names.keys();
}
