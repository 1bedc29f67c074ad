/**
 * Many runs of one scenario, looking for a schedule that fails it; then shrinking that schedule
 * (fewer faults, fewer preemptions, fewer steps) while it still fails the same way.
 */
import { type RunOptions, type RunOutcome, Simulation } from './simulation.js';
import { runSeed } from './random.js';
import { type Chaos, type Fault, type Schedule } from './schedule.js';
import { Follow, Pct, Prefix, RandomWalk, type Strategy, defaultChoice } from './strategy.js';

/** Limits and checks every run of a simulation or an exploration shares. */
export interface RunLimits {
  /** Steps a run may take before it fails as `step-limit` (default 1,000,000). */
  readonly maxSteps?: number;
  /** Virtual ms a run may reach before it fails as `time-limit` (default: none). */
  readonly maxTime?: number;
  /** Trace events kept, the last ones (default 100,000). */
  readonly traceLimit?: number;
  /** Real ms a process may run without waiting in erlts before the run fails as `stalled` (default 5,000). */
  readonly stallMs?: number;
  /** Whether any of the scenario's processes exiting abnormally fails the run (default: only its own). */
  readonly failOnCrash?: boolean;
}

/** The run options every run starts from. */
export function runOptions(
  limits: RunLimits,
  seed: number,
  strategy: Strategy,
  faults: readonly Fault[],
  chaos: Chaos | null,
  recordReady = false,
): RunOptions {
  return {
    seed,
    strategy,
    faults,
    chaos,
    maxSteps: limits.maxSteps ?? 1_000_000,
    maxTime: limits.maxTime ?? Infinity,
    traceLimit: limits.traceLimit ?? 100_000,
    stallMs: limits.stallMs ?? 5_000,
    failOnCrash: limits.failOnCrash ?? false,
    recordReady,
  };
}

/** Runs `fn` once under `options`. */
export function runOnce(options: RunOptions, fn: (...args: never[]) => unknown): Promise<RunOutcome> {
  return new Simulation(options).run(fn);
}

/** The strategies {@link explore} knows. */
export type StrategyName = 'random' | 'pct' | 'mixed' | 'exhaustive';

/** The strategy of run `i` of an exploration. */
export function strategyFor(
  name: Exclude<StrategyName, 'exhaustive'>,
  seed: number,
  i: number,
  depth: number,
  steps: number,
): { strategy: Strategy; label: string } {
  const random = Simulation.scheduleRandom(seed);
  const pct = name === 'pct' || (name === 'mixed' && i % 2 === 1);
  if (!pct) return { strategy: new RandomWalk(random), label: 'random' };
  // Mixed: PCT of depth 1, 2, ... up to `depth`, in turn.
  const d = name === 'pct' ? depth : 1 + (((i - 1) / 2) % depth);
  return { strategy: new Pct(random, d, steps), label: `pct depth ${d}` };
}

/** The preemptions of a run: steps that ran another process while the one before was ready. */
export function preemptions(outcome: RunOutcome): number {
  const sets = outcome.readySets;
  const choices = outcome.schedule.choices;
  if (sets === null) return 0;
  let n = 0;
  for (let j = 1; j < choices.length; j++) {
    const prev = Math.abs(choices[j - 1] as number);
    if ((sets[j] as readonly number[]).includes(prev) && choices[j] !== prev) n++;
  }
  return n;
}

/** What a failure is, to tell whether a shrunk run fails the same way. */
export function signature(outcome: RunOutcome): string {
  return `${outcome.kind}:${outcome.message
    .replace(/<[^>]*>/g, '<>')
    .replace(/\d+/g, 'N')
    .slice(0, 200)}`;
}

/**
 * Bounded exhaustive search: every schedule with at most `bound` preemptions, depth first, each
 * run following a prefix of choices and then the default.
 */
export class Exhaustive {
  #prefix: number[] | null = [];

  constructor(readonly bound: number) {}

  /** The strategy of the next run, or null when every schedule within the bound was run. */
  next(): Strategy | null {
    return this.#prefix === null ? null : new Prefix(this.#prefix);
  }

  /** Takes a finished run's choices into account to find the next prefix. */
  ran(outcome: RunOutcome): void {
    const sets = outcome.readySets as readonly (readonly number[])[];
    const choices = outcome.schedule.choices;
    const chosen = choices.map((c, j) => (sets[j] as readonly number[]).indexOf(c));
    // The enumeration order at a step: the default first, then the others by position.
    const orderAt = (j: number): number[] => {
      const ready = sets[j] as readonly number[];
      const last = j === 0 ? 0 : Math.abs(choices[j - 1] as number);
      const d = defaultChoice(ready, last);
      return [d, ...ready.map((_, i) => i).filter((i) => i !== d)];
    };
    const isPreemption = (j: number, i: number): boolean => {
      if (j === 0) return false;
      const ready = sets[j] as readonly number[];
      const last = Math.abs(choices[j - 1] as number);
      return ready.includes(last) && ready[i] !== last;
    };
    const used: number[] = [];
    let count = 0;
    for (let j = 0; j < chosen.length; j++) {
      used.push(count);
      if (isPreemption(j, chosen[j] as number)) count++;
    }
    for (let j = chosen.length - 1; j >= 0; j--) {
      const order = orderAt(j);
      for (let k = order.indexOf(chosen[j] as number) + 1; k < order.length; k++) {
        const alt = order[k] as number;
        if ((used[j] as number) + (isPreemption(j, alt) ? 1 : 0) > this.bound) continue;
        this.#prefix = [...chosen.slice(0, j), alt];
        return;
      }
    }
    this.#prefix = null;
  }
}

