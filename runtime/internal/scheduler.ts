/**
 * The scheduler is Node's event loop; this module only keeps it fair.
 *
 * Waking a process is resolving the promise its `receive` waits on, so a
 * message ping-pong runs entirely in microtasks and would starve timers and
 * sockets forever. Every wake-up and start is counted (Erlang's reductions,
 * roughly); past {@link budget} in one macrotask turn, further ones wait in
 * `deferred` for a `setImmediate`, which runs after the poll phase: I/O
 * callbacks always get their turn.
 *
 *   turn N:   wake wake wake ... (budget spent) → deferred ─┐
 *   poll:     socket and timer callbacks                     │
 *   check:    drain deferred with a fresh budget ◀──────────┘
 *
 * The scheduler knows processes only as {@link Schedulable}: it imports nothing of the process
 * table, which imports it. Inside a simulation (sim-hooks.ts) the simulation decides instead:
 * its processes never run at once, they become runnable and wait for it to pick them.
 */
import type { Process } from './process.js';
import { simulator } from './sim-hooks.js';

/** What the scheduler needs of a process. */
export interface Schedulable {
  /** Runs the process's function for the first time. */
  start(fn: unknown, args: readonly unknown[]): void;
  /** Ends the process's wait with `msg`. */
  resume(msg: unknown): void;
}

/** Wake-ups allowed per macrotask turn before the rest yield to I/O. */
export const budget = 2000;

let left = budget;
let turnPending = false;

type Task = {
  readonly proc: Schedulable;
  readonly start: boolean;
  readonly fn: unknown;
  readonly args: readonly unknown[] | null;
  readonly msg: unknown;
};
const deferred: Task[] = [];
let deferredHead = 0;

/** Processes to start, flat: proc, fn, args, proc, fn, args... (no object per spawn). */
const startQueue: unknown[] = [];
let startQueueHead = 0;
let startDrainPending = false;

function newTurn(): void {
  turnPending = false;
  left = budget;
  while (deferredHead < deferred.length && left > 0) {
    const task = deferred[deferredHead] as Task;
    deferred[deferredHead++] = undefined as never;
    left--;
    if (task.start) task.proc.start(task.fn, task.args as readonly unknown[]);
    else task.proc.resume(task.msg);
  }
  if (deferredHead === deferred.length) {
    deferred.length = 0;
    deferredHead = 0;
  } else {
    ensureTurn();
  }
}

function ensureTurn(): void {
  if (!turnPending) {
    turnPending = true;
    setImmediate(newTurn);
  }
}

/**
 * Takes one unit of the turn's budget.
 * @returns true when the caller may go on now, false when it must {@link defer}
 */
export function spend(): boolean {
  if (left > 0) {
    left--;
    ensureTurn();
    return true;
  }
  return false;
}

/**
 * Whether `proc`, just woken or taking a queued message, may go on now: within this turn's
 * budget and not in a simulation, which runs its processes one at a time when it picks them.
 * @returns false when the caller must {@link defer}
 */
export function mayRunNow(proc: Schedulable): boolean {
  if (simulator !== null && simulator.owns(proc as Process)) return false;
  return spend();
}

/**
 * Hands `value` back at once while the turn's budget lasts, else on the next turn: for a call
 * that completes without the event loop (a datagram send Node finishes in a `nextTick`), so a
 * process looping on it lets timers and sockets run, as Erlang's reductions preempt it.
 * Inside a simulation the simulation schedules, and `value` comes back at once.
 */
export function budgeted<T>(value: T): T | Promise<T> {
  if (simulator !== null || spend()) return value;
  return new Promise<T>((resolve) => {
    deferred.push({
      proc: { start: ignoreStart, resume: () => resolve(value) },
      start: false,
      fn: null,
      args: null,
      msg: undefined,
    });
    ensureTurn();
  });
}

function ignoreStart(): void {}

/** Resumes `proc` with `msg` next turn (this turn's budget is spent), or when a simulation picks it. */
export function defer(proc: Schedulable, msg: unknown, timeout = false): void {
  const sim = simulator;
  if (sim !== null && sim.owns(proc as Process)) {
    sim.runnable(proc as Process, timeout ? 'timeout' : 'message', null, msg);
    return;
  }
  deferred.push({ proc, start: false, fn: null, args: null, msg });
  ensureTurn();
}

function drainStarts(): void {
  startDrainPending = false;
  while (startQueueHead < startQueue.length) {
    const proc = startQueue[startQueueHead] as Schedulable;
    const fn = startQueue[startQueueHead + 1];
    const args = startQueue[startQueueHead + 2] as readonly unknown[];
    startQueueHead += 3;
    if (spend()) proc.start(fn, args);
    else deferred.push({ proc, start: true, fn, args, msg: undefined });
  }
  startQueue.length = 0;
  startQueueHead = 0;
}

/** Starts `proc` running `fn(...args)` after the spawner's current job. */
export function scheduleStart(proc: Schedulable, fn: unknown, args: readonly unknown[]): void {
  const sim = simulator;
  if (sim !== null && sim.owns(proc as Process)) {
    sim.runnable(proc as Process, 'start', () => proc.start(fn, args), fn);
    return;
  }
  startQueue.push(proc, fn, args);
  if (!startDrainPending) {
    startDrainPending = true;
    queueMicrotask(drainStarts);
  }
}
