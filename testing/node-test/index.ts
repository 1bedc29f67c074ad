/**
 * erlts/node-test — erlts's cleanup for `node:test` suites: call `erltsHooks()` in a test file
 * and after each test the processes it left running are killed (which closes the sockets they
 * own), the ports and sockets the shell (the test body's process) opened are closed, the
 * shell's mailbox is emptied, and a leak fails the test that left it, naming what it left.
 * Every wait is bounded: a forgotten server cannot hang the file. Plus assertions on the
 * mailbox. The same sweep as erlts/mocha's; `ERLTS_LEAKS=warn` (or `off`) or {@link configure}
 * changes what a leak does.
 *
 * @example
 * // end_per_testcase(_Case, Config) -> [exit(P, kill) || P <- processes() -- ?config(pids, Config)], ok.
 * import { test } from 'node:test';
 * import { erltsHooks, assert_receive } from 'erlts/node-test';
 * erltsHooks();
 * test('echoes', async () => {
 *   send(spawn(echo), ['echo', self(), 'hi']);
 *   await assert_receive('hi');
 * });
 */
export { erltsHooks } from './internal/hooks.js';
export { configure, type Settings, type LeakMode } from '../internal/config.js';
export { assert_receive, refute_receive } from '../internal/mailbox.js';
