/**
 * erlts/node-test as users call it: `node --test` runs a suite that leaks on purpose
 * (test/fixtures/testing/leaky-suite.node-test.ts, which calls erltsHooks()), and the TAP
 * report says which tests failed and why.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { fixtures, nodeTestFromSource, runNode, type ChildRun } from './support.js';

const suite = join(fixtures, 'leaky-suite.node-test.ts');

/** The TAP verdict lines (`ok 2 - name`, `not ok 1 - name`) by test name. */
function verdicts(tap: string): Map<string, 'ok' | 'not ok'> {
  const out = new Map<string, 'ok' | 'not ok'>();
  for (const m of tap.matchAll(/^\s*(ok|not ok) \d+ - (.*)$/gm)) out.set(m[2] ?? '', m[1] as 'ok' | 'not ok');
  return out;
}

describe('erlts/node-test', function () {
  this.timeout(90_000);
  let run: ChildRun;
  let tap: Map<string, 'ok' | 'not ok'>;

  before(async function () {
    run = await runNode([...nodeTestFromSource, '--test-reporter=tap', suite]);
    tap = verdicts(run.stdout);
  });

  it('ends the file by itself though a test forgot a server and a timer, failing the run', function () {
    expect(run.killed).to.equal(false);
    expect(run.code).to.equal(1);
  });

  it('fails the tests that leaked and passes the others', function () {
    expect(Object.fromEntries(tap)).to.include({
      'leaks a process': 'not ok',
      'finds the leaked process killed': 'ok',
      'leaks a listen socket': 'not ok',
      'finds the listen socket closed': 'ok',
      'leaves a message in the mailbox': 'ok',
      'does not get the message left before': 'ok',
      'forgets a server': 'not ok',
      'finds the server killed': 'ok',
      'arms a timer aimed at the shell': 'not ok',
      'finds the timer cancelled': 'ok',
      'keeps the suite fixture alive': 'ok',
      'leaks from a subtest': 'not ok',
    });
  });

  it('names what leaked: pids with initial_call, sockets with their owner, timers', function () {
    expect(run.stdout).to.match(
      /test "leaky suite > leaks a process" leaked \(erlts has killed the processes\):\n\s+process <0\.\d+\.\d+> \(initial_call \{erlts,idle,0\}\)/,
    );
    expect(run.stdout).to.match(
      /\n\s+port #Port<0\.\d+> \(listening, on 127\.0\.0\.1:\d+, owner <0\.\d+\.\d+>\)\n/,
    );
    expect(run.stdout).to.match(/\n\s+process <0\.\d+\.\d+> \(initial_call \{erlts,server,0\}\)\n/);
    expect(run.stdout).to.match(
      /arms a timer aimed at the shell" leaked \(erlts has cancelled the timers\):\n\s+timer #Ref<0\.\d+\.\d+\.\d+> aimed at the shell \(\d+ ms left\)\n/,
    );
    expect(run.stdout).to.match(
      /leaks from a subtest" leaked \(erlts has killed the processes\):\n\s+process <0\.\d+\.\d+> \(initial_call \{erlts,sub,0\}\)/,
    );
  });

  it("names what the suite's before hook left, after the last test", function () {
    expect(run.stdout).to.match(
      /the suite's before\/after hooks leaked \(erlts has killed the processes\):\n\s+process <0\.\d+\.\d+> \(initial_call \{erlts,shared,0\}\)/,
    );
  });
});
