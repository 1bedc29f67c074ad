/**
 * Virtual time: a {@link Clock} whose timers wait in a heap and fire only when the simulation
 * says time moves on (every process waits, no I/O is in flight). Time then jumps to the next due
 * timer: a 30-second timeout costs no wall time.
 */
import {
  type Clock,
  type TimerHandle,
  SelfCancellingTimer,
  systemClock,
} from '../../runtime/internal/sim-api.js';

/** A timer on virtual time; it cancels itself whichever clock is asked to (clock.ts). */
export class VirtualTimer extends SelfCancellingTimer {
  constructor(
    readonly clock: VirtualClock,
    readonly due: number,
    /** Arming order: timers due at the same time fire in the order they were armed. */
    readonly seq: number,
    public fn: (() => void) | null,
  ) {
    super();
  }

  cancel(): void {
    if (this.fn === null) return;
    this.fn = null;
    this.clock.cancelled();
  }

  /** Fires it, unless it was cancelled or fired. */
  fire(): void {
    const fn = this.fn;
    if (fn === null) return;
    this.fn = null;
    this.clock.fired();
    fn();
  }
}

function before(a: VirtualTimer, b: VirtualTimer): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

/** The virtual clock of one simulation: milliseconds from its start, and a heap of timers. */
export class VirtualClock implements Clock {
  /** System time at virtual 0: 2026-01-01T00:00:00Z, the same in every run. */
  readonly epoch = Date.UTC(2026, 0, 1);
  #now = 0;
  #seq = 0;
  #heap: VirtualTimer[] = [];
  #live = 0;

  now(): number {
    return this.#now;
  }

  setTimer(ms: number, fn: () => void): TimerHandle {
    const timer = new VirtualTimer(this, this.#now + Math.max(0, ms), this.#seq++, fn);
    this.#push(timer);
    this.#live++;
    return timer;
  }

  clearTimer(handle: TimerHandle): void {
    if (handle instanceof VirtualTimer) handle.cancel();
    else systemClock.clearTimer(handle);
  }

  /** Timers armed and not fired nor cancelled. */
  get pending(): number {
    return this.#live;
  }

  /** A timer was cancelled: the heap drops the dead ones when they outnumber the live. */
  cancelled(): void {
    this.#live--;
    if (this.#heap.length > 64 && this.#heap.length > 4 * this.#live) {
      const live = this.#heap.filter((t) => t.fn !== null);
      this.#heap = [];
      for (const t of live) this.#push(t);
    }
  }

  /** When the next live timer is due, or null. */
  nextDue(): number | null {
    this.#dropDead();
    const top = this.#heap[0];
    return top === undefined ? null : top.due;
  }

  /** A timer fired. */
  fired(): void {
    this.#live--;
  }

  /**
   * Moves time to the next due timer and takes every timer due then out of the heap, in arming
   * order, for the simulation to fire (in an order it chooses).
   * @returns the timers due now (none: no timer is armed)
   */
  takeDue(): VirtualTimer[] {
    const due = this.nextDue();
    if (due === null) return [];
    this.#now = Math.max(this.#now, due);
    const taken: VirtualTimer[] = [];
    for (;;) {
      this.#dropDead();
      const top = this.#heap[0];
      if (top === undefined || top.due > this.#now) break;
      this.#pop();
      taken.push(top);
    }
    return taken;
  }

  #dropDead(): void {
    while (this.#heap.length > 0 && (this.#heap[0] as VirtualTimer).fn === null) this.#pop();
  }

  #push(timer: VirtualTimer): void {
    const heap = this.#heap;
    let i = heap.push(timer) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(timer, heap[parent] as VirtualTimer)) break;
      heap[i] = heap[parent] as VirtualTimer;
      i = parent;
    }
    heap[i] = timer;
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop() as VirtualTimer;
    if (heap.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const r = l + 1;
      const child = r < heap.length && before(heap[r] as VirtualTimer, heap[l] as VirtualTimer) ? r : l;
      if (!before(heap[child] as VirtualTimer, last)) break;
      heap[i] = heap[child] as VirtualTimer;
      i = child;
    }
    heap[i] = last;
  }
}
