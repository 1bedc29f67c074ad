/**
 * The settings the test plugins share: what a leak does (`fail`, the default; `warn`; `off`)
 * and how long a test's processes and Node handles get to end by themselves before they count
 * as leaked. Read once from the environment (`ERLTS_LEAKS`), changed by {@link configure}.
 */
import { badarg, describe } from '../../runtime/internal/library-api.js';

/** What a leak does: fails the test that left it, prints a warning, or neither. */
export type LeakMode = 'fail' | 'warn' | 'off';

/** The plugins' settings. */
export interface Settings {
  /** What a leak does; from `ERLTS_LEAKS` when set, else `fail`. */
  readonly leaks: LeakMode;
  /** Milliseconds a test's processes and handles get to end by themselves (default 100). */
  readonly grace: number;
}

const modes: readonly LeakMode[] = ['fail', 'warn', 'off'];
/** The longest grace accepted: a minute, far beyond any test's need, still a bound. */
const maxGrace = 60_000;

function modeFromEnv(): LeakMode {
  const value = process.env['ERLTS_LEAKS'];
  if (value === undefined || value === '') return 'fail';
  if (!(modes as readonly string[]).includes(value)) {
    badarg('erlts test plugin', `ERLTS_LEAKS must be fail, warn or off, got ${JSON.stringify(value)}`);
  }
  return value as LeakMode;
}

let settings: Settings = { leaks: modeFromEnv(), grace: 100 };

/** The settings in force. */
export function current(): Settings {
  return settings;
}

/**
 * Changes the test plugin's settings: what a leak does, and how long a test's processes and
 * Node handles get to end by themselves before they count as leaked. The environment variable
 * `ERLTS_LEAKS` (`fail`, `warn`, `off`) sets `leaks` for a run without code; a call here wins
 * over it. Call it from a file the test runner loads first (a mocha `--require`, the top of a
 * node:test file), or in a test to change the settings from there on.
 * @param options - `leaks`: `fail` (the default: the test that leaked fails), `warn` (a warning
 *   on stderr) or `off` (no report; the sweep still kills and closes); `grace`: milliseconds,
 *   an integer from 0 to 60000 (default 100)
 * @returns the settings before the call, to put back with another call
 * @throws ErlangError `badarg` for an unknown setting or a bad value
 * @example
 * // application:set_env(erlts, leaks, warn)
 * configure({ leaks: 'warn' });
 */
export function configure(options: Partial<Settings>): Settings {
  const fn = 'configure/1';
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    badarg(fn, `expected an object of settings, got ${describe(options)}`);
  }
  let next = settings;
  for (const [key, value] of Object.entries(options) as [string, unknown][]) {
    if (key === 'leaks') {
      if (!(modes as readonly unknown[]).includes(value)) {
        badarg(fn, `leaks must be fail, warn or off, got ${describe(value)}`);
      }
      next = { ...next, leaks: value as LeakMode };
    } else if (key === 'grace') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > maxGrace) {
        badarg(
          fn,
          `grace must be an integer number of milliseconds from 0 to ${maxGrace}, got ${describe(value)}`,
        );
      }
      next = { ...next, grace: value };
    } else {
      badarg(fn, `unknown setting ${JSON.stringify(key)}; the settings are leaks and grace`);
    }
  }
  const before = settings;
  settings = next;
  return before;
}
