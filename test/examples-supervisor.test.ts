/**
 * examples/ch_sup.js runs as a user runs it — `node examples/ch_sup.js` against the built
 * package — and prints its session: ch3 supervised, crashed, and restarted with a new pid.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('examples/ch_sup.js', () => {
  it('starts ch_sup, shows ch3 restarted with a new pid after a crash, and stops', async () => {
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(
        process.execPath,
        [join(root, 'examples', 'ch_sup.js')],
        { cwd: root, timeout: 10_000 },
        (e, out, err) => {
          if (e) reject(new Error(`ch_sup.js failed: ${e.message}\n${err}`));
          else resolve({ stdout: out, stderr: err });
        },
      );
    });
    expect(stdout).to.match(
      /^ch_sup started: true\nchild ch3 is a worker: <0\.\d+\.0>\nalloc: 1, alloc: 2\ncrashing ch3\nch3 restarted: true, new pid: <0\.\d+\.0>\nfresh state, alloc: 1\n\[\{specs,1\},\{active,1\},\{supervisors,0\},\{workers,1\}\]\nch_sup stopped: shutdown\n$/,
    );
    expect(stderr).to.contain('=SUPERVISOR REPORT====').and.contain('errorContext: child_terminated');
  });
});
