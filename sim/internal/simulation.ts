/**
 * One simulated run: the runtime's scheduler, clock and message delivery, taken over for the
 * processes of one scenario (sim-hooks.ts says where).
 *
 * Its processes never run at the same time. A process that may run is a task in `ready`; at each
 * step the strategy picks one task, and that process runs until it gives its turn up (it waits
 * in a receive or a blocking socket call, takes a queued message, or exits). Only then is the next
 * one picked:
 *
 *   ready tasks ─pick (strategy, faults)─▶ running ─waits / yields / exits─▶ pick again
 *        ▲                                                                      │
 *        └── nothing ready: I/O that came in, else time jumps to the next timer ◀┘
 *
 * Virtual time moves only when every process waits and the I/O of the simulation's sockets has
 * settled: a process never runs slow, and a timer never fires while someone could still act.
 */
import {
  type Clock,
  type IoGate,
  type Pid,
  type Process,
  type RunKind,
  type Simulator,
  ExitError,
  currentOwner,
  describe,
  outsideProcesses,
  processNamed,
  sendExitSignal,
  setSimulator,
  shellProcess,
  simulator,
  spawnProcess,
  systemClock,
} from '../../runtime/internal/sim-api.js';
import { Random } from './random.js';
import {
  type Chaos,
  type Fault,
  type ProcessSelector,
  type Schedule,
  type StepFault,
  faultWords,
  timerBase,
} from './schedule.js';
import { type EventKind, type Naming, Renderer, Trace, type TraceEvent } from './trace.js';
import { VirtualClock } from './virtual-clock.js';
import type { Strategy } from './strategy.js';

/** A process that may run, a held message that may be delivered, or a due timer that may fire. */
interface Task {
  /** The process it runs or delivers to; null for a timer. */
  readonly proc: Process | null;
  /** Its number in the schedule: the process's, minus the receiver's, or {@link timerBase} + the timer's. */
  readonly id: number;
  readonly kind: RunKind | 'deliver' | 'timer';
  /** What runs it; null: resume the process with `what`. */
  readonly run: (() => void) | null;
  readonly what: unknown;
}

/** Messages from one process to another that a fault delayed or held, in their order. */
interface Held {
  readonly from: number;
  readonly to: Process;
  readonly queue: { readonly msg: unknown; readonly due: number }[];
  /** Whether a delivery task or a timer for the head is out. */
  armed: boolean;
}

/** Why a run failed. */
export type FailureKind = 'crash' | 'deadlock' | 'step-limit' | 'time-limit' | 'stalled' | 'diverged';

/** How a run ended: the scenario's value, or why it failed. */
export interface RunOutcome {
  readonly ok: boolean;
  readonly value: unknown;
  readonly kind: FailureKind | null;
  /** The scenario's exit reason (crash), or the failure in words. */
  readonly reason: unknown;
  readonly message: string;
  readonly seed: number;
  readonly steps: number;
  readonly virtualMs: number;
  readonly trace: Trace;
  readonly schedule: Schedule;
  /** At each step: the numbers of the tasks that were ready (when asked for). */
  readonly readySets: readonly (readonly number[])[] | null;
  /** The error a crash was raised with, if there was one. */
  readonly error: unknown;
}

/** What one run is told. */
export interface RunOptions {
  readonly seed: number;
  readonly strategy: Strategy;
  readonly faults: readonly Fault[];
  readonly chaos: Chaos | null;
  readonly maxSteps: number;
  readonly maxTime: number;
  readonly traceLimit: number;
  readonly stallMs: number;
  readonly failOnCrash: boolean;
  readonly recordReady: boolean;
}

/** Steps run one after the other in microtasks before the run lets Node's event loop turn. */
const batch = 1000;
/** Event-loop turns with no I/O before a run with sockets takes its I/O as settled. */
const quietTurns = 3;
/** How often the stall watch looks (real ms). */
const watchEvery = 250;

const streamSchedule = 1;
const streamFaults = 2;
const streamUser = 3;

