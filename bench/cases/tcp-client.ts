/**
 * The load client of the tcp benchmarks, plain node:net, the same for every server. It
 * starts one echo server as a child process of its own (bench/cases/tcp-server.ts, or
 * `erl` running bench/erl/erlts_tcp_bench.erl), so client and server never share an
 * event loop, pins itself to CPU 0 and the server to CPU 1 (all threads of each), then
 * drives it:
 *
 *   throughput  50 connections ping-ponging 64-byte messages (round trips/s), then one
 *               connection streaming 64 KiB messages with 8 in flight (MB/s echoed).
 *               The server's CPU time over each window comes from /proc/<pid>/stat, so
 *               its cost per round trip or per GB shows even where the client, not the
 *               server, sets the pace (serverCpu*, clientCpuPing: cores in use).
 *   idle        10,000 idle connections: the server's RSS (/proc/<pid>/status) and heap
 *               (its own report, after full collections) per connection, from before
 *               the first connection to when all are accepted.
 *
 * The echo has no framing, so the client counts bytes, not messages. Prints one JSON line.
 * Knobs, for profiling a server: BENCH_TCP_WINDOW_MS (800), BENCH_TCP_NODE_FLAGS (extra
 * flags for a Node server, e.g. `--cpu-prof`), BENCH_TCP_ERL_FLAGS (`+S 1:1 +sbwt none`),
 * BENCH_TCP_PIN=0 (no pinning), BENCH_TCP_IDLE (10000).
 *   node .bench/cases/tcp-client.js <erlts-once|erlts-passive|bare|erl-once|erl-passive>
 *        <throughput|ping|stream|idle> [erlDir]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as net from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const [kind = 'bare', workload = 'throughput', erlDir = ''] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));

const PING_CONNS = 50;
const PING_BYTES = 64;
const STREAM_BYTES = 64 * 1024;
const STREAM_IN_FLIGHT = 8;
const IDLE_CONNS = Number(process.env.BENCH_TCP_IDLE ?? 10_000);
const WARM_MS = 250;
// BENCH_TCP_WINDOW_MS: a longer window, to profile a server.
const WINDOW_MS = Number(process.env.BENCH_TCP_WINDOW_MS ?? 800);

const ticksPerSec = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Nothing here may hang the bench: a stuck run fails loudly.
const deadline = setTimeout(() => fail(`${kind} ${workload}: no result after 60 s`), 60_000);
deadline.unref();

// Client and server each get one of the machine's two cores, every thread of them: left to
// the OS, they sometimes share one, which halves a run's result at random. BENCH_TCP_PIN=0
// turns this off.
function pin(): boolean {
  if (process.env.BENCH_TCP_PIN === '0' || availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false; // no taskset: unpinned
  }
}
const pinned = pin();

let server: Server | null = null;
function fail(why: string): never {
  server?.child.kill('SIGKILL');
  process.stderr.write(`tcp-client: ${why}\n`);
  process.exit(1);
}

/** One echo server in its own OS process, and its command line on stdin. */
class Server {
  readonly child: ChildProcess;
  readonly #replies: ((line: string) => void)[] = [];
  readonly #lines: string[] = [];
  #stopping = false;

  constructor(child: ChildProcess) {
    this.child = child;
    child.on('exit', (code, signal) => {
      if (!this.#stopping) fail(`${kind} server exited (${code ?? signal})`);
    });
    const out = createInterface({ input: child.stdout! });
    out.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const r = this.#replies.shift();
      if (r) r(line);
      else this.#lines.push(line);
    });
  }

  static start(): Server {
    const stdio: ['pipe', 'pipe', 'inherit'] = ['pipe', 'pipe', 'inherit'];
    let command: string[];
    if (kind.startsWith('erl-')) {
      if (erlDir === '') fail('erl servers need the directory of erlts_tcp_bench.beam');
      // One scheduler that sleeps rather than spins when idle, as a Node server's event
      // loop. BENCH_TCP_ERL_FLAGS replaces these flags (empty: erl's defaults).
      const flags = (process.env.BENCH_TCP_ERL_FLAGS ?? '+S 1:1 +sbwt none')
        .split(' ')
        .filter((f) => f !== '');
      const call = `erlts_tcp_bench:main(["${kind.slice(4)}"])`;
      command = ['erl', ...flags, '-noshell', '-pa', erlDir, '-eval', call];
    } else {
      // BENCH_TCP_NODE_FLAGS: extra flags for a Node server, e.g. `--cpu-prof`.
      const flags = (process.env.BENCH_TCP_NODE_FLAGS ?? '').split(' ').filter((f) => f !== '');
      command = [process.execPath, '--expose-gc', ...flags, join(here, 'tcp-server.js'), kind];
    }
    // taskset execs the server, so the child's pid is the server's, for /proc.
    if (pinned) command = ['taskset', '-c', '1', ...command];
    const [file = '', ...args] = command;
    return new Server(spawn(file, args, { stdio }));
  }

  /** The next JSON line the server prints. */
  next(): Promise<Record<string, number>> {
    const line = this.#lines.shift();
    if (line !== undefined) return Promise.resolve(JSON.parse(line) as Record<string, number>);
    return new Promise((resolve) =>
      this.#replies.push((l) => resolve(JSON.parse(l) as Record<string, number>)),
    );
  }

  async ask(command: 'conns' | 'mem'): Promise<number> {
    this.child.stdin!.write(command + '\n');
    const r = await this.next();
    return r[command === 'conns' ? 'conns' : 'heap'] ?? NaN;
  }

  /** User plus system CPU seconds the server has used, all its threads. */
  cpuSeconds(): number {
    const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSec;
  }

  rss(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return Number(kb) * 1024;
  }

  /** Closes the server's stdin, which ends it (and lets `--cpu-prof` write its profile). */
  async stop(): Promise<void> {
    this.#stopping = true;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ port, host: '127.0.0.1', noDelay: true });
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
}

