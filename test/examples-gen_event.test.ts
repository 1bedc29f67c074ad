/**
 * examples/terminal_logger.js (OTP Design Principles' gen_event chapter) run as a user runs it,
 * as a child process, printing what the chapter's shell session prints.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('examples: gen_event', () => {
  it('terminal_logger prints the event it is notified of', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [join(root, 'examples', 'terminal_logger.js')],
        { cwd: root, timeout: 20_000 },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
      );
    });
    expect(stdout.replace(/<\d+\.\d+\.\d+>/, '<PID>')).to.equal(
      '{ok,<PID>}\nok\nok\n***Error*** no_reply\nok\nok\n',
    );
  });
});
