/**
 * erlts/sim: deterministic simulation. A scenario runs as a process under a virtual clock and a
 * seeded scheduler; every process it spawns joins it. The same seed gives the same schedule, the
 * same trace and the same result; `explore` runs many schedules, stops at the first that fails,
 * shrinks it and says how to replay it. See docs/sim.md.
 *
 * @example
 * import { simulate, explore } from 'erlts/sim';
 * const r = await simulate({ seed: 7 }, async () => {
 *   send_after(30_000, self(), 'tick');
 *   return receive(on('tick', () => 'ticked'));
 * });
 * // r.result === 'ticked', r.virtualMs === 30000, in a few ms of wall time
 */
import { type RunOutcome } from './internal/simulation.js';
import {
  Exhaustive,
  type RunLimits,
  type StrategyName,
  confirm,
  runOnce,
  runOptions,
  runSeed,
  shrink,
  strategyFor,
} from './internal/explore.js';
import { Follow, Pct, RandomWalk, type Strategy } from './internal/strategy.js';
import { Simulation } from './internal/simulation.js';
import {
  type Chaos,
  type Fault,
  type Schedule,
  decodeSchedule,
  encodeSchedule,
} from './internal/schedule.js';
import { Trace } from './internal/trace.js';
import { checkOptions, exploreKeys, simulateKeys } from './internal/options.js';

export { type TraceEvent, type EventKind } from './internal/trace.js';
export type { Chaos, Fault, ProcessSelector, Schedule } from './internal/schedule.js';
export type { FailureKind } from './internal/simulation.js';
export type { RunLimits, StrategyName } from './internal/explore.js';

export { Trace } from './internal/trace.js';
export { encodeSchedule, decodeSchedule } from './internal/schedule.js';

/** A scenario: the code the simulation runs as its first process. */
export type Scenario<R> = () => R | Promise<R>;

/** How {@link simulate} runs a scenario. */
export interface SimulateOptions extends RunLimits {
  /** The seed of the schedule, the faults drawn and `rand` (default: a random one, reported). */
  readonly seed?: number;
  /**
   * A recorded schedule to replay (a result's or an error's `schedule`): the same process at each
   * step, the same faults; a step whose process is not ready fails the run as `diverged`.
   */
  readonly schedule?: string | Schedule;
  /** How ready processes are picked when no schedule is given (default `'random'`). */
  readonly strategy?: 'random' | 'pct' | 'fifo';
  /** PCT's bug depth (default 3). */
  readonly depth?: number;
  /** Faults at given steps or sends. */
  readonly faults?: readonly Fault[];
  /** Faults drawn from the seed. */
  readonly chaos?: Chaos;
  /** The trace of an earlier run this one must repeat, line for line (else it fails as `diverged`). */
  readonly expect?: Trace | string;
}

/** What a simulated run gives. */
export interface SimulationResult<R> {
  /** What the scenario returned. */
  readonly result: R;
  readonly seed: number;
  /** Virtual time at the end, in ms. */
  readonly virtualMs: number;
  readonly steps: number;
  readonly trace: Trace;
  /** The run's schedule, to replay it with `simulate({ seed, schedule }, scenario)`. */
  readonly schedule: string;
}

/**
 * A failed run: its kind, the seed, the schedule and trace, and the one-line call that replays
 * it. Its message names all of that, so a test that lets it through says how to reproduce it.
 * @example
 * // Concuerror's "Erroneous interleaving found", as an error a test can catch:
 * try {
 *   await simulate({ seed: 7 }, scenario);
 * } catch (e) {
 *   if (e instanceof SimulationError) console.log(e.kind, e.replay, e.trace.mermaid());
 * }
 */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';
  /** The run's seed. */
  readonly seed: number;
  /** The failing run's schedule, in text form. */
  readonly schedule: string;
  /** The one-line call that replays the failing run. */
  readonly replay: string;
  readonly trace: Trace;
  readonly steps: number;
  readonly virtualMs: number;
  /** The scenario's exit reason for a crash; else the kind. */
  readonly reason: unknown;
  /** Set by explore: the run it was found in (from 1), its strategy, and what shrinking did. */
  readonly found: { readonly run: number; readonly strategy: string; readonly shrunkFrom?: number } | null;
  /** Set by explore when replaying the schedule did not repeat the trace (uncontrolled nondeterminism). */
  readonly nondeterministic: string | null;

  constructor(
    readonly kind: import('./internal/simulation.js').FailureKind,
    outcome: RunOutcome,
    found: SimulationError['found'] = null,
    nondeterministic: string | null = null,
  ) {
    const schedule = encodeSchedule(outcome.schedule);
    const replay = `simulate({ seed: ${outcome.seed}, schedule: '${schedule}' }, scenario)`;
    const where =
      found === null
        ? ''
        : ` (found in run ${found.run}, ${found.strategy}${found.shrunkFrom === undefined ? '' : `, shrunk from ${found.shrunkFrom} steps`})`;
    super(
      `simulation failed (${kind}) at step ${outcome.steps}, ${outcome.virtualMs} virtual ms, seed ${outcome.seed}${where}: ${outcome.message}\n` +
        `  replay: ${replay.length > 2000 ? `${replay.slice(0, 2000)}...' (see error.replay)` : replay}\n` +
        (nondeterministic === null ? '' : `  not deterministic: ${nondeterministic}\n`) +
        `  last events:\n${outcome.trace
          .tail(12)
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n')}`,
      outcome.error === undefined ? undefined : { cause: outcome.error },
    );
    this.seed = outcome.seed;
    this.schedule = schedule;
    this.replay = replay;
    this.trace = outcome.trace;
    this.steps = outcome.steps;
    this.virtualMs = outcome.virtualMs;
    this.reason = outcome.reason;
    this.found = found;
    this.nondeterministic = nondeterministic;
    // The trace and the schedule can be megabytes: an uncaught error prints its message, not them.
    for (const key of ['trace', 'schedule', 'replay'])
      Object.defineProperty(this, key, { enumerable: false });
  }
}