/** What shrinking keeps: the best failing run so far. */
interface Candidate {
  readonly outcome: RunOutcome;
  readonly preemptions: number;
}

/** Fewer faults first, then fewer steps (the shortest failing run), then fewer preemptions. */
function better(a: Candidate, b: Candidate): boolean {
  const fa = a.outcome.schedule.faults.length;
  const fb = b.outcome.schedule.faults.length;
  if (fa !== fb) return fa < fb;
  if (a.outcome.steps !== b.outcome.steps) return a.outcome.steps < b.outcome.steps;
  return a.preemptions < b.preemptions;
}

/**
 * Shrinks a failing run: drops faults, cuts the schedule short (the rest runs by default), and
 * takes preemptions back, keeping each change that still fails the same way and is no worse.
 * @param budget - runs it may make
 * @returns the best failing run found, and the runs made
 */
export async function shrink(
  failing: RunOutcome,
  limits: RunLimits,
  fn: (...args: never[]) => unknown,
  budget: number,
): Promise<{ outcome: RunOutcome; runs: number }> {
  const sig = signature(failing);
  const seed = failing.seed;
  let runs = 0;
  const attempt = async (schedule: Schedule): Promise<Candidate | null> => {
    runs++;
    const strategy = new Follow(schedule.choices, false);
    const outcome = await runOnce(runOptions(limits, seed, strategy, schedule.faults, null, true), fn);
    if (outcome.ok || signature(outcome) !== sig) return null;
    return { outcome, preemptions: preemptions(outcome) };
  };
  // The failing run again, leniently, with the ready sets recorded: the baseline.
  let best = (await attempt(failing.schedule)) ?? { outcome: failing, preemptions: Infinity };
  let improved = true;
  while (improved && runs < budget) {
    improved = false;
    const take = (c: Candidate | null): boolean => {
      if (c === null || !better(c, best)) return false;
      best = c;
      improved = true;
      return true;
    };
    const { choices, faults } = best.outcome.schedule;
    // Fewer faults.
    for (let i = 0; i < faults.length && runs < budget; i++) {
      if (take(await attempt({ choices, faults: faults.filter((_, k) => k !== i) }))) break;
    }
    if (improved) continue;
    // A shorter schedule: the first n choices, the default after them.
    for (let n = 0; n < choices.length && runs < budget; n = n === 0 ? 1 : n * 2) {
      if (take(await attempt({ choices: choices.slice(0, n), faults }))) break;
    }
    if (improved) continue;
    // A step left out: work that did not lead to the failure goes after it, out of the run.
    for (let j = choices.length - 1; j >= 0 && runs < budget; j--) {
      if (take(await attempt({ choices: [...choices.slice(0, j), ...choices.slice(j + 1)], faults }))) break;
    }
    if (improved) continue;
    // Fewer preemptions: at a step that preempted, go on with the process that ran before.
    const sets = best.outcome.readySets;
    if (sets === null) break;
    for (let j = choices.length - 1; j >= 1 && runs < budget; j--) {
      const prev = Math.abs(choices[j - 1] as number);
      if (!(sets[j] as readonly number[]).includes(prev) || choices[j] === prev) continue;
      const next = [...choices.slice(0, j), prev, ...choices.slice(j)];
      if (take(await attempt({ choices: next, faults }))) break;
      const without = [...choices.slice(0, j), prev, ...choices.slice(j + 1)];
      if (take(await attempt({ choices: without, faults }))) break;
    }
  }
  return { outcome: best.outcome, runs };
}

/**
 * Runs a schedule strictly twice more and compares the traces with the failing run's.
 * @returns null if both repeat it, else the first line where one differs
 */
export async function confirm(
  outcome: RunOutcome,
  limits: RunLimits,
  fn: (...args: never[]) => unknown,
): Promise<string | null> {
  const want = outcome.trace.lines();
  for (let i = 0; i < 2; i++) {
    const again = await runOnce(
      runOptions(
        limits,
        outcome.seed,
        new Follow(outcome.schedule.choices, true),
        outcome.schedule.faults,
        null,
      ),
      fn,
    );
    const got = again.trace.lines();
    const n = Math.max(want.length, got.length);
    for (let k = 0; k < n; k++) {
      if (want[k] !== got[k]) {
        return `the replay diverged at trace line ${k + 1}: expected ${JSON.stringify(want[k] ?? '(end)')}, got ${JSON.stringify(got[k] ?? '(end)')}`;
      }
    }
  }
  return null;
}

export { runSeed };
