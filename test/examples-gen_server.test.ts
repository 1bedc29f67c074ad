/**
 * examples/ch3.js, the OTP Design Principles' channel server, runs as a user runs it — `node
 * examples/ch3.js` against the built package — and prints its session.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('examples/ch3.js', function () {
  this.timeout(20_000);

  it('allocates two channels, frees one and gets it back', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [join(root, 'examples', 'ch3.js')],
        { cwd: root, timeout: 10_000 },
        (error, out, err) => {
          if (error) reject(new Error(`ch3.js failed: ${error.message}\n${err}`));
          else resolve(out);
        },
      );
    });
    expect(stdout).to.equal('allocated 1 and 2\nafter freeing 1 the next is 1\n');
  });
});