function pickSeed(seed: number | undefined): number {
  return seed ?? Math.floor(Math.random() * 0x7fff_ffff);
}

function asSchedule(schedule: string | Schedule): Schedule {
  return typeof schedule === 'string' ? decodeSchedule(schedule) : schedule;
}

/**
 * Runs `scenario` as a process under a virtual clock and a seeded scheduler, to the end of that
 * process (what it leaves running is killed). Every `after`, `send_after`, `timer` call and socket
 * timeout of its processes runs on virtual time, which jumps to the next timer as soon as every
 * process waits; ready processes run one at a time, in an order drawn from the seed.
 * @param options - the seed, or a schedule to replay; faults; limits
 * @param scenario - the first process's code
 * @returns the scenario's result with the seed, virtual time, trace and schedule
 * @throws SimulationError when the scenario's process crashes, every process waits for ever
 *   (`deadlock`), a limit is reached, or a replay diverges
 * @example
 * // A 30-second state timeout, in milliseconds of wall time:
 * // {ok, Pid} = door:start_link(), door:open(Pid), timer:sleep(31000), closed = door:state(Pid)
 * const r = await simulate({ seed: 1 }, async () => {
 *   const [, Pid] = await door.start_link();
 *   await door.open(Pid);
 *   await timer.sleep(31_000);
 *   return door.state(Pid);
 * });
 * assert.equal(r.result, 'closed');
 */
export async function simulate<R>(
  options: SimulateOptions,
  scenario: Scenario<R>,
): Promise<SimulationResult<Awaited<R>>> {
  checkOptions('erlts/sim:simulate/2', options, simulateKeys, ['random', 'pct', 'fifo'], scenario);
  const seed = pickSeed(options.seed);
  let strategy: Strategy;
  let faults: readonly Fault[] = options.faults ?? [];
  let chaos: Chaos | null = options.chaos ?? null;
  if (options.schedule !== undefined) {
    const schedule = asSchedule(options.schedule);
    strategy = new Follow(schedule.choices, true);
    faults = [...schedule.faults, ...faults];
    chaos = null;
  } else if (options.strategy === 'pct') {
    strategy = new Pct(Simulation.scheduleRandom(seed), options.depth ?? 3, options.maxSteps ?? 1000);
  } else if (options.strategy === 'fifo') {
    strategy = new Follow([], false);
  } else {
    strategy = new RandomWalk(Simulation.scheduleRandom(seed));
  }
  const outcome = await runOnce(runOptions(options, seed, strategy, faults, chaos), scenario);
  if (!outcome.ok) throw new SimulationError(outcome.kind ?? 'crash', outcome);
  if (options.expect !== undefined) {
    const want = typeof options.expect === 'string' ? options.expect.split('\n') : options.expect.lines();
    const got = outcome.trace.lines();
    for (let k = 0; k < Math.max(want.length, got.length); k++) {
      if (want[k] !== got[k]) {
        const diverged = { ...outcome, ok: false, kind: 'diverged' as const };
        throw new SimulationError('diverged', {
          ...diverged,
          message: `the run diverged from the expected trace at line ${k + 1}: expected ${JSON.stringify(want[k] ?? '(end)')}, got ${JSON.stringify(got[k] ?? '(end)')}`,
        });
      }
    }
  }
  return {
    result: outcome.value as Awaited<R>,
    seed,
    virtualMs: outcome.virtualMs,
    steps: outcome.steps,
    trace: outcome.trace,
    schedule: encodeSchedule(outcome.schedule),
  };
}

