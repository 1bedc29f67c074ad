/** Running a test runner in a child process on a fixture suite, as a user's project runs it. */
import { execFile, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(root, 'test', 'fixtures', 'testing');

/** How a child run ended. */
export interface ChildRun {
  /** The exit code; null when it was killed. */
  readonly code: number | null;
  /** Whether it was killed at the time limit: it did not end by itself. */
  readonly killed: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node args...` in the repository's root, with `env` added to a copy of this process's
 * environment from which ERLTS_LEAKS is removed.
 * @param limit - milliseconds before the child is killed
 */
export function runNode(
  args: readonly string[],
  env: Record<string, string> = {},
  limit = 60_000,
): Promise<ChildRun> {
  const base = { ...process.env };
  delete base['ERLTS_LEAKS'];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: root, env: { ...base, ...env }, timeout: limit, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const killed = error !== null && error.killed === true;
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, killed, stdout, stderr });
      },
    );
  });
}

/**
 * The mocha command line that runs TypeScript sources as this repository's .mocharc does, in
 * one process (node flags given to node rather than to mocha, which would start a second
 * process and not pass it a SIGTERM at the time limit).
 */
export const mochaFromSource = [
  '--import',
  'tsx',
  '--conditions',
  'erlts-source',
  join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
  '--no-config',
];

/** The `node --test` command line that runs a TypeScript test file from source. */
export const nodeTestFromSource = ['--import', 'tsx', '--conditions', 'erlts-source', '--test'];

/**
 * Runs `node args...` until its stdout shows `done`, then watches it `ms` more milliseconds.
 * @returns whether it was still running then (it is killed if so), and its stdout
 */
export function stillRunningAfter(
  args: readonly string[],
  done: RegExp,
  ms: number,
  limit = 60_000,
): Promise<{ readonly running: boolean; readonly stdout: string }> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  let exited = false;
  child.stdout.setEncoding('utf8');
  return new Promise((resolve) => {
    const finish = (running: boolean): void => {
      clearTimeout(overall);
      if (!exited) child.kill('SIGKILL');
      resolve({ running, stdout });
    };
    const overall = setTimeout(() => finish(false), limit);
    child.on('exit', () => {
      exited = true;
    });
    child.stdout.on('data', (chunk: string) => {
      const before = done.test(stdout);
      stdout += chunk;
      if (!before && done.test(stdout)) setTimeout(() => finish(!exited), ms);
    });
  });
}
