/**
 * erlts/mocha as users load it: a child mocha runs a suite that leaks on purpose
 * (test/fixtures/testing/leaky-suite.mocha.ts) with `--require` of the plugin and without
 * `--exit`, and the JSON reporter says which tests failed and why.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { fixtures, mochaFromSource, root, runNode, stillRunningAfter, type ChildRun } from './support.js';

const suite = join(fixtures, 'leaky-suite.mocha.ts');
const plugin = join(root, 'testing', 'mocha', 'index.ts');

interface Verdict {
  readonly title: string;
  readonly fullTitle: string;
  readonly err: { readonly message?: string };
}

interface Report {
  readonly stats: { readonly failures: number };
  readonly passes: readonly Verdict[];
  readonly failures: readonly Verdict[];
}

function report(run: ChildRun): Report {
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`no JSON report; stderr:\n${run.stderr}`);
  return JSON.parse(run.stdout.slice(start)) as Report;
}

function failure(r: Report, title: string): string {
  const f = r.failures.find((v) => v.title === title);
  if (f === undefined)
    throw new Error(`no failure for "${title}": ${r.failures.map((v) => v.title).join(', ')}`);
  return f.err.message ?? '';
}

describe('erlts/mocha', function () {
  this.timeout(90_000);

  describe('in a suite that leaks, with leaks failing the test (the default)', function () {
    let run: ChildRun;
    let r: Report;

    before(async function () {
      run = await runNode([...mochaFromSource, '--require', plugin, '--reporter', 'json', suite]);
      r = report(run);
    });

    it('ends the run by itself (no --exit) though a test forgot a server and a timer', function () {
      expect(run.killed).to.equal(false);
      expect(run.code).to.equal(r.stats.failures);
    });

    it('fails exactly the tests that leaked, and the run for what its before hook left', function () {
      expect(r.failures.map((f) => f.title)).to.have.members([
        'leaks a process',
        'leaks a listen socket',
        'forgets a server',
        'arms a timer aimed at the shell',
        '"after all" hook: afterAll in "{root}"',
      ]);
    });

    it('reports a leaked process with its pid and initial_call, and kills it', function () {
      expect(failure(r, 'leaks a process')).to.match(
        /^test "leaky suite leaks a process" leaked \(erlts has killed the processes\):\n {2}process <0\.\d+\.\d+> \(initial_call \{erlts,idle,0\}\)$/,
      );
      expect(r.passes.map((p) => p.title)).to.include('finds the leaked process killed');
    });

    it('reports a listen socket the shell left open, and closes it', function () {
      expect(failure(r, 'leaks a listen socket')).to.match(
        /\n {2}port #Port<0\.\d+> \(listening, on 127\.0\.0\.1:\d+, owner <0\.\d+\.\d+>\)$/,
      );
      expect(r.passes.map((p) => p.title)).to.include('finds the listen socket closed');
    });

    it('reports a forgotten server with the socket it owned, and kills it', function () {
      const message = failure(r, 'forgets a server');
      expect(message).to.match(/\n {2}process <0\.(\d+)\.0> \(initial_call \{erlts,server,0\}\)\n/);
      const pid = /process (<0\.\d+\.\d+>)/.exec(message)?.[1];
      expect(message).to.include(`, owner ${pid})`);
      expect(r.passes.map((p) => p.title)).to.include('finds the server killed');
    });

    it('reports a timer the test armed at the shell, and cancels it', function () {
      expect(failure(r, 'arms a timer aimed at the shell')).to.match(
        /^test "leaky suite arms a timer aimed at the shell" leaked \(erlts has cancelled the timers\):\n {2}timer #Ref<0\.\d+\.\d+\.\d+> aimed at the shell \(\d+ ms left\)$/,
      );
      expect(r.passes.map((p) => p.title)).to.include('finds the timer cancelled');
    });

    it("reports what the suite's before hook left at the end of the run, once", function () {
      expect(failure(r, '"after all" hook: afterAll in "{root}"')).to.match(
        /^the suites' before\/after hooks leaked \(erlts has killed the processes\):\n {2}process <0\.\d+\.\d+> \(initial_call \{erlts,shared,0\}\)$/,
      );
    });

    it('empties the mailbox and puts the shell back between tests, and leaves suite fixtures alone', function () {
      expect(r.passes.map((p) => p.title)).to.include.members([
        'does not get the message left before',
        'finds the shell as it was',
        'keeps the suite fixture alive',
        'starts a process that ends by itself within the grace period',
        'cleans up after itself',
      ]);
    });
  });

  it('warns instead of failing with ERLTS_LEAKS=warn, and still sweeps', async function () {
    const run = await runNode([...mochaFromSource, '--require', plugin, '--reporter', 'json', suite], {
      ERLTS_LEAKS: 'warn',
    });
    const r = report(run);
    expect(run.killed).to.equal(false);
    expect(r.failures).to.deep.equal([]);
    expect(run.code).to.equal(0);
    expect(r.passes.map((p) => p.title)).to.include.members([
      'finds the leaked process killed',
      'finds the listen socket closed',
      'finds the server killed',
    ]);
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('erlts: '));
    expect(warnings).to.have.length(5);
    expect(warnings[0]).to.equal(
      'erlts: test "leaky suite leaks a process" leaked (erlts has killed the processes):',
    );
  });

  it('says nothing with ERLTS_LEAKS=off, and still sweeps', async function () {
    const run = await runNode([...mochaFromSource, '--require', plugin, '--reporter', 'json', suite], {
      ERLTS_LEAKS: 'off',
    });
    const r = report(run);
    expect(run.killed).to.equal(false);
    expect(r.failures).to.deep.equal([]);
    expect(run.stderr).not.to.include('erlts:');
    expect(r.passes.map((p) => p.title)).to.include('finds the server killed');
  });

  it('refuses a bad ERLTS_LEAKS with badarg naming it', async function () {
    const run = await runNode([...mochaFromSource, '--require', plugin, suite], { ERLTS_LEAKS: 'loud' });
    expect(run.code).not.to.equal(0);
    expect(run.stderr).to.include('ERLTS_LEAKS must be fail, warn or off, got "loud"');
  });

  it('without the plugin, the same forgotten server keeps the run from ending', async function () {
    // The contrast that shows the plugin is what ends the run above: 2 s after mocha's summary
    // line, the process is still there.
    const run = await stillRunningAfter(
      [...mochaFromSource, '--grep', 'forgets a server', suite],
      /passing/,
      2000,
    );
    expect(run.stdout).to.include('1 passing');
    expect(run.running).to.equal(true);
  });
});
