/**
 * The mocha root hooks: a snapshot before each test, the sweep after it (testing/internal/
 * leaks.ts), and the same around the whole run for what the suites' before/after hooks left.
 *
 * A leak fails the test that left it without stopping the run: mocha has already reported the
 * test passed when afterEach runs, and an error thrown from a root afterEach hook would end
 * the whole run (mocha skips every test after a failing root hook). So the hook hands the
 * error to the test as mocha's runner does for a failure that comes after a test's end (a
 * second done()): as the test's `error` event, which the runner turns into a failure of that
 * test. Where no runner listens (mocha changed, or the hook runs in some other harness), the
 * hook throws instead. A test that failed already is swept but not reported: it seldom got to
 * its own clean-up, and its failure is the news.
 */
import { current } from '../../internal/config.js';
import {
  addCounts,
  leakError,
  sweep,
  takeSnapshot,
  type Counts,
  type Snapshot,
} from '../../internal/leaks.js';

/** What mocha gives a hook as `this`: the parts of Mocha.Context the hooks read. */
interface HookContext {
  readonly currentTest?: {
    /** `failed` once mocha has failed the test. */
    readonly state?: string | undefined;
    fullTitle(): string;
    emit(event: 'error', error: Error): boolean;
    listenerCount(event: 'error'): number;
  };
}

/** An async mocha hook runs under one timer of mocha's own (its timeout), armed when it awaits. */
const hookTimer: ReadonlyMap<string, number> = new Map([['Timeout', 1]]);

let beforeTest: Snapshot | null = null;
let beforeRun: Snapshot | null = null;
/** Node handles a test's sweep reported and could not close: the run's sweep names them no more. */
let reported: Counts = new Map();

function report(error: Error, fail: (error: Error) => void): void {
  const mode = current().leaks;
  if (mode === 'fail') fail(error);
  else if (mode === 'warn') console.warn(`erlts: ${error.message}`);
}

/**
 * The root hooks mocha runs around every test and around the whole run (this module's
 * header says what they do). Mocha finds them under this name in a file given to
 * `--require`, which is how `mocha --require erlts/mocha` loads them; a plugin of one's own
 * may spread them into its hooks.
 * @example
 * // end_per_testcase(_Case, Config) -> [exit(P, kill) || P <- processes() -- ?config(pids, Config)], ok.
 * import { mochaHooks as erlts } from 'erlts/mocha';
 * export const mochaHooks = { ...erlts };
 */
export const mochaHooks = {
  beforeAll(this: HookContext): void {
    beforeRun = takeSnapshot();
  },

  beforeEach(this: HookContext): void {
    beforeTest = takeSnapshot();
  },

  async afterEach(this: HookContext): Promise<void> {
    const before = beforeTest;
    beforeTest = null;
    if (before === null) return;
    // Mocha arms this hook's timer once the hook has returned its promise: wait for it, so
    // the allowance for it is right from the first look.
    await Promise.resolve();
    const { lines, handles } = await sweep(before, { allowance: hookTimer });
    if (lines.length === 0) return;
    reported = addCounts(reported, handles);
    const test = this.currentTest;
    // A test that failed seldom got to its own clean-up: what it left says nothing new.
    if (test?.state === 'failed') return;
    const title = test?.fullTitle() ?? '(unknown)';
    report(leakError(`test "${title}"`, lines), (error) => {
      if (test !== undefined && test.listenerCount('error') > 0) test.emit('error', error);
      else throw error;
    });
  },

  async afterAll(this: HookContext): Promise<void> {
    const before = beforeRun;
    beforeRun = null;
    if (before === null) return;
    await Promise.resolve();
    const { lines } = await sweep(before, { allowance: hookTimer, reported, endOfRun: true });
    reported = new Map();
    if (lines.length === 0) return;
    report(leakError("the suites' before/after hooks", lines), (error) => {
      throw error;
    });
  },
};