/** Counts over a window after a warm-up: the count's rise, the seconds, the server's CPU seconds. */
async function timed(s: Server, count: () => number): Promise<{ n: number; secs: number; cpu: number }> {
  await sleep(WARM_MS);
  const n0 = count();
  const c0 = s.cpuSeconds();
  const t0 = performance.now();
  await sleep(WINDOW_MS);
  const n = count() - n0;
  const secs = (performance.now() - t0) / 1000;
  return { n, secs, cpu: s.cpuSeconds() - c0 };
}

async function pingPong(s: Server, port: number): Promise<Record<string, number>> {
  const msg = Buffer.alloc(PING_BYTES, 0x61);
  const sockets = await Promise.all(Array.from({ length: PING_CONNS }, () => connect(port)));
  let roundTrips = 0;
  let running = true;
  for (const sock of sockets) {
    let pending = 0;
    sock.on('data', (d: Buffer) => {
      pending += d.length;
      while (pending >= PING_BYTES) {
        pending -= PING_BYTES;
        roundTrips++;
        if (running) sock.write(msg);
      }
    });
    sock.write(msg);
  }
  const client0 = process.cpuUsage();
  const r = await timed(s, () => roundTrips);
  const client = process.cpuUsage(client0);
  running = false;
  for (const sock of sockets) sock.destroy();
  return {
    roundTripsPerSec: r.n / r.secs,
    serverUsPerRoundTrip: (r.cpu * 1e6) / r.n,
    serverCpuPing: r.cpu / r.secs,
    clientCpuPing: (client.user + client.system) / 1e6 / ((WARM_MS + WINDOW_MS) / 1000),
  };
}

async function stream(s: Server, port: number): Promise<Record<string, number>> {
  const chunk = Buffer.alloc(STREAM_BYTES, 0x62);
  const sock = await connect(port);
  let received = 0;
  let sent = 0;
  let running = true;
  const fill = (): void => {
    while (running && sent - Math.floor(received / STREAM_BYTES) < STREAM_IN_FLIGHT) {
      sock.write(chunk);
      sent++;
    }
  };
  sock.on('data', (d: Buffer) => {
    received += d.length;
    fill();
  });
  fill();
  const r = await timed(s, () => received);
  running = false;
  sock.destroy();
  return {
    MBps: r.n / 1e6 / r.secs,
    serverCpuSecsPerGB: (r.cpu * 1e9) / r.n,
    serverCpuStream: r.cpu / r.secs,
  };
}

async function idle(s: Server, port: number): Promise<Record<string, number>> {
  await sleep(100);
  const heap0 = await s.ask('mem');
  const rss0 = s.rss();
  const sockets: net.Socket[] = [];
  const t0 = performance.now();
  // In batches, each accepted before the next starts, so the accept queue never overflows.
  for (let done = 0; done < IDLE_CONNS;) {
    const batch = Math.min(500, IDLE_CONNS - done);
    sockets.push(...(await Promise.all(Array.from({ length: batch }, () => connect(port)))));
    done += batch;
    while ((await s.ask('conns')) < done) await sleep(2);
  }
  const acceptSecs = (performance.now() - t0) / 1000;
  await sleep(100);
  const heap1 = await s.ask('mem');
  const rss1 = s.rss();
  void sockets; // held open until the server has exited
  return {
    rssPerConn: (rss1 - rss0) / IDLE_CONNS,
    heapPerConn: (heap1 - heap0) / IDLE_CONNS,
    acceptsPerSec: IDLE_CONNS / acceptSecs,
  };
}

server = Server.start();
const { port } = await server.next();
if (port === undefined) fail('the server printed no port');
let result: Record<string, number>;
if (workload === 'throughput') {
  result = { ...(await pingPong(server, port)), ...(await stream(server, port)) };
} else if (workload === 'ping') {
  result = await pingPong(server, port);
} else if (workload === 'stream') {
  result = await stream(server, port);
} else if (workload === 'idle') {
  result = await idle(server, port);
} else fail(`unknown workload: ${workload}`);
await server.stop();
console.log(JSON.stringify(result));
process.exit(0);