export class Simulation implements Simulator {
  readonly #options: RunOptions;
  readonly #clock = new VirtualClock();
  readonly #faultRandom: Random;
  readonly #userRandom: Random;
  /** The simulation's processes and their numbers (1: the scenario's own). */
  readonly #ids = new Map<Process, number>();
  readonly #procs: Process[] = [];
  readonly #bySerial = new Map<number, number>();
  readonly #labels: string[] = [];
  #ready: Task[] = [];
  /** The ready tasks' numbers at a step, one array for every step (when they are not recorded). */
  readonly #idsBuffer: number[] = [];
  readonly #oneId: number[] = [0];
  #running: Process | null = null;
  /** A task chosen when a step ended, to run from the loop (see stopped). */
  #chosen: Task | null = null;
  #step = 0;
  /** The step events are put at while a fault strikes before its step. */
  #eventStep: number | null = null;
  #last = 0;
  readonly #choices: number[] = [];
  readonly #readySets: number[][] | null;
  readonly #struck: Fault[] = [];
  readonly #stepFaults = new Map<number, StepFault[]>();
  readonly #sendFaults = new Map<number, Fault>();
  #sends = 0;
  readonly #held = new Map<string, Held>();
  /**
   * The trace's last `traceLimit` events, flat ({@link eventSlots} slots each: no object per event
   * while the run goes on), in a ring: event i is at slot (i % traceLimit) * eventSlots.
   */
  readonly #events: unknown[] = [];
  /** Events recorded so far. */
  #eventCount = 0;
  #external: { readonly key: number; readonly seq: number; readonly fn: () => void }[] = [];
  /** The simulation's connected sockets (the gates of its streams), by their number in the trace. */
  readonly #sockets: { readonly gate: IoGate; readonly opener: number }[] = [];
  /** Handles whose input a fault holds back: until this virtual time. */
  readonly #ioHeld = new Map<number, number>();
  /** Handles whose input a fault takes one event at a time: every so many virtual ms. */
  readonly #ioSlow = new Map<number, number>();
  #ioSeq = 0;
  #gates = 0;
  /** Whether a process of the simulation sent to one outside it. */
  #outside = false;
  #idleTurns = 0;
  #batchLeft = batch;
  #pickQueued = false;
  #dispatching = false;
  #adoptNext = false;
  #root: Process | null = null;
  #rootEnd: { readonly reason: unknown; readonly value: unknown } | null = null;
  #failure: { kind: FailureKind; reason: unknown; message: string; error?: unknown } | null = null;
  #over = false;
  #watch: unknown = null;
  #watchStep = -1;
  #stalledFor = 0;
  #resolve: (outcome: RunOutcome) => void = () => undefined;

  constructor(options: RunOptions) {
    this.#options = options;
    this.#faultRandom = new Random(options.seed, streamFaults);
    this.#userRandom = new Random(options.seed, streamUser);
    this.#readySets = options.recordReady ? [] : null;
    for (const f of options.faults) {
      if ('step' in f) {
        const list = this.#stepFaults.get(f.step) ?? [];
        list.push(f);
        this.#stepFaults.set(f.step, list);
      } else {
        this.#sendFaults.set(f.send, f);
      }
    }
  }

  /** The generator a strategy draws its choices from. */
  static scheduleRandom(seed: number): Random {
    return new Random(seed, streamSchedule);
  }

  get active(): boolean {
    return !this.#over;
  }

