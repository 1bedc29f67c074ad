/**
 * One run of the distribution benchmarks (BENCH_ONLY=dist) for one pair of nodes: starts the
 * echo node, then the driver node, each an OS process of its own, the driver pinned to CPU 0 and
 * the echo node to CPU 1 (all threads of each, as bench/cases/tcp-client.ts pins), and prints
 * the driver's JSON line of rates (bench/erl/erlts_dist_bench.erl says what they are).
 *
 *   erlts-erlts  both nodes erlts (bench/cases/dist-node.ts)
 *   erlts-erl    an erlts driver, an erl echo node
 *   erl-erl      both erl (bench/erl/erlts_dist_bench.erl)
 *
 * Both find each other through the EPMD on `epmdPort` (ERL_EPMD_PORT for erl, which starts none
 * of its own); where none runs, an erlts echo node serves one (net_kernel's epmd `ensure`).
 * Node names carry this process's pid, so runs never meet an old node's name.
 *
 * Knobs: BENCH_DIST_SECS (1: a multiple of the measured stretch, longer to profile),
 * BENCH_DIST_CASES (`stream64,rtt64,stream64k,rtt64k`), BENCH_DIST_NODE_FLAGS (extra
 * flags for both erlts nodes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`), BENCH_DIST_ERL_FLAGS
 * (`+S 1:1 +sbwt none`: one scheduler that sleeps when idle, as a Node event loop),
 * BENCH_DIST_PIN=0 (no pinning).
 *   node .bench/cases/dist-client.js <erlts-erlts|erlts-erl|erl-erl> <epmdPort> [erlDir]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const [pair = 'erlts-erlts', epmdPort = '4369', erlDir = ''] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const COOKIE = 'erlts_bench';
const cases = (process.env.BENCH_DIST_CASES ?? 'stream64,rtt64,stream64k,rtt64k').split(',');
const [driverKind = 'erlts', echoKind = 'erlts'] = pair.split('-');

const children: ChildProcess[] = [];
function fail(why: string): never {
  for (const c of children) c.kill('SIGKILL');
  process.stderr.write(`dist-client ${pair}: ${why}\n`);
  process.exit(1);
}
// Nothing here may hang the bench: a stuck run fails loudly.
const deadline = setTimeout(() => fail('no result after 120 s'), 120_000);
deadline.unref();

const pinned =
  process.env.BENCH_DIST_PIN !== '0' &&
  availableParallelism() >= 2 &&
  (() => {
    try {
      execFileSync('taskset', ['-V'], { stdio: 'ignore' });
      return true;
    } catch {
      return false; // no taskset: unpinned
    }
  })();

const flags = (v: string | undefined, d: string): string[] => (v ?? d).split(' ').filter((f) => f !== '');

/**
 * A node's command line: an erlts node (dist-node.ts `role`, then `extra` arguments) or an erl
 * node evaluating `erlCall`, named `name`, pinned to `cpu`.
 */
function command(
  kind: string,
  cpu: string,
  name: string,
  role: string,
  extra: string[],
  erlCall: string,
): string[] {
  if (kind === 'erl' && erlDir === '') fail('erl nodes need the directory of erlts_dist_bench.beam');
  const cmd =
    kind === 'erl'
      ? [
          'erl',
          ...flags(process.env.BENCH_DIST_ERL_FLAGS, '+S 1:1 +sbwt none'),
          '-sname',
          name,
          '-setcookie',
          COOKIE,
          '-start_epmd',
          'false',
          '-noshell',
          '-pa',
          erlDir,
          '-eval',
          erlCall,
        ]
      : [
          process.execPath,
          ...flags(process.env.BENCH_DIST_NODE_FLAGS, ''),
          join(here, 'dist-node.js'),
          role,
          name,
          COOKIE,
          epmdPort,
          ...extra,
        ];
  return pinned ? ['taskset', '-a', '-c', cpu, ...cmd] : cmd;
}

/** A node started: the first stdout line matching a pattern, and its exit. */
interface Started {
  readonly child: ChildProcess;
  line(re: RegExp): Promise<RegExpMatchArray>;
  readonly exited: Promise<void>;
}

function start(cmd: string[]): Started {
  const [file = '', ...args] = cmd;
  const child = spawn(file, args, {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ERL_EPMD_PORT: epmdPort },
  });
  children.push(child);
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout }).on('line', (l) => {
    lines.push(l);
    for (const w of waiters) w();
  });
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      if (code !== 0) fail(`${cmd.join(' ')} exited (${code ?? signal})`);
      resolve();
    }),
  );
  const line = (re: RegExp): Promise<RegExpMatchArray> =>
    new Promise((resolve) => {
      const check = (): void => {
        const m = lines.map((l) => l.match(re)).find((x) => x !== null);
        if (m === undefined || m === null) return;
        waiters.delete(check);
        resolve(m);
      };
      waiters.add(check);
      check();
    });
  return { child, line, exited };
}

const echo = start(
  command(echoKind, '1', `bench_echo_${process.pid}`, 'echo', [], 'erlts_dist_bench:echo()'),
);
const [, echoNode = ''] = await echo.line(/^@@ready (\S+)/);
const erlArgs = [echoNode, ...cases].map((a) => JSON.stringify(a)).join(',');
const driver = start(
  command(
    driverKind,
    '0',
    `bench_drive_${process.pid}`,
    'drive',
    [echoNode, ...cases],
    `erlts_dist_bench:drive([${erlArgs}])`,
  ),
);
const [json = '{}'] = await driver.line(/^\{.*\}$/);
await driver.exited;
// Closing its stdin stops the echo node (and lets `--cpu-prof` write its profile).
echo.child.stdin!.end();
await echo.exited;
console.log(json);
process.exit(0);
