import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { _, after, is_process_alive, on, receive, run, self, send, spawn, spawn_monitor } from 'erlts';
import { capturingReports } from '../support/processes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `code` as an ES module in a fresh Node that loads erlts from source. */
function node(code: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--conditions=erlts-source', '--input-type=module', '-e', code],
      { cwd: root, timeout: 10_000 },
      (err, stdout, stderr) =>
        resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr }),
    );
  });
}

describe('a promise rejection nobody handles', () => {
  it('ends the process that made the promise, with the error and a crash report', async () => {
    const [[reason, alive], events] = await capturingReports(() =>
      run(async () => {
        const [pid, ref] = spawn_monitor(async () => {
          void Promise.reject(new Error('x'));
          await receive(after(2000));
        });
        const r = await receive(
          on(['DOWN', ref, 'process', pid, _], ([, , , , R]) => R),
          after(1000),
        );
        return [r, is_process_alive(pid)] as const;
      }),
    );
    expect(alive).to.equal(false);
    expect(reason).to.be.an('array').with.length(2);
    expect((reason as [Error])[0])
      .to.be.an('error')
      .with.property('message', 'x');
    expect(events).to.have.length(1);
    expect(events[0]?.text).to.match(/^Error in process <0\.\d+\.\d+> with exit value:/);
  });

  it('leaves every other process running', async () => {
    const [survived] = await capturingReports(() =>
      run(async () => {
        const me = self();
        const bystander = spawn(async () => {
          await receive(on('ping'));
          send(me, 'pong');
        });
        const [, ref] = spawn_monitor(async () => {
          void Promise.reject(new Error('only me'));
          await receive(after(2000));
        });
        await receive(on(['DOWN', ref, _, _, _]), after(1000));
        send(bystander, 'ping');
        return receive(on('pong'), after(1000));
      }),
    );
    expect(survived).to.equal('pong');
  });

  it('keeps Node alive: a script whose process rejects runs to its end', async () => {
    const r = await node(`
      import { spawn, receive, after, logger } from 'erlts';
      logger.remove_handler('default');
      spawn(async () => { Promise.reject(new Error('x')); await receive(after(20)); });
      setTimeout(() => console.log('still here'), 100);
    `);
    expect(r.stdout.trim()).to.equal('still here');
    expect(r.code).to.equal(0);
  });

  it('outside any process, still ends Node as Node does', async () => {
    const r = await node(`
      import 'erlts';
      Promise.reject(new Error('not a process'));
      setTimeout(() => console.log('never'), 200);
    `);
    expect(r.stdout).to.not.include('never');
    expect(r.code).to.not.equal(0);
    expect(r.stderr).to.include('not a process');
  });
});
