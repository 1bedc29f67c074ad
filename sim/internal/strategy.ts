/**
 * Strategies: which ready task runs at each step. A task is named by its process's number (a
 * held message by minus its receiver's), and `ready` lists the tasks in the order they became
 * ready.
 *
 * - {@link RandomWalk}: uniformly at random, from the seed.
 * - {@link Pct}: probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte,
 *   ASPLOS 2010): processes get random priorities, the highest ready one runs, and at `depth - 1`
 *   random steps the running one drops below all others. A bug that needs `depth` orderings to
 *   show is found with probability at least 1/(n·k^(depth-1)) per run.
 * - {@link Follow}: a recorded schedule (a replay), strictly or, for shrinking, as far as it fits.
 * - {@link Prefix}: given choices by position, then the default: bounded exhaustive search.
 * - The default when nothing else says: the process that ran last if it is ready again, else the
 *   one ready longest (no preemption), as erlts's own scheduler runs them.
 */
import type { Random } from './random.js';

/** Picks the task to run at each step. */
export interface Strategy {
  /**
   * @param ready - the ready tasks' numbers, oldest first
   * @param step - the step about to run (from 1)
   * @param last - the number of the process the step before ran (0: none)
   * @returns the index in `ready` of the task to run, or -1: the replay cannot go on
   */
  choose(ready: readonly number[], step: number, last: number): number;
  /** A process joined the simulation. */
  joined?(id: number): void;
  /** What a replay expected to run at `step` (for the divergence message). */
  expected?(step: number): number | undefined;
}

/** The choice with no preemption: the last process again if it is ready, else the oldest. */
export function defaultChoice(ready: readonly number[], last: number): number {
  const i = ready.indexOf(last);
  return i >= 0 ? i : 0;
}

/** Uniformly random choices. */
export class RandomWalk implements Strategy {
  constructor(readonly random: Random) {}

  choose(ready: readonly number[]): number {
    return this.random.below(ready.length);
  }
}

/** Probabilistic concurrency testing with bug depth `depth` over runs of about `steps` steps. */
export class Pct implements Strategy {
  readonly #priority = new Map<number, number>();
  readonly #changeAt = new Map<number, number>();

  constructor(
    readonly random: Random,
    readonly depth: number,
    steps: number,
  ) {
    for (let i = 1; i < depth; i++) this.#changeAt.set(1 + random.below(Math.max(1, steps)), depth - i);
  }

  joined(id: number): void {
    // Initial priorities are above every lowered one (those are 1 .. depth-1).
    this.#priority.set(id, this.depth + this.random.float());
  }

  choose(ready: readonly number[], step: number): number {
    let best = 0;
    let top = -Infinity;
    for (let i = 0; i < ready.length; i++) {
      const p = this.#priority.get(Math.abs(ready[i] as number)) ?? 0;
      if (p > top) {
        top = p;
        best = i;
      }
    }
    const lowered = this.#changeAt.get(step);
    if (lowered !== undefined) this.#priority.set(Math.abs(ready[best] as number), lowered);
    return best;
  }
}

/** A recorded schedule: the same process at each step. */
export class Follow implements Strategy {
  constructor(
    readonly choices: readonly number[],
    /** Strict: a step whose process is not ready is a divergence; lenient: take the default there. */
    readonly strict: boolean,
  ) {}

  choose(ready: readonly number[], step: number, last: number): number {
    const want = this.choices[step - 1];
    if (want === undefined) return defaultChoice(ready, last);
    const i = ready.indexOf(want);
    if (i >= 0) return i;
    return this.strict ? -1 : defaultChoice(ready, last);
  }

  expected(step: number): number | undefined {
    return this.choices[step - 1];
  }
}

/** Choices by position for the first steps, then the default. */
export class Prefix implements Strategy {
  constructor(readonly indexes: readonly number[]) {}

  choose(ready: readonly number[], step: number, last: number): number {
    const i = this.indexes[step - 1];
    return i !== undefined && i < ready.length ? i : defaultChoice(ready, last);
  }
}
