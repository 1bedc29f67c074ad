/**
 * Where a simulation (erlts/sim) takes the runtime's decisions over: which process runs next,
 * what time it is, what a send does. The runtime knows it only as a {@link Simulator}; outside a
 * simulation `simulator` is null and every hook is one test of it.
 *
 *   spawn ─▶ adopt(proc)                  a process spawned by one of the simulation's joins it
 *   wake, start, a socket call's end ─▶ runnable(proc, run)   the simulation runs it when it picks it
 *   receive waits, a socket call blocks ─▶ stopped(proc)      the running process gave up its turn
 *   exit ─▶ exited(proc, reason)
 *   Pid ! Msg ─▶ send(from, to, msg)      traced; a fault may drop, delay or hold it
 *   getClock() ─▶ clockFor()              the virtual clock, for the simulation's code
 *   a Node I/O callback of a socket made in the simulation ─▶ io(callback)
 */
import type { Clock } from './clock.js';
import type { Process } from './process.js';
import type { Pid } from './terms.js';

/** What a process does when the simulation runs it: why it became runnable. */
export type RunKind = 'start' | 'message' | 'timeout' | 'io';

/** A simulation as the runtime sees it (implemented by sim/internal/simulation.ts). */
export interface Simulator {
  /** Whether `proc` belongs to the simulation. */
  owns(proc: Process): boolean;
  /** A process was just made (not started yet): it joins when its spawner is the simulation's. */
  adopt(proc: Process): void;
  /**
   * `proc` may run: `run` resumes it when the simulation picks it (null: `proc.resume(what)`, a
   * wake with the message `what`).
   */
  runnable(proc: Process, kind: RunKind, run: (() => void) | null, what: unknown): void;
  /** `proc` waits (in receive, in a blocking socket call): its turn is over. */
  stopped(proc: Process): void;
  /** `proc` exited with `reason`. */
  exited(proc: Process, reason: unknown): void;
  /**
   * `from` sends `msg` to `to`, both live. The simulation traces it, and says whether it took the
   * delivery over (a fault dropped, delayed or held it); false: deliver it now.
   */
  send(from: Process, to: Process, msg: unknown): boolean;
  /** The clock for the code running now: the virtual one for the simulation's, else null. */
  clockFor(): Clock | null;
  /**
   * A gate for the callbacks of a Node handle made now, in the simulation (see {@link ioGate}):
   * a connected stream (which faults can strike), another handle, or a zero-timeout wait's poll.
   */
  gate(kind: 'stream' | 'handle' | 'poll'): IoGate;
  /**
   * A Node I/O callback of a handle made in the simulation (`key` is its gate's): the simulation
   * runs it when every process waits, so where I/O lands in a schedule does not hang on real time.
   */
  io(key: number, callback: () => void): void;
  /** Whether the simulation is still on (a socket made in one outlives it). */
  readonly active: boolean;
  /** A float in [0, 1) from the simulation's seed, for `rand` in its processes. */
  random(): number;
  /** A log event of `pid`: whether the simulation took it (into its trace) instead of the handlers. */
  logged(pid: Pid, level: string, label: string | undefined, text: string): boolean;
}

/** The simulation running, or null. */
export let simulator: Simulator | null = null;

/** Installs or removes the simulation; there is one at a time. */
export function setSimulator(next: Simulator | null): void {
  simulator = next;
}

/** What a simulation's socket fault does to a connection, as if its own end did it. */
export type SocketFaultKind = 'close' | 'reset' | 'half_close';

/** Where the callbacks of one Node handle go while its simulation is on. */
export interface IoGate {
  readonly sim: Simulator;
  /** The handle's number in the simulation: I/O of several handles is taken in this order. */
  readonly key: number;
  /**
   * Set by an adapter whose handle a fault can strike (a connected stream): does it, and says
   * whether it could (a destroyed socket cannot).
   */
  fault: ((kind: SocketFaultKind) => boolean) | null;
}

/**
 * The gate for a Node adapter's callbacks (net.Socket, net.Server) made now: the simulation's
 * when the code making it runs in one, else null (callbacks run at once).
 * @returns the gate to hand callbacks to, or null
 */
export function ioGate(kind: 'stream' | 'handle' | 'poll' = 'handle'): IoGate | null {
  const sim = simulator;
  return sim !== null && sim.clockFor() !== null ? sim.gate(kind) : null;
}

/**
 * Runs a Node I/O callback through `gate` (see {@link ioGate}): queued in the simulation while it
 * is on, at once otherwise.
 */
export function gated(gate: IoGate | null, callback: () => void): void {
  if (gate === null || !gate.sim.active) callback();
  else gate.sim.io(gate.key, callback);
}