/** How {@link explore} searches. */
export interface ExploreOptions extends RunLimits {
  /** Runs at most (default 1,000). */
  readonly runs?: number;
  /** The seed of run 1; run i's seed is derived from it (default: a random one, reported). */
  readonly seed?: number;
  /**
   * `'random'` walks, `'pct'` runs, `'mixed'` (the default: random and PCT of depth 1 to `depth`
   * in turn), or `'exhaustive'`: every schedule with at most `preemptions` preemptions.
   */
  readonly strategy?: StrategyName;
  /** PCT's bug depth (default 3). */
  readonly depth?: number;
  /** The preemption bound of the exhaustive search (default 2). */
  readonly preemptions?: number;
  readonly faults?: readonly Fault[];
  readonly chaos?: Chaos;
  /** Runs shrinking may make (default 300; 0: no shrinking). */
  readonly shrink?: number;
}

/** What {@link explore} found. */
export interface ExploreResult {
  /** Runs made before the failure, or all of them. */
  readonly runs: number;
  /** The first failure, shrunk, or null. */
  readonly failure: SimulationError | null;
  /** For the exhaustive search: whether every schedule within the bound was run. */
  readonly exhausted: boolean;
  /** The seed of run 1. */
  readonly seed: number;
}

/**
 * Runs `scenario` under many schedules (and faults, when asked) and stops at the first that
 * fails; shrinks that one to the shortest failing schedule it finds and checks it replays.
 * @returns the runs made and the failure, shrunk, or null
 * @example
 * // A lost update: two clients' get-then-put on one server. Concuerror would say
 * // "Erroneous interleaving"; explore says which, and how to replay it:
 * const { failure } = await explore({ runs: 1000, seed: 1 }, lostUpdate);
 * if (failure !== null) console.log(failure.replay, failure.trace.mermaid());
 */
export async function explore(options: ExploreOptions, scenario: Scenario<unknown>): Promise<ExploreResult> {
  const strategies = ['random', 'pct', 'mixed', 'exhaustive'];
  checkOptions('erlts/sim:explore/2', options, exploreKeys, strategies, scenario);
  const seed = pickSeed(options.seed);
  const runs = options.runs ?? 1000;
  const name = options.strategy ?? 'mixed';
  const depth = options.depth ?? 3;
  const faults = options.faults ?? [];
  const chaos = options.chaos ?? null;
  const exhaustive = name === 'exhaustive' ? new Exhaustive(options.preemptions ?? 2) : null;
  let steps = 100;
  let i = 0;
  let failing: { outcome: RunOutcome; label: string } | null = null;
  for (; i < runs; i++) {
    const s = runSeed(seed, i);
    let strategy: Strategy;
    let label: string;
    if (exhaustive !== null) {
      const next = exhaustive.next();
      if (next === null) return { runs: i, failure: null, exhausted: true, seed };
      strategy = next;
      label = `exhaustive, ${options.preemptions ?? 2} preemptions at most`;
    } else {
      ({ strategy, label } = strategyFor(name as Exclude<StrategyName, 'exhaustive'>, s, i, depth, steps));
    }
    const outcome = await runOnce(
      runOptions(options, s, strategy, faults, chaos, exhaustive !== null),
      scenario,
    );
    steps = Math.max(steps, outcome.steps);
    exhaustive?.ran(outcome);
    if (!outcome.ok) {
      failing = { outcome, label };
      break;
    }
  }
  if (failing === null) return { runs: i, failure: null, exhausted: exhaustive?.next() === null, seed };
  let outcome = failing.outcome;
  const found: { run: number; strategy: string; shrunkFrom?: number } = {
    run: i + 1,
    strategy: failing.label,
  };
  const budget = options.shrink ?? 300;
  if (budget > 0) {
    const shrunk = await shrink(outcome, options, scenario, budget);
    if (shrunk.outcome.steps !== outcome.steps) found.shrunkFrom = outcome.steps;
    outcome = shrunk.outcome;
  }
  const diverged = await confirm(outcome, options, scenario);
  return {
    runs: i + 1,
    failure: new SimulationError(outcome.kind ?? 'crash', outcome, found, diverged),
    exhausted: false,
    seed,
  };
}

/**
 * {@link explore} for a test: resolves when no run failed, rejects with the shrunk
 * {@link SimulationError} (its message names the seed and the replay call) when one did.
 * @returns the exploration's result when nothing failed
 * @example
 * // A property over every interleaving, as a PropEr statem test would check it:
 * it('keeps every update', () => check({ runs: 10_000, seed: 1 }, lostUpdateFixed));
 */
export async function check(options: ExploreOptions, scenario: Scenario<unknown>): Promise<ExploreResult> {
  const result = await explore(options, scenario);
  if (result.failure !== null) throw result.failure;
  return result;
}
