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
 */
import type { Process } from './process.js';
import { Status } from './process-status.js';

/** Wake-ups allowed per macrotask turn before the rest yield to I/O. */
export const budget = 2000;

let left = budget;
let turnPending = false;

type Task = { proc: Process; start: boolean; fn: unknown; args: readonly unknown[] | null; msg: unknown };
const deferred: Task[] = [];
let deferredHead = 0;

let startHook: (proc: Process, fn: unknown, args: readonly unknown[]) => void = () => undefined;
/** Processes to start, flat: proc, fn, args, proc, fn, args... (no object per spawn). */
const startQueue: unknown[] = [];
let startQueueHead = 0;
let startDrainPending = false;

/** @internal Installed by process.ts. */
export function installStarter(fn: (proc: Process, fn: unknown, args: readonly unknown[]) => void): void {
  startHook = fn;
}

function newTurn(): void {
  turnPending = false;
  left = budget;
  while (deferredHead < deferred.length && left > 0) {
    const task = deferred[deferredHead] as Task;
    deferred[deferredHead++] = undefined as never;
    left--;
    if (task.start) runStart(task);
    else resume(task.proc, task.msg);
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

/** Takes one unit of the turn's budget; false when the caller must defer. */
function spend(): boolean {
  if (left > 0) {
    left--;
    ensureTurn();
    return true;
  }
  return false;
}

function resume(proc: Process, msg: unknown): void {
  const resolve = proc.waitResolve;
  proc.waitResolve = null;
  proc.waitPromise = null;
  if (resolve !== null && proc.status !== Status.Exited) {
    proc.reductions++;
    resolve(msg);
  }
}

/**
 * Ends `proc`'s wait: `clause` took `msg` (or the after clause fired, `msg`
 * undefined). Its receive resolves now, or next turn if the budget is spent.
 */
export function wake(proc: Process, clause: unknown, msg: unknown): void {
  proc.status = Status.Runnable;
  proc.waitClauses = null;
  proc.matched = clause;
  if (spend()) resume(proc, msg);
  else deferred.push({ proc, start: false, fn: null, args: null, msg });
}

/** Whether a process that found its message at once may go on this turn. */
export function mayContinue(): boolean {
  return spend();
}

/**
 * Defers a process that found its message at once but is over budget: its
 * receive resolves next turn. The caller has set waitResolve.
 */
export function deferResume(proc: Process, msg: unknown): void {
  deferred.push({ proc, start: false, fn: null, args: null, msg });
  ensureTurn();
}

function runStart(task: Task): void {
  startHook(task.proc, task.fn, task.args as readonly unknown[]);
}

function drainStarts(): void {
  startDrainPending = false;
  while (startQueueHead < startQueue.length) {
    const proc = startQueue[startQueueHead] as Process;
    const fn = startQueue[startQueueHead + 1];
    const args = startQueue[startQueueHead + 2] as readonly unknown[];
    startQueueHead += 3;
    if (spend()) startHook(proc, fn, args);
    else deferred.push({ proc, start: true, fn, args, msg: undefined });
  }
  startQueue.length = 0;
  startQueueHead = 0;
}

/** Starts `proc` running `fn(...args)` after the spawner's current job. */
export function scheduleStart(proc: Process, fn: unknown, args: readonly unknown[]): void {
  startQueue.push(proc, fn, args);
  if (!startDrainPending) {
    startDrainPending = true;
    queueMicrotask(drainStarts);
  }
}
