/**
 * A caller blocked in a socket call (`accept`, `recv`, a `send` above the high watermark,
 * `connect`): a plain promise the port settles, plus the bookkeeping that makes the wait
 * behave like an Erlang receive.
 *
 * - The port settles it synchronously from a Node callback, so there is no window in which a
 *   reply can race a timeout: whichever runs first settles the waiter and the other is a no-op.
 * - It is an owned resource of the caller for the length of the wait: if the caller dies, the
 *   waiter leaves its queue at once (a killed acceptor is skipped) and the caller's code is
 *   unwound with `ProcessExited`, as a killed process in `receive` is.
 * - Timeouts run on the runtime's clock (`getClock()`), like `after`.
 */
import { getClock, type TimerHandle } from './clock.js';
import { ProcessExited } from './errors.js';
import { type OwnedResource, type Process, type ProcessHandle, processBehind } from './process.js';
import { gated, ioGate, simulator } from './sim-hooks.js';

export class Waiter<T> implements OwnedResource {
  readonly #proc: Process;

  /** The waiting process. */
  get proc(): ProcessHandle {
    return this.#proc;
  }
  readonly promise: Promise<T>;
  #resolve!: (value: T) => void;
  #reject!: (error: unknown) => void;
  #timer: TimerHandle = null;
  /** A zero timeout's wait for the next poll phase (see timeout). */
  #poll: NodeJS.Immediate | null = null;
  #onTimeout: (() => T) | null = null;
  #queue: Waiter<T>[] | null;
  /** Whether the caller awaits `promise` (not a background wait's `then`). */
  readonly #awaited: boolean;
  done = false;

  /**
   * @param proc - the waiting process
   * @param queue - the queue it waits in (it removes itself when it leaves early), or null
   * @param then - called with the result instead of settling `promise` (which then never
   *   settles): for a wait that runs in the background of a process (the socket module's
   *   `nowait`), where no code awaits it
   * @param dropped - with `then`: called instead when the process dies first
   */
  constructor(
    proc: ProcessHandle,
    queue: Waiter<T>[] | null,
    then?: (value: T) => void,
    dropped?: () => void,
  ) {
    this.#proc = processBehind(proc);
    this.#queue = queue;
    this.#awaited = then === undefined;
    if (then === undefined) {
      this.promise = new Promise<T>((resolve, reject) => {
        this.#resolve = resolve;
        this.#reject = reject;
      });
    } else {
      this.promise = NEVER as Promise<T>;
      this.#resolve = then;
      this.#reject = dropped ?? ignore;
    }
    queue?.push(this);
    this.#proc.block(this);
    if (simulator !== null && this.#awaited) simulator.stopped(this.#proc);
  }

  /**
   * Settles with `onTimeout()` after `ms` milliseconds unless settled before.
   *
   * A timeout of 0 asks for what is there now, and what is there includes what the kernel
   * already holds: Node reads it in its next poll phase, so a zero wait ends after one (two
   * check-phase hops, as OTP's call would have read it at once). That waits for no time: it is
   * no timer.
   * @param ms - a non-negative integer or `'infinity'`
   * @param onTimeout - the result then (it may also act, e.g. close a socket)
   */
  timeout(ms: number | 'infinity', onTimeout: () => T): this {
    this.#onTimeout = onTimeout;
    if (ms === 0) {
      const gate = ioGate('poll');
      this.#poll = setImmediate(() => {
        this.#poll = setImmediate(() => {
          this.#poll = null;
          gated(gate, () => this.#expire());
        });
      });
    }
    if (ms !== 'infinity' && ms !== 0) this.#timer = getClock().setTimer(ms, () => this.#expire());
    return this;
  }

  #expire(): void {
    this.#timer = null;
    if (this.done) return;
    // Out of the queue before onTimeout acts (it may fail the rest of the queue).
    this.#leave();
    this.#finish((this.#onTimeout as () => T)());
  }

  /** Resumes the caller with `value`: now, or when its simulation picks it (sim-hooks.ts). */
  #finish(value: T): void {
    const sim = simulator;
    if (sim !== null && this.#awaited && sim.owns(this.#proc)) {
      sim.runnable(this.#proc, 'io', () => this.#resolve(value), value);
    } else {
      this.#resolve(value);
    }
  }

  /** Resolves the waiter with `value` (once; later calls do nothing). */
  settle(value: T): void {
    if (this.done) return;
    this.#leave();
    this.#finish(value);
  }

  /**
   * Whether a dead caller's request stays queued until served or timed out, as a dead
   * process's `recv` does in inet_drv (it still takes the next packet, which is lost).
   */
  lingers = false;

  /** The caller died: leave the queue (unless it lingers) and unwind its code. */
  ownerExited(_owner: ProcessHandle, reason: unknown): void {
    if (this.done) return;
    if (this.lingers) this.#proc.unblock(this);
    else this.#leave();
    this.promise.catch(ignore);
    this.#reject(new ProcessExited(reason));
  }

  #leave(): void {
    this.done = true;
    if (this.#timer !== null) {
      getClock().clearTimer(this.#timer);
      this.#timer = null;
    }
    if (this.#poll !== null) {
      clearImmediate(this.#poll);
      this.#poll = null;
    }
    this.#proc.unblock(this);
    const queue = this.#queue;
    if (queue !== null) {
      // Served waiters are the head of their queue: shift, not a search.
      if (queue[0] === this) queue.shift();
      else {
        const i = queue.indexOf(this);
        if (i >= 0) queue.splice(i, 1);
      }
      this.#queue = null;
    }
  }
}

/**
 * Settles every waiter of `queue` with `value`, oldest first, emptying it.
 * @param queue - the waiters
 * @param value - what each gets
 */
export function settleAll<T>(queue: Waiter<T>[], value: T): void {
  for (const w of queue.splice(0)) w.settle(value);
}

/**
 * Settles the waiter of `proc` in `queue` with `value` (the socket module's cancel and abort).
 * @returns whether `proc` had one
 */
export function settleFor<T>(queue: readonly Waiter<T>[] | null, proc: ProcessHandle, value: T): boolean {
  const w = queue?.find((x) => x.proc === proc);
  if (w === undefined) return false;
  w.settle(value);
  return true;
}

function ignore(): void {}

const NEVER: Promise<unknown> = new Promise(() => undefined);