  /**
   * Runs `fn` as the scenario's process, to its end and the end of the run.
   * @returns how the run ended (never rejects)
   */
  run(fn: (...args: never[]) => unknown): Promise<RunOutcome> {
    if (simulator !== null) {
      return Promise.reject(
        new Error('erlts/sim: a simulation is running already; run them one after the other'),
      );
    }
    return new Promise<RunOutcome>((resolve) => {
      this.#resolve = resolve;
      setSimulator(this);
      this.#adoptNext = true;
      try {
        this.#root = spawnProcess(fn, [], 'erlts/sim:simulate/2', (proc) =>
          proc.onExit((reason, value) => {
            this.#rootEnd = { reason, value };
          }),
        );
      } catch (error) {
        setSimulator(null);
        throw error;
      } finally {
        this.#adoptNext = false;
      }
      this.#armWatch();
      this.#schedulePick();
    });
  }

  // ---- what the runtime tells the simulation (Simulator) -------------------

  owns(proc: Process): boolean {
    return this.#ids.has(proc);
  }

  adopt(proc: Process): void {
    if (this.#over) return;
    const parent = currentOwner() as Process | null;
    const parentId = parent === null ? undefined : this.#ids.get(parent);
    if (!this.#adoptNext && !this.#dispatching && parentId === undefined) return;
    const id = this.#procs.push(proc);
    this.#ids.set(proc, id);
    this.#bySerial.set(proc.pid.serial, id);
    const entry = proc.entry;
    this.#labels.push(entry === null ? 'shell' : entry.name || 'anonymous');
    this.#options.strategy.joined?.(id);
    if (parentId !== undefined) this.#event(parentId, 'spawn', id);
  }

  runnable(proc: Process, kind: RunKind, run: (() => void) | null, what: unknown): void {
    const id = this.#ids.get(proc) as number;
    this.#ready.push({ proc, id, kind, run, what });
    if (proc === this.#running) this.#yield();
  }

  stopped(proc: Process): void {
    if (proc !== this.#running) return;
    this.#running = null;
    // The common step, a process waking with a message, only resolves a promise: it is picked and
    // run at once, inside the wait that ended the step before, with no microtask in between. The
    // choice is the same either way; anything else runs from the loop.
    if (this.#pickQueued || !this.#mayStepNow()) {
      this.#schedulePick();
      return;
    }
    this.#batchLeft--;
    const task = this.#choose();
    if (task !== null && task.run === null && task.kind !== 'deliver') this.#execute(task);
    else {
      this.#chosen = task;
      this.#schedulePick();
    }
  }

  /** Whether the next step is only a choice and a run: no fault, end, limit or turn of the event loop due. */
  #mayStepNow(): boolean {
    return (
      this.#ready.length > 0 &&
      this.#batchLeft > 1 &&
      this.#rootEnd === null &&
      this.#failure === null &&
      this.#step < this.#options.maxSteps &&
      this.#stepFaults.size === 0 &&
      this.#options.chaos === null
    );
  }

  exited(proc: Process, reason: unknown): void {
    const id = this.#ids.get(proc);
    if (id === undefined) return;
    this.#event(id, 'exit', reason);
    if (this.#ready.some((t) => t.proc === proc)) this.#ready = this.#ready.filter((t) => t.proc !== proc);
    if (
      this.#options.failOnCrash &&
      !this.#over &&
      proc !== this.#root &&
      this.#failure === null &&
      !isQuiet(reason)
    ) {
      this.#failure = {
        kind: 'crash',
        reason,
        message: `process <0.${id}.0> exited: ${this.#term(reason)}`,
      };
    }
    if (proc === this.#running) this.#yield();
  }

  send(from: Process, to: Process, msg: unknown): boolean {
    const fromId = this.#ids.get(from);
    const toId = this.#ids.get(to);
    if (fromId === undefined && toId === undefined) return false;
    const n = ++this.#sends;
    this.#event(fromId ?? 0, 'send', msg, toId ?? 0, n);
    // A process outside may answer: its reply is waited for as I/O is, before time moves on.
    if (toId === undefined) this.#outside = true;
    if (fromId === undefined || toId === undefined || this.#over) return false;
    if (this.#held.size === 0 && this.#sendFaults.size === 0 && this.#options.chaos === null) return false;
    const key = `${fromId}>${toId}`;
    const held = this.#held.get(key);
    if (held !== undefined) {
      // Erlang keeps the order of two messages from one process to another: behind the held one.
      held.queue.push({ msg, due: 0 });
      return true;
    }
    const fault = this.#sendFault(n);
    if (fault === null) return false;
    this.#struck.push(fault);
    if ('drop' in fault) {
      this.#event(fromId, 'drop', msg, toId);
      return true;
    }
    const h: Held = { from: fromId, to, queue: [], armed: false };
    this.#held.set(key, h);
    if ('delay' in fault) {
      h.queue.push({ msg, due: this.#clock.now() + fault.delay });
      this.#event(fromId, 'note', `${faultWords(fault)}: ${this.#term(msg)}`, toId);
    } else {
      h.queue.push({ msg, due: 0 });
      this.#event(fromId, 'hold', msg, toId);
    }
    this.#armHeld(key, h);
    return true;
  }

  clockFor(): Clock | null {
    if (this.#over) return null;
    if (this.#dispatching) return this.#clock;
    const owner = currentOwner() as Process | null;
    return owner !== null && this.#ids.has(owner) ? this.#clock : null;
  }

  gate(kind: 'stream' | 'handle' | 'poll'): IoGate {
    // A zero-timeout wait's next poll phase comes before any handle's I/O.
    if (kind === 'poll') return { sim: this, key: 0, fault: null };
    const gate: IoGate = { sim: this, key: ++this.#gates, fault: null };
    if (kind === 'stream') {
      const owner = currentOwner() as Process | null;
      const opener = (owner === null ? undefined : this.#ids.get(owner)) ?? 0;
      this.#sockets.push({ gate, opener });
      this.#event(opener, 'note', `socket #${this.#sockets.length} connected`);
    }
    return gate;
  }

  io(key: number, callback: () => void): void {
    this.#external.push({ key, seq: this.#ioSeq++, fn: callback });
  }

  random(): number {
    return this.#userRandom.float();
  }

  logged(pid: Pid, level: string, label: string | undefined, text: string): boolean {
    const id = this.#bySerial.get(pid.serial);
    if (id === undefined || this.#over) return false;
    // Cut when rendered, after the pids in it are renumbered: the runtime's serials vary in length.
    this.#event(
      id,
      'log',
      `${level}${label === undefined ? '' : ` ${label}`}: ${text.replace(/\s+/g, ' ').trim()}`,
    );
    return true;
  }

  // ---- the loop --------------------------------------------------------------

  /** The running process gave its turn up. */
  #yield(): void {
    this.#running = null;
    this.#schedulePick();
  }

  #schedulePick(): void {
    if (this.#pickQueued || this.#over) return;
    this.#pickQueued = true;
    if (--this.#batchLeft > 0) {
      queueMicrotask(this.#pick);
    } else {
      // Let Node's event loop turn (I/O, real timers, a test runner's timeout) now and then.
      this.#batchLeft = batch;
      outsideProcesses(() => setImmediate(this.#pick));
    }
  }

  #pick = (): void => {
    this.#pickQueued = false;
    if (this.#running !== null || this.#over) return;
    const chosen = this.#chosen;
    if (chosen !== null) {
      // Chosen when the step before ended, to run from here.
      this.#chosen = null;
      this.#execute(chosen);
      if (this.#running !== null || this.#pickQueued) return;
    }
    for (;;) {
      if (this.#rootEnd !== null || this.#failure !== null) {
        this.#finish();
        return;
      }
      if (this.#stepFaults.has(this.#step + 1)) {
        // A fault strikes when the run reaches its step, whether or not someone is ready then.
        this.#strikeAt(this.#step + 1);
        continue;
      }
      if (this.#ready.length > 0) {
        this.#idleTurns = 0;
        if ((this.#options.chaos?.kill ?? 0) > 0 || (this.#options.chaos?.socket ?? 0) > 0) {
          this.#chaos(this.#step + 1);
          if (this.#rootEnd !== null || this.#failure !== null || this.#ready.length === 0) continue;
        }
        this.#runStep();
        if (this.#running !== null || this.#pickQueued) return;
        continue;
      }
      if (this.#external.length > 0 && this.#takeIo() > 0) {
        this.#idleTurns = 0;
        continue;
      }
      if ((this.#gates > 0 || this.#outside) && this.#idleTurns < quietTurns) {
        // Sockets, processes outside: let Node's event loop turn until nothing comes in, then
        // take the I/O as settled.
        this.#idleTurns++;
        this.#pickQueued = true;
        outsideProcesses(() => setImmediate(this.#pick));
        return;
      }
      this.#idleTurns = 0;
      const due = this.#clock.nextDue();
      if (due === null) {
        this.#deadlock();
        continue;
      }
      if (due > this.#options.maxTime) {
        this.#fail('time-limit', `virtual time would pass the limit of ${this.#options.maxTime} ms`);
        continue;
      }
      // The timers due now may fire in any order, each a step: a message one of them causes may
      // arrive before the next fires (the default fires them all first, in arming order).
      for (const timer of this.#clock.takeDue()) {
        this.#ready.push({
          proc: null,
          id: timerBase + timer.seq,
          kind: 'timer',
          run: () => timer.fire(),
          what: null,
        });
      }
    }
  };

  /** Picks and runs one task. */
  #runStep(): void {
    if (this.#step >= this.#options.maxSteps) {
      this.#fail('step-limit', `the run did not end within ${this.#options.maxSteps} steps`);
      return;
    }
    const task = this.#choose();
    if (task !== null) this.#execute(task);
  }

  /** The strategy's choice of the next step's task, taken out of `ready` and recorded; null: a divergence. */
  #choose(): Task | null {
    const ready = this.#ready;
    let ids: number[];
    if (this.#readySets !== null) ids = ready.map(taskNumber);
    else if (ready.length === 1) {
      // The common case, one process ready: no array to fill.
      ids = this.#oneId;
      ids[0] = taskNumber(ready[0] as Task);
    } else {
      ids = this.#idsBuffer;
      ids.length = 0;
      for (let k = 0; k < ready.length; k++) ids.push(taskNumber(ready[k] as Task));
    }
    const i = this.#options.strategy.choose(ids, this.#step + 1, this.#last);
    if (i < 0 || i >= ready.length) {
      const want = this.#options.strategy.expected?.(this.#step + 1);
      this.#fail(
        'diverged',
        `the replay diverged at step ${this.#step + 1}: the schedule runs ${want === undefined ? 'nothing' : choiceText(want)} there, ` +
          `and ready were ${ids.map(choiceText).join(', ')} (code that reads Math.random, Date.now or real I/O?)`,
      );
      return null;
    }
    const task = ready[i] as Task;
    if (i === ready.length - 1) ready.pop();
    else ready.splice(i, 1);
    this.#readySets?.push(ids);
    this.#step++;
    this.#choices.push(ids[i] as number);
    this.#last = task.id;
    return task;
  }

  /** Runs the chosen task: a process runs until it gives its turn up; a held message is delivered. */
  #execute(task: Task): void {
    if (task.kind === 'deliver' || task.kind === 'timer') {
      this.#dispatch(task.run as () => void);
      return;
    }
    // Chosen when the step before ended, then killed before it ran (by a fault): nothing to run.
    if (!(task.proc as Process).alive) return;
    this.#event(task.id, eventOf[task.kind], task.kind === 'start' ? this.#labels[task.id - 1] : task.what);
    this.#running = task.proc;
    if (task.run === null) (task.proc as Process).resume(task.what);
    else task.run();
  }

  /** Applies the faults given for step `step` (before it runs). */
  #strikeAt(step: number): void {
    const faults = this.#stepFaults.get(step) ?? [];
    this.#stepFaults.delete(step);
    for (const f of faults) this.#strike(f);
  }

  /** Draws whether chaos strikes before step `step`: a kill, a socket fault, and whom. */
  #chaos(step: number): void {
    const chaos = this.#options.chaos as Chaos;
    const r = this.#faultRandom;
    if ((chaos.kill ?? 0) > 0 && r.float() < (chaos.kill as number)) {
      const victims = this.#procs.filter((proc) => proc.alive && proc !== this.#root);
      if (victims.length > 0) {
        const victim = victims[r.below(victims.length)] as Process;
        this.#strike({ step, kill: this.#ids.get(victim) as number });
      }
    }
    if ((chaos.socket ?? 0) > 0 && r.float() < (chaos.socket as number) && this.#sockets.length > 0) {
      const socket = 1 + r.below(this.#sockets.length);
      const ms = 1 + r.below(chaos.maxDelay ?? 1000);
      const kinds = ['close', 'reset', 'half_close', 'delay', 'slow'] as const;
      const kind = kinds[r.below(kinds.length)] as (typeof kinds)[number];
      if (kind === 'delay') this.#strike({ step, socket, delay: ms });
      else if (kind === 'slow') this.#strike({ step, socket, slow: Math.max(1, ms >> 4) });
      else this.#strike({ step, socket, fault: kind });
    }
  }

  #strike(f: StepFault): void {
    if ('socket' in f) {
      this.#strikeSocket(f);
      return;
    }
    const who = 'kill' in f ? f.kill : f.exit;
    const proc = this.#select(who);
    this.#struck.push(f);
    const id = proc === null ? 0 : (this.#ids.get(proc) as number);
    if (proc === null || !proc.alive) {
      this.#event(id, 'fault', `${faultWords(f)}: not alive`, undefined, undefined, f.step);
      return;
    }
    // What the fault does is part of the step it strikes before.
    this.#eventStep = f.step;
    try {
      this.#event(id, 'fault', faultWords(f));
      const reason = 'kill' in f ? 'kill' : f.reason;
      this.#dispatch(() => sendExitSignal(proc, shellProcess().pid, reason, false));
    } finally {
      this.#eventStep = null;
    }
  }

  #select(who: ProcessSelector): Process | null {
    if (typeof who === 'number') return this.#procs[who - 1] ?? null;
    const proc = processNamed(who);
    return proc !== null && this.#ids.has(proc) ? proc : null;
  }

  #sendFault(n: number): Fault | null {
    const given = this.#sendFaults.get(n);
    if (given !== undefined) return given;
    const chaos = this.#options.chaos;
    if (chaos === null) return null;
    const r = this.#faultRandom;
    if ((chaos.drop ?? 0) > 0 && r.float() < (chaos.drop as number)) return { send: n, drop: true };
    if ((chaos.delay ?? 0) > 0 && r.float() < (chaos.delay as number)) {
      return { send: n, delay: 1 + r.below(chaos.maxDelay ?? 1000) };
    }
    if ((chaos.hold ?? 0) > 0 && r.float() < (chaos.hold as number)) return { send: n, hold: true };
    return null;
  }

  /** Makes the head of a held pair deliverable: now (a task), or when its delay is over. */
  #armHeld(key: string, h: Held): void {
    const head = h.queue[0];
    if (head === undefined || h.armed) return;
    h.armed = true;
    const toId = this.#ids.get(h.to) as number;
    const task: Task = {
      proc: h.to,
      id: toId,
      kind: 'deliver',
      what: head.msg,
      run: () => {
        h.armed = false;
        h.queue.shift();
        this.#event(h.from, 'deliver', head.msg, toId);
        h.to.offer(head.msg);
        if (h.queue.length === 0) this.#held.delete(key);
        else this.#armHeld(key, h);
      },
    };
    if (head.due > this.#clock.now()) {
      this.#clock.setTimer(head.due - this.#clock.now(), () => {
        if (h.to.alive) this.#ready.push(task);
        else this.#held.delete(key);
      });
    } else {
      this.#ready.push(task);
    }
  }

  /** Runs the I/O callbacks that came in, a handle's in order, the handles in the order they were made. */
  #takeIo(): number {
    let events = this.#external;
    if (this.#ioHeld.size > 0 || this.#ioSlow.size > 0) {
      // Input a fault delays waits for its time; a slow reader's comes one event at a time.
      const now = this.#clock.now();
      const keep: typeof events = [];
      const take: typeof events = [];
      const slowTaken = new Set<number>();
      for (const e of events) {
        const until = this.#ioHeld.get(e.key);
        if (until !== undefined && until > now) keep.push(e);
        else if (this.#ioSlow.has(e.key) && slowTaken.has(e.key)) keep.push(e);
        else {
          take.push(e);
          const every = this.#ioSlow.get(e.key);
          if (every !== undefined) {
            slowTaken.add(e.key);
            this.#holdIo(e.key, now + every);
          }
        }
      }
      this.#external = keep;
      events = take;
    } else {
      this.#external = [];
    }
    events.sort((a, b) => a.key - b.key || a.seq - b.seq);
    for (const e of events) this.#dispatch(e.fn);
    return events.length;
  }

  /** Holds a handle's input until virtual time `until`, and makes time reach it. */
  #holdIo(key: number, until: number): void {
    this.#ioHeld.set(key, Math.max(until, this.#ioHeld.get(key) ?? 0));
    this.#clock.setTimer(until - this.#clock.now(), () => undefined);
  }

  #strikeSocket(f: Extract<StepFault, { readonly socket: number }>): void {
    this.#struck.push(f);
    const socket = this.#sockets[f.socket - 1];
    if (socket === undefined) {
      this.#event(0, 'fault', `${faultWords(f)}: no such socket`, undefined, undefined, f.step);
      return;
    }
    let done = true;
    if ('fault' in f) {
      const strike = socket.gate.fault;
      done = strike !== null && strike(f.fault);
    } else if ('delay' in f) {
      this.#holdIo(socket.gate.key, this.#clock.now() + f.delay);
    } else {
      this.#ioSlow.set(socket.gate.key, f.slow);
    }
    this.#event(
      socket.opener,
      'fault',
      done ? faultWords(f) : `${faultWords(f)}: closed`,
      undefined,
      undefined,
      f.step,
    );
  }

  /** Runs the simulation's own action `fn` (a timer, I/O, a fault) on its clock. */
  #dispatch(fn: () => void): void {
    const was = this.#dispatching;
    this.#dispatching = true;
    try {
      fn();
    } finally {
      this.#dispatching = was;
    }
  }

  #deadlock(): void {
    const waiting = this.#procs
      .filter((p) => p.alive)
      .map((p) => `<0.${this.#ids.get(p)}.0> ${this.#labels[(this.#ids.get(p) as number) - 1]}`);
    this.#fail('deadlock', `deadlock: every process waits and no timer is armed (${waiting.join(', ')})`);
  }

  #fail(kind: FailureKind, message: string): void {
    if (this.#failure !== null) return;
    this.#failure = { kind, reason: kind, message };
    this.#event(0, 'note', message);
  }

  #armWatch(): void {
    const look = (): void => {
      if (this.#over) return;
      if (this.#running !== null && this.#step === this.#watchStep) {
        this.#stalledFor += watchEvery;
        if (this.#stalledFor >= this.#options.stallMs) {
          const id = this.#ids.get(this.#running) as number;
          this.#running = null;
          this.#fail(
            'stalled',
            `<0.${id}.0> ran for ${this.#options.stallMs} ms of real time at step ${this.#step} without ` +
              'waiting in erlts: it awaits something outside the simulation (a promise another process settles, real I/O)',
          );
          this.#schedulePick();
        }
      } else {
        this.#watchStep = this.#step;
        this.#stalledFor = 0;
      }
      this.#watch = systemClock.setTimer(watchEvery, look);
    };
    this.#watch = outsideProcesses(() => systemClock.setTimer(watchEvery, look));
  }

  #finish(): void {
    this.#over = true;
    systemClock.clearTimer(this.#watch);
    // The scenario ended: what it left running goes, so nothing of it outlives the run.
    for (const proc of this.#procs) {
      if (proc.alive) sendExitSignal(proc, shellProcess().pid, 'kill', false);
    }
    if (simulator === this) setSimulator(null);
    // I/O that came in and was not taken: its adapters run it now, as they would outside a
    // simulation (a connection nobody accepts is closed, not left open).
    for (const e of this.#external.splice(0)) {
      try {
        e.fn();
      } catch (error) {
        // Thrown from a Node callback, as it would have been: uncaught.
        process.nextTick(() => {
          throw error;
        });
      }
    }
    const end = this.#rootEnd;
    let failure = this.#failure;
    if (failure === null && end !== null && end.reason !== 'normal') {
      failure = {
        kind: 'crash',
        reason: end.reason,
        message: `the scenario's process exited: ${this.#term(end.reason)}`,
      };
    }
    const limit = this.#options.traceLimit;
    const dropped = Math.max(0, this.#eventCount - limit);
    const trace = new Trace(unflatten(this.#events, dropped % limit), this.#naming(), dropped);
    this.#resolve({
      ok: failure === null,
      value: end?.value,
      kind: failure?.kind ?? null,
      reason: failure?.reason ?? null,
      message: failure?.message ?? '',
      seed: this.#options.seed,
      steps: this.#step,
      virtualMs: this.#clock.now(),
      trace,
      schedule: { choices: this.#choices, faults: this.#struck },
      readySets: this.#readySets,
      error: failure?.kind === 'crash' ? crashError(end?.reason) : undefined,
    });
  }

  #naming(): Naming {
    const bySerial = this.#bySerial;
    const labels = this.#labels;
    return {
      pidNumber: (serial) => bySerial.get(serial),
      label: (n) => labels[n - 1] ?? 'sim',
    };
  }

  /** A term as the trace shows it. */
  #term(value: unknown): string {
    return new Renderer(this.#naming()).term(value);
  }

  #event(
    pid: number,
    kind: EventKind,
    data: unknown,
    to?: number,
    n?: number,
    step = this.#eventStep ?? this.#step,
  ): void {
    const events = this.#events;
    const at = (this.#eventCount++ % this.#options.traceLimit) * eventSlots;
    events[at] = step;
    events[at + 1] = this.#clock.now();
    events[at + 2] = pid;
    events[at + 3] = kind;
    events[at + 4] = data;
    events[at + 5] = to;
    events[at + 6] = n;
  }
}

/** Slots of one event in the flat trace: step, ms, pid, kind, data, to, n. */
const eventSlots = 7;

/** The flat ring of events as events, oldest (at event `first`) first. */
function unflatten(flat: readonly unknown[], first: number): TraceEvent[] {
  const events: TraceEvent[] = [];
  const count = flat.length / eventSlots;
  for (let k = 0; k < count; k++) {
    const i = ((first + k) % count) * eventSlots;
    events.push({
      step: flat[i] as number,
      ms: flat[i + 1] as number,
      pid: flat[i + 2] as number,
      kind: flat[i + 3] as EventKind,
      data: flat[i + 4],
      to: flat[i + 5] as number | undefined,
      n: flat[i + 6] as number | undefined,
    });
  }
  return events;
}

/** What a task of each kind puts in the trace. */
const eventOf: Record<RunKind, EventKind> = {
  start: 'start',
  message: 'receive',
  timeout: 'timeout',
  io: 'io',
};

function taskNumber(task: Task): number {
  return task.kind === 'deliver' ? -task.id : task.id;
}

function choiceText(n: number): string {
  if (n >= timerBase) return `the timer t${n - timerBase}`;
  return n < 0 ? `a held message to <0.${-n}.0>` : `<0.${n}.0>`;
}

/** Exit reasons that are no crash: a process that ended, or was shut down or killed on purpose. */
function isQuiet(reason: unknown): boolean {
  return (
    reason === 'normal' ||
    reason === 'shutdown' ||
    reason === 'killed' ||
    (Array.isArray(reason) && reason[0] === 'shutdown')
  );
}

function crashError(reason: unknown): unknown {
  if (Array.isArray(reason) && reason.length === 2 && reason[0] instanceof Error) return reason[0];
  return new ExitError(reason, `exited: ${describe(reason)}`);
}
