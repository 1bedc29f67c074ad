/** A program the tests run as a child process (an example, erl), and read as it goes. */
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';

/** A program running as a child process until `stop()`. */
export interface Running {
  /** Everything it wrote to stdout so far. */
  readonly stdout: () => string;
  /** Resolves once `done(stdout)` holds (within 5 s), with the stdout then. */
  until(done: (stdout: string) => boolean, what: string): Promise<string>;
  /** Resolves with the first match of `re` in the stdout so far or to come (within 5 s). */
  waitFor(re: RegExp): Promise<RegExpMatchArray>;
  /** Ends it (SIGTERM) and resolves with what it wrote to stderr. */
  stop(): Promise<string>;
}

/**
 * Starts `command args` in `cwd` with `env` added to this process's environment.
 * @param name - how failures name it
 */
export function startChild(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; name?: string },
): Running {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const name = options.name ?? args.join(' ');
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let stdout = '';
  let stderr = '';
  let exited = false;
  const waiters = new Set<() => void>();
  const wake = (): void => {
    for (const w of waiters) w();
  };
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    wake();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.once('exit', () => {
    exited = true;
    wake();
  });
  const running: Running = {
    stdout: () => stdout,
    until(done, what) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const ready = done(stdout);
          if (!ready && !exited) return;
          waiters.delete(check);
          clearTimeout(deadline);
          if (ready) resolve(stdout);
          else reject(new Error(`${name} exited before ${what}:\n${stdout}${stderr}`));
        };
        const deadline = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${name}: no ${what} within 5 s:\n${stdout}${stderr}`));
        }, 5000);
        waiters.add(check);
        check();
      });
    },
    async waitFor(re) {
      const out = await running.until((s) => re.test(s), `printing ${String(re)}`);
      return out.match(re) as RegExpMatchArray;
    },
    stop() {
      if (!exited) child.kill('SIGTERM');
      return closed.then(() => stderr);
    },
  };
  return running;
}

/**
 * Runs `node examples/<name> ...args` from the repository root (`root`) to its end, as a user
 * runs an example, and resolves with what it printed; a failure or a run past `timeout` ms
 * rejects with its stderr.
 */
export function runExample(
  root: string,
  name: string,
  args: readonly string[] = [],
  timeout = 10_000,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(root, 'examples', name), ...args],
      { cwd: root, timeout },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${name} failed: ${error.message}\n${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}
