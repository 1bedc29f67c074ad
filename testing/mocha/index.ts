/**
 * erlts/mocha — a mocha root-hook plugin for message-driven test suites. After each test it
 * kills the processes the test left running (which closes the sockets they own), closes the
 * ports and sockets the shell (the test body's process) opened, empties the shell's mailbox,
 * and fails the test that leaked, naming the pids, sockets and Node handles it left; at the
 * end of the run the same for what the suites' before/after hooks left. Every wait is bounded:
 * a forgotten server cannot hang the suite. Plus assertions on the mailbox.
 *
 * Load it with `mocha --require erlts/mocha`, or `"require": ["erlts/mocha"]` in `.mocharc`.
 * `ERLTS_LEAKS=warn` (or `off`) or {@link configure} changes what a leak does.
 *
 * @example
 * // %% .mocharc.json: { "require": ["erlts/mocha"] }
 * import { assert_receive } from 'erlts/mocha';
 * it('echoes', async () => {
 *   const Pid = spawn(echo);
 *   send(Pid, ['echo', self(), 'hi']);
 *   await assert_receive('hi');
 * });
 */
export { mochaHooks } from './internal/hooks.js';
export { configure, type Settings, type LeakMode } from '../internal/config.js';
export { assert_receive, refute_receive } from '../internal/mailbox.js';
