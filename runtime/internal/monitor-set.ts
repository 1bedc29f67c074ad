/**
 * Monitors on a resource other than a process: a gen_tcp port (`inet:monitor/1`) or a socket
 * (`socket:monitor/1`). One set per resource, made on the first monitor; each monitor is an
 * owned resource of its watcher, so a watcher that dies leaves the set at once.
 */
import type { Pid, Ref } from './terms.js';
import { type OwnedResource, type Process, type ProcessHandle, processBehind } from './process.js';

class Monitor implements OwnedResource {
  constructor(
    readonly ref: Ref,
    readonly watcher: Process,
    readonly set: MonitorSet,
  ) {}

  ownerExited(): void {
    this.set.remove(this.ref);
  }
}

/** The set holding each live monitor, to cancel one by its reference alone. */
const byRef = new Map<Ref, MonitorSet>();

export class MonitorSet {
  #monitors: Map<Ref, Monitor> | null = null;

  /** Adds a monitor of `watcher` under `ref`. */
  add(watcher: ProcessHandle, ref: Ref): void {
    const m = new Monitor(ref, processBehind(watcher), this);
    (this.#monitors ??= new Map()).set(ref, m);
    byRef.set(ref, this);
    m.watcher.own(m);
  }

  /** Removes the monitor `ref`; whether it was there. */
  remove(ref: Ref): boolean {
    const m = this.#monitors?.get(ref);
    if (m === undefined) return false;
    this.#monitors?.delete(ref);
    byRef.delete(ref);
    m.watcher.disown(m);
    return true;
  }

  /**
   * The resource went away: each watcher gets `down(ref)`, and the set is emptied.
   * @param down - the DOWN message for one monitor
   */
  fire(down: (ref: Ref) => unknown): void {
    const monitors = this.#monitors;
    this.#monitors = null;
    if (monitors === null) return;
    for (const m of monitors.values()) {
      byRef.delete(m.ref);
      m.watcher.disown(m);
      m.watcher.offer(down(m.ref));
    }
  }

  /** The watchers' pids, oldest first. */
  watchers(): Pid[] {
    return [...(this.#monitors?.values() ?? [])].map((m) => m.watcher.pid);
  }
}

/**
 * Removes a monitor of any set by its reference.
 * @returns whether it was active
 */
export function cancelMonitor(ref: Ref): boolean {
  return byRef.get(ref)?.remove(ref) ?? false;
}
