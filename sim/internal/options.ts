/**
 * The options of simulate and explore, checked: an unknown option, a misspelt strategy, a
 * probability above 1 or a malformed fault is refused with badarg naming it, never ignored.
 */
import { badarg, describe } from '../../runtime/internal/sim-api.js';
import type { Fault } from './schedule.js';

/** The options every run takes. */
const limits = ['maxSteps', 'maxTime', 'traceLimit', 'stallMs', 'failOnCrash'];
/** simulate's options. */
export const simulateKeys = [...limits, 'seed', 'schedule', 'strategy', 'depth', 'faults', 'chaos', 'expect'];
/** explore's and check's options. */
export const exploreKeys = [
  ...limits,
  'runs',
  'seed',
  'strategy',
  'depth',
  'preemptions',
  'faults',
  'chaos',
  'shrink',
];
const chaosKeys = ['kill', 'drop', 'delay', 'hold', 'socket', 'maxDelay'];

function isCount(x: unknown, min: number): boolean {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= min;
}

function isSelector(x: unknown): boolean {
  return isCount(x, 1) || (typeof x === 'string' && x !== '');
}

/** Whether `f` is a fault simulate knows. */
function isFault(f: unknown): f is Fault {
  if (typeof f !== 'object' || f === null) return false;
  const o = f as Record<string, unknown>;
  const keys = Object.keys(o).sort().join(',');
  if ('step' in o) {
    if (!isCount(o['step'], 1)) return false;
    if (keys === 'kill,step') return isSelector(o['kill']);
    if (keys === 'exit,reason,step') return isSelector(o['exit']) && typeof o['reason'] === 'string';
    if (keys === 'fault,socket,step')
      return isCount(o['socket'], 1) && ['close', 'reset', 'half_close'].includes(o['fault'] as string);
    if (keys === 'delay,socket,step') return isCount(o['socket'], 1) && isCount(o['delay'], 1);
    if (keys === 'slow,socket,step') return isCount(o['socket'], 1) && isCount(o['slow'], 1);
    return false;
  }
  if (!isCount(o['send'], 1)) return false;
  if (keys === 'drop,send') return o['drop'] === true;
  if (keys === 'delay,send') return isCount(o['delay'], 1);
  if (keys === 'hold,send') return o['hold'] === true;
  return false;
}

/**
 * Checks `options` of `fn` (its Erlang-style name for the message) against `keys` and the
 * strategies it takes, and that `scenario` is a function.
 * @throws ErlangError badarg naming the option that is wrong
 */
export function checkOptions(
  fn: string,
  options: unknown,
  keys: readonly string[],
  strategies: readonly string[],
  scenario: unknown,
): void {
  if (typeof options !== 'object' || options === null)
    badarg(fn, `the options must be an object, got ${describe(options)}`);
  if (typeof scenario !== 'function')
    badarg(fn, `the scenario must be a function, got ${describe(scenario)}`);
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!keys.includes(key)) badarg(fn, `unknown option ${JSON.stringify(key)} (known: ${keys.join(', ')})`);
  }
  const count = (key: string, min: number): void => {
    const v = o[key];
    if (v !== undefined && !isCount(v, min))
      badarg(fn, `${key} must be an integer of at least ${min}, got ${describe(v)}`);
  };
  count('maxSteps', 1);
  count('traceLimit', 1);
  count('stallMs', 1);
  count('runs', 1);
  count('depth', 1);
  count('preemptions', 0);
  count('shrink', 0);
  if (o['seed'] !== undefined && !(typeof o['seed'] === 'number' && Number.isSafeInteger(o['seed']))) {
    badarg(fn, `the seed must be an integer, got ${describe(o['seed'])}`);
  }
  const maxTime = o['maxTime'];
  if (maxTime !== undefined && !(typeof maxTime === 'number' && maxTime >= 0)) {
    badarg(fn, `maxTime must be a number of ms, got ${describe(maxTime)}`);
  }
  if (o['failOnCrash'] !== undefined && typeof o['failOnCrash'] !== 'boolean') {
    badarg(fn, `failOnCrash must be a boolean, got ${describe(o['failOnCrash'])}`);
  }
  if (o['strategy'] !== undefined && !strategies.includes(o['strategy'] as string)) {
    badarg(fn, `unknown strategy ${describe(o['strategy'])} (known: ${strategies.join(', ')})`);
  }
  const faults = o['faults'];
  if (faults !== undefined) {
    if (!Array.isArray(faults)) badarg(fn, `faults must be an array, got ${describe(faults)}`);
    for (const f of faults)
      if (!isFault(f)) badarg(fn, `${JSON.stringify(f)} is not a fault (docs/sim.md, "Faults")`);
  }
  const chaos = o['chaos'];
  if (chaos !== undefined) {
    if (typeof chaos !== 'object' || chaos === null)
      badarg(fn, `chaos must be an object, got ${describe(chaos)}`);
    for (const [key, v] of Object.entries(chaos)) {
      if (!chaosKeys.includes(key))
        badarg(fn, `unknown chaos ${JSON.stringify(key)} (known: ${chaosKeys.join(', ')})`);
      const ok = key === 'maxDelay' ? isCount(v, 1) : typeof v === 'number' && v >= 0 && v <= 1;
      if (!ok)
        badarg(
          fn,
          `chaos.${key} must be ${key === 'maxDelay' ? 'a positive integer' : 'a probability from 0 to 1'}, got ${describe(v)}`,
        );
    }
  }
  const schedule = o['schedule'];
  if (schedule !== undefined && typeof schedule !== 'string') {
    const s: { choices?: unknown; faults?: unknown } | null = typeof schedule === 'object' ? schedule : null;
    if (s === null || !Array.isArray(s.choices) || !Array.isArray(s.faults)) {
      badarg(fn, `the schedule must be a schedule's text or { choices, faults }, got ${describe(schedule)}`);
    }
  }
}
