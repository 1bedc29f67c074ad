/**
 * The node:test hooks: the same sweep as erlts/mocha's (testing/internal/leaks.ts) after each
 * test and after the last, registered with node:test's `beforeEach`, `afterEach`, `before` and
 * `after` where `erltsHooks()` is called. node:test fails a test whose afterEach hook throws
 * (and goes on with the next), so a leak simply throws.
 *
 * node:test runs the hooks of one level in the order they were registered, inner levels first:
 * hooks registered before `erltsHooks()` at the same level clean up before the sweep looks.
 */
import { after, afterEach, before, beforeEach } from 'node:test';
import { current } from '../../internal/config.js';
import {
  addCounts,
  leakError,
  sweep,
  takeSnapshot,
  type Counts,
  type Snapshot,
} from '../../internal/leaks.js';

/** What node:test gives a hook: the test's context, of which the hooks read the name. */
interface TestContext {
  readonly name: string;
  /** Node 22.3 and later (and recent 20.x): the name with those of the enclosing suites. */
  readonly fullName?: string;
}

function report(error: Error): void {
  const mode = current().leaks;
  if (mode === 'fail') throw error;
  if (mode === 'warn') console.warn(`erlts: ${error.message}`);
}

/**
 * Registers erlts's cleanup with node:test: after each test, the processes it left running are
 * killed (which closes the sockets they own), the ports and sockets the shell opened are
 * closed, the shell's mailbox is emptied, and a leak fails the test, naming what it left; after
 * the last test, the same for what the suite's before/after hooks left. Every wait is bounded.
 * Call it once per test file, at the top level (or in a `describe`, for that suite only), after
 * the hooks of your own at the same level.
 * @returns `ok`
 * @example
 * // init_per_suite(Config) -> [{pids, processes()} | Config].
 * // end_per_testcase(_Case, Config) -> [exit(P, kill) || P <- processes() -- ?config(pids, Config)], ok.
 * import { erltsHooks } from 'erlts/node-test';
 * erltsHooks();
 */
export function erltsHooks(): 'ok' {
  let beforeSuite: Snapshot | null = null;
  // By test: a test's subtests run inside it, each with its own before/afterEach.
  const beforeTest = new Map<TestContext, Snapshot>();
  // Node handles a test's sweep reported and could not close: the suite's sweep names them no more.
  let reported: Counts = new Map();
  before(() => {
    beforeSuite = takeSnapshot();
  });
  beforeEach((t: TestContext) => {
    beforeTest.set(t, takeSnapshot());
  });
  afterEach(async (t: TestContext) => {
    const snapshot = beforeTest.get(t);
    beforeTest.delete(t);
    if (snapshot === undefined) return;
    const { lines, handles } = await sweep(snapshot);
    if (lines.length === 0) return;
    reported = addCounts(reported, handles);
    report(leakError(`test "${t.fullName ?? t.name}"`, lines));
  });
  after(async () => {
    const snapshot = beforeSuite;
    beforeSuite = null;
    if (snapshot === null) return;
    const { lines } = await sweep(snapshot, { reported, endOfRun: true });
    reported = new Map();
    if (lines.length > 0) report(leakError("the suite's before/after hooks", lines));
  });
  return 'ok';
}
