/**
 * What proc_lib (and through it every behaviour) needs of a process beyond the BIFs: spawning
 * with a given initial call, linked or monitored, as a process that writes its own crash report;
 * naming the function it waits in; and reading a caught exception as Erlang's `try` does.
 */
import {
  type Process,
  caughtException,
  hideFramesFrom,
  isAlias,
  liveSelf,
  noMessage,
  setDictionarySeeder,
  setStackHead,
  processOf,
  spawnProcess,
} from './process.js';
import { Ref, type Pid } from './terms.js';

export { caughtException, hideFramesFrom, isAlias, noMessage, setDictionarySeeder, setStackHead };

/**
 * The caller's oldest queued message, taken now, or {@link noMessage}: none is queued, or this
 * turn's budget of wake-ups is spent (then `receive()` defers to the next turn, as it must). A
 * behaviour's loop takes a burst of queued messages this way without a promise for each.
 */
export function takeQueued(): unknown {
  return liveSelf().takeNext();
}

/** How {@link spawnLibraryProcess} starts a process. */
export interface SpawnSpec {
  /** Link it to the caller (spawn_link). */
  readonly link?: boolean;
  /** Monitor it from the caller (spawn_monitor): the ref comes back with the pid. */
  readonly monitor?: boolean;
  /** What process_info's initial_call says, e.g. `['proc_lib', 'init_p', 5]`. */
  readonly initialCall?: [string, string, number];
  /**
   * Deals with an exception the process lets out (proc_lib writes its crash report) and gives
   * the exception it ends with instead; the runtime then writes no report of its own.
   */
  readonly onFailure?: (error: unknown) => unknown;
  /**
   * The caller will wait for a message naming the new process (proc_lib's ack, its EXIT): its
   * pid marks the caller's mailbox, so that receive skips what was queued before (Mailbox.mark).
   */
  readonly awaitAck?: boolean;
  /** What its dictionary starts with, made on first use by the seeder (setDictionarySeeder). */
  readonly dictionarySeed?: unknown;
  /**
   * A process of the runtime's own services (net_kernel's, a group leader): it outlives the
   * code that started it, so leak checks leave it alone ({@link isSystemProcess}).
   */
  readonly system?: boolean;
}

/** Whether `pid` is a live process of the runtime's own services (SpawnSpec.system). */
export function isSystemProcess(pid: Pid): boolean {
  return processOf(pid)?.system ?? false;
}

/**
 * Spawns `fn(...args)` as the caller's child, as spawn_opt does with the options `spec` names.
 * @param caller - the Erlang-named function, for a badarg
 * @returns the pid, and the monitor's ref when `spec.monitor`
 */
export function spawnLibraryProcess(
  caller: string,
  fn: (...args: never[]) => unknown,
  args: readonly unknown[],
  spec: SpawnSpec,
): [Pid, Ref | null] {
  const me = liveSelf();
  const ref = spec.monitor === true ? new Ref() : null;
  if (ref !== null) me.mark(ref);
  const proc = spawnProcess(fn, args, caller, (child: Process) => {
    if (spec.initialCall !== undefined) child.initialCallAs = spec.initialCall;
    if (spec.onFailure !== undefined) child.onFailure = spec.onFailure;
    if (spec.dictionarySeed !== undefined) child.dictionarySeed = spec.dictionarySeed;
    if (spec.system === true) child.system = true;
    if (spec.link === true) me.link(child);
    if (ref !== null) me.monitor(child, child.pid, ref);
  });
  // After the monitor's own mark: the ack names the pid, the DOWN both.
  if (spec.awaitAck === true) me.mark(proc.pid);
  return [proc.pid, ref];
}

/**
 * Names the function the calling process is in for process_info's current_function (a waiting
 * gen_server says `{gen_server, loop, 7}`); null goes back to its initial call.
 */
export function setCurrentFunction(mfa: [string, string, number] | null): void {
  liveSelf().currentFunction = mfa;
}
