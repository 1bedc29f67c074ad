/**
 * The behaviour examples run as a user runs them — `node examples/<name>.js` against the built
 * package — and print what they promise: the OTP Design Principles' ch3 gen_server, ch_sup
 * supervisor, code_lock gen_statem in both callback modes and terminal_logger gen_event handler,
 * and the supervised acceptor pool, driven over real loopback sockets.
 */
import { expect } from 'chai';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as gen_tcp from 'erlts/gen_tcp';
import { ok } from 'erlts';
import { runExample as runExampleIn, startChild } from './support/child.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function runExample(name: string, args: readonly string[] = []): Promise<{ stdout: string; stderr: string }> {
  return runExampleIn(root, name, args, 20_000);
}

describe('examples: OTP behaviours', function () {
  this.timeout(30_000);

  it('ch3.js allocates two channels, frees one and gets it back', async () => {
    const { stdout, stderr } = await runExample('ch3.js');
    expect(stdout).to.equal('allocated 1 and 2\nafter freeing 1 the next is 1\n');
    expect(stderr).to.equal('');
  });

  it('ch_sup.js starts ch_sup, shows ch3 restarted with a new pid after a crash, and stops', async () => {
    const { stdout, stderr } = await runExample('ch_sup.js');
    expect(stdout).to.match(
      /^ch_sup started: true\nchild ch3 is a worker: <0\.\d+\.\d+>\nalloc: 1, alloc: 2\ncrashing ch3\nch3 restarted: true, new pid: <0\.\d+\.\d+>\nfresh state, alloc: 1\n\[\{specs,1\},\{active,1\},\{supervisors,0\},\{workers,1\}\]\nch_sup stopped: shutdown\n$/,
    );
    expect(stderr).to.contain('=SUPERVISOR REPORT====').and.contain('errorContext: child_terminated');
  });

  for (const name of ['code_lock.js', 'code_lock_handle_event.js']) {
    it(`${name} unlocks on the code, locks on its state timeout and on terminate`, async () => {
      const { stdout, stderr } = await runExample(name, ['100']);
      expect(stderr).to.equal('');
      expect(stdout).to.equal('Lock\nUnlock\nLock\nUnlock\nLock\n');
    });
  }

  it('terminal_logger.js prints the event it is notified of', async () => {
    const { stdout, stderr } = await runExample('terminal_logger.js');
    expect(stdout.replace(/<\d+\.\d+\.\d+>/, '<PID>')).to.equal(
      '{ok,<PID>}\nok\nok\n***Error*** no_reply\nok\nok\n',
    );
    expect(stderr).to.equal('');
  });

  it('pool/main.js: 3 supervised acceptors serve 6 clients at once, each handed to a handler, and go on serving', async () => {
    const child = startChild(process.execPath, [join(root, 'examples', 'pool', 'main.js'), '0', '3'], {
      cwd: root,
      name: 'pool/main.js',
    });
    try {
      const [, port] = await child.waitFor(/listening on port (\d+) with 3 acceptors\n/);
      const echo = async (text: string): Promise<string> => {
        const s = ok(await gen_tcp.connect('localhost', Number(port), ['binary', ['active', false]], 2000));
        try {
          expect(await gen_tcp.send(s, text)).to.equal('ok');
          return (ok(await gen_tcp.recv(s, text.length, 2000)) as Buffer).toString();
        } finally {
          await gen_tcp.close(s);
        }
      };
      // More clients at once than acceptors: each acceptor starts the next before handing over.
      const texts = ['one', 'two', 'three', 'four', 'five', 'six'];
      expect(await Promise.all(texts.map(echo))).to.deep.equal(texts);
      // The handlers stopped with their connections; the pool still has acceptors waiting.
      expect(await echo('again')).to.equal('again');
    } finally {
      const stderr = await child.stop();
      expect(stderr).to.equal('');
    }
  });
});
