/**
 * The code_lock examples (OTP Design Principles, gen_statem chapter) in both callback modes run
 * as a user runs them, with a 100 ms state timeout instead of the guide's 10 s: a wrong button
 * is ignored, the code opens the lock, the state timeout locks it again, terminate locks it.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function runExample(name: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--conditions=erlts-source', join(root, 'examples', name), ...args],
      { cwd: root, timeout: 20_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${name} failed: ${error.message}\n${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}

describe('examples: gen_statem code_lock', function () {
  this.timeout(30_000);
  for (const name of ['code_lock.js', 'code_lock_handle_event.js']) {
    it(`${name} unlocks on the code, locks on its state timeout and on terminate`, async () => {
      const { stdout, stderr } = await runExample(name, ['100']);
      expect(stderr).to.equal('');
      expect(stdout).to.equal('Lock\nUnlock\nLock\nUnlock\nLock\n');
    });
  }
});
