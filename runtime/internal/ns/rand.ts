/**
 * The `rand` module's uniform draws: from Math.random in ordinary code, and from the seed inside
 * a simulation (erlts/sim), so a scenario that draws numbers replays exactly.
 */
import { badarg, describe } from '../errors.js';
import { simulator } from '../sim-hooks.js';

/** A float in [0, 1): the simulation's when the caller is in one. */
function draw(): number {
  const sim = simulator;
  return sim !== null && sim.clockFor() !== null ? sim.random() : Math.random();
}

/**
 * rand:uniform/0,1: a float in [0.0, 1.0), or an integer from 1 to `n`. Seeded by the simulation
 * inside one (erlts/sim), else from Math.random.
 * @param n - a positive integer (uniform/1), or nothing (uniform/0)
 * @returns the number drawn
 * @throws ErlangError `badarg` when `n` is no positive integer
 * @example
 * // Roll = rand:uniform(6)
 * const Roll = rand.uniform(6);
 * @see https://www.erlang.org/doc/man/rand.html#uniform-1
 */
export function uniform(n?: number): number {
  if (n === undefined) return draw();
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    badarg('rand:uniform/1', `expected a positive integer, got ${describe(n)}`);
  }
  return 1 + Math.floor(draw() * n);
}
