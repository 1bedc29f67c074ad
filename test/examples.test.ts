/**
 * Every example runs as a user runs it — `node examples/<name>.js` against the
 * built package — and prints what it promises, so the examples cannot rot.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function runExample(name: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(root, 'examples', name)],
      { cwd: root, timeout: 10_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${name} failed: ${error.message}\n${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}

describe('examples', () => {
  before(function () {
    if (!existsSync(join(root, 'dist', 'runtime', 'index.js'))) {
      throw new Error(
        'dist/ is missing: examples run the built package; run `npm run build` (npm test does)',
      );
    }
  });

  it('ping_pong.js prints the tut15 exchange', async () => {
    const { stdout, stderr } = await runExample('ping_pong.js');
    expect(stdout).to.equal(
      'Pong received ping\nPing received pong\n'.repeat(3) + 'ping finished\nPong finished\n',
    );
    expect(stderr).to.equal('');
  });

  it('counter_server.js answers calls matched on fresh refs', async () => {
    const { stdout } = await runExample('counter_server.js');
    expect(stdout).to.equal('counter is 3\n');
  });

  it('supervisor.js restarts a crashing worker until it finishes', async () => {
    const { stdout, stderr } = await runExample('supervisor.js');
    expect(stdout).to.match(
      /^worker <0\.\d+\.0> died: \{failed_attempt,1\}, restarting\nworker <0\.\d+\.0> died: \{failed_attempt,2\}, restarting\nworker finished on attempt 3\nworker done\n$/,
    );
    expect(stderr).to.equal('');
  });

  it('tour.js, the README quick tour, prints the pong and the trapped exit', async () => {
    const { stdout, stderr } = await runExample('tour.js');
    expect(stdout).to.match(/^got pong from <0\.\d+\.0>\n<0\.\d+\.0> exited: boom\n$/);
    expect(stderr).to.equal('');
  });
});
