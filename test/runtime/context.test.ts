/**
 * The implicit context behind self() (runtime/internal/context.ts): AsyncContextFrame where the
 * running Node has it, promise hooks before; and on the frame path, the tail-call machinery
 * turned on by the first loop that calls itself, in each shape a port writes one. Each case
 * that depends on what ran before runs in a fresh Node.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  after,
  implicit_context,
  is,
  is_pid,
  is_process_alive,
  on,
  receive,
  run,
  self,
  send,
  spawn,
  type Pid,
} from 'erlts';

const root = join(import.meta.dirname, '..', '..');
const major = Number(process.versions.node.split('.')[0]);
const flags = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)];
/** Node 24 and later, or Node 22 run with the flag (NODE_OPTIONS carries it to the children). */
const framePath =
  process.env['ERLTS_CONTEXT'] !== 'hooks' &&
  (major >= 24
    ? !flags.includes('--no-async-context-frame')
    : major >= 22 && flags.includes('--experimental-async-context-frame'));

interface Detected {
  context: string;
  before: boolean;
  after: boolean;
  perRound: number;
}

async function detect(shape: string, n: number, env: Record<string, string> = {}): Promise<Detected> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--conditions', 'erlts-source', 'test/fixtures/tail-detect.ts', shape, String(n)],
    { cwd: root, env: { ...process.env, ...env } },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Detected;
}

describe('implicit context', function () {
  this.timeout(60_000);

  it(`is ${framePath ? 'AsyncContextFrame' : 'the promise hooks'} on Node ${major} run as this one is`, () => {
    expect(implicit_context).to.equal(framePath ? 'AsyncContextFrame' : 'promiseHooks');
  });

  it(
    framePath
      ? 'runs a Node callback a live process registered as that process'
      : 'runs a Node callback a process registered as no process (the shell)',
    async () => {
      const [child, inCallback] = await run(async () => {
        const me = self();
        const pid = spawn(() => {
          setTimeout(() => send(me, ['callback', self()]), 5);
          return receive(on('stop'));
        });
        const [, who] = (await receive(on(['callback', is(is_pid)]))) as [string, Pid];
        send(pid, 'stop');
        return [pid, who] as const;
      });
      if (framePath) expect(inCallback).to.equal(child);
      else expect(inCallback).to.not.equal(child);
    },
  );

  it('runs the callback of a process that died as no process: it acts, and Node goes on', async () => {
    const got = await run(async () => {
      const me = self();
      const pid = spawn(() => {
        setTimeout(() => send(me, ['callback', self()]), 20);
      });
      const [, who] = (await receive(on(['callback', is(is_pid)]))) as [string, Pid];
      return { dead: !is_process_alive(pid), other: who !== pid, late: await receive(after(10)) };
    });
    expect(got).to.deep.equal({ dead: true, other: true, late: 'timeout' });
  });

  it('is the promise hooks, with tail calls followed from the start, under ERLTS_CONTEXT=hooks', async () => {
    const got = await detect('for', 2000, { ERLTS_CONTEXT: 'hooks' });
    expect(got).to.include({ context: 'promiseHooks', before: true, after: true });
  });

  it(
    framePath
      ? 'leaves tail calls off for a for (;;) loop: nothing pays for the promise hooks'
      : 'follows tail calls from the start on the promise hooks',
    async () => {
      const got = await detect('for', 20_000);
      expect(got).to.include({ before: !framePath, after: !framePath });
      expect(got.perRound).to.be.below(20);
    },
  );

  for (const [shape, what] of [
    ['body', 'a plain function returning receive whose body calls it again'],
    ['await', 'an async function awaiting receive, then calling itself'],
    ['late', 'a loop that begins to call itself after its process waited 40 times'],
  ] as const) {
    it(`turns tail calls on for ${what}, and the loop keeps no level`, async () => {
      const got = await detect(shape, 20_000);
      expect(got).to.include({ before: !framePath, after: true });
      // Without the machinery a level is a promise and a reaction: about 100 bytes.
      expect(got.perRound).to.be.below(20);
    });
  }

  it('turns tail calls on for an accept loop that calls itself after gen_tcp:accept', async () => {
    const got = await detect('accept', 300);
    expect(got).to.include({ before: !framePath, after: true });
  });
});
