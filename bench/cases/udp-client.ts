/**
 * The load client of the udp benchmarks, plain node:dgram, the same for every server. It
 * starts one datagram echo server as a child process of its own (bench/cases/udp-server.ts, or
 * `erl` running bench/erl/erlts_udp_bench.erl), pins itself to CPU 0 and the server to CPU 1
 * (all threads of each), as bench/cases/tcp-client.ts does, then drives it from one socket
 * connected to the server:
 *
 *   64-byte datagrams, then 1 KiB ones, each with a window of 64 outstanding: every echo that
 *   comes back sends the next datagram, so the server's receive buffer never overruns. Each
 *   datagram carries a sequence number; one not echoed within BENCH_UDP_LOSS_MS (200) counts
 *   as lost and is replaced by a fresh one, so a dropped datagram never stalls the run.
 *   Reports echoed datagrams/s over the window after a warm-up (a second for the first size,
 *   a quarter for the next), the losses (and the late ones: echoed after being counted lost),
 *   and the server's CPU time per datagram, all of it and user time alone (/proc/<pid>/stat),
 *   which holds even where the client, not the server, sets the pace.
 *
 * Prints one JSON line. Knobs, for profiling a server: BENCH_UDP_WINDOW_MS (1000),
 * BENCH_UDP_NODE_FLAGS (extra flags for a Node server, e.g. `--cpu-prof`), BENCH_UDP_ERL_FLAGS
 * (`+S 1:1 +sbwt none`), BENCH_UDP_PIN=0 (no pinning), BENCH_UDP_IN_FLIGHT (64).
 *   node .bench/cases/udp-client.js <erlts-active|erlts-true|erlts-passive|bare|erl-active|
 *        erl-true|erl-passive> [erlDir]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as dgram from 'node:dgram';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const [kind = 'bare', erlDir = ''] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));

const IN_FLIGHT = Number(process.env.BENCH_UDP_IN_FLIGHT ?? 64);
const SIZES = [
  [64, '64'],
  [1024, '1k'],
] as const;
const WARM_MS = 250;
// The first size's warm-up is longer: a quarter second leaves erlts's code still being
// optimized, and its first window cost a third more server CPU a datagram than the next.
const FIRST_WARM_MS = 1000;
const WINDOW_MS = Number(process.env.BENCH_UDP_WINDOW_MS ?? 1000);
const LOSS_MS = Number(process.env.BENCH_UDP_LOSS_MS ?? 200);

const ticksPerSec = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Nothing here may hang the bench: a stuck run fails loudly.
const deadline = setTimeout(() => fail(`${kind}: no result after 60 s`), 60_000);
deadline.unref();

// Client and server each get one of the machine's two cores (see tcp-client.ts).
function pin(): boolean {
  if (process.env.BENCH_UDP_PIN === '0' || availableParallelism() < 2) return false;
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
  process.stderr.write(`udp-client: ${why}\n`);
  process.exit(1);
}

/** One echo server in its own OS process; it prints its port and ends when stdin closes. */
class Server {
  readonly child: ChildProcess;
  readonly port: Promise<number>;
  #stopping = false;

  constructor(child: ChildProcess) {
    this.child = child;
    child.on('exit', (code, signal) => {
      if (!this.#stopping) fail(`${kind} server exited (${code ?? signal})`);
    });
    const out = createInterface({ input: child.stdout! });
    this.port = new Promise((resolve) => {
      out.on('line', (line) => {
        if (!line.startsWith('{')) return;
        const port = (JSON.parse(line) as { port?: number }).port;
        if (port !== undefined) resolve(port);
      });
    });
  }

  static start(): Server {
    const stdio: ['pipe', 'pipe', 'inherit'] = ['pipe', 'pipe', 'inherit'];
    let command: string[];
    if (kind.startsWith('erl-')) {
      if (erlDir === '') fail('erl servers need the directory of erlts_udp_bench.beam');
      // One scheduler that sleeps rather than spins when idle, as a Node server's event loop.
      const flags = (process.env.BENCH_UDP_ERL_FLAGS ?? '+S 1:1 +sbwt none')
        .split(' ')
        .filter((f) => f !== '');
      const call = `erlts_udp_bench:main(["${kind.slice(4)}"])`;
      command = ['erl', ...flags, '-noshell', '-pa', erlDir, '-eval', call];
    } else {
      const flags = (process.env.BENCH_UDP_NODE_FLAGS ?? '').split(' ').filter((f) => f !== '');
      command = [process.execPath, ...flags, join(here, 'udp-server.js'), kind];
    }
    // taskset execs the server, so the child's pid is the server's, for /proc.
    if (pinned) command = ['taskset', '-c', '1', ...command];
    const [file = '', ...args] = command;
    return new Server(spawn(file, args, { stdio }));
  }

  /** User and system CPU seconds the server has used, all its threads. */
  cpuSeconds(): { user: number; system: number } {
    const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(fields[11]) / ticksPerSec, system: Number(fields[12]) / ticksPerSec };
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

function connect(port: number): Promise<dgram.Socket> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket('udp4');
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => s.connect(port, '127.0.0.1', () => resolve(s)));
  });
}

/**
 * Echoes `size`-byte datagrams with IN_FLIGHT outstanding for WARM_MS + WINDOW_MS; counts
 * those echoed in the window.
 */
async function echo(
  s: Server,
  sock: dgram.Socket,
  size: number,
  warmMs: number,
): Promise<Record<string, number>> {
  // Each datagram: a sequence number (4 bytes), then filler.
  const msgs = Array.from({ length: IN_FLIGHT }, () => Buffer.alloc(size, 0x61));
  let seq = 0;
  /** When each outstanding sequence number went out. */
  const sentAt = new Map<number, number>();
  let echoed = 0;
  let lost = 0;
  let late = 0;
  let running = true;
  let slot = 0;
  const sendOne = (): void => {
    // IN_FLIGHT buffers in turn: a buffer is reused only after IN_FLIGHT more sends, long
    // after the kernel copied it.
    const msg = msgs[slot] ?? msgs[0]!;
    slot = (slot + 1) % IN_FLIGHT;
    const n = seq++ >>> 0;
    msg.writeUInt32BE(n, 0);
    sentAt.set(n, performance.now());
    sock.send(msg);
  };
  const onMessage = (m: Buffer): void => {
    if (m.length !== size) return; // a straggler of the previous size
    if (!sentAt.delete(m.readUInt32BE(0))) {
      late++; // timed out already, and replaced
      return;
    }
    echoed++;
    if (running) sendOne();
  };
  sock.on('message', onMessage);
  // A datagram not echoed within LOSS_MS is lost: it leaves the window and a new one goes.
  // Timers run before I/O in a turn of the event loop, so after the client itself was held up
  // (the machine is shared) the echoes that came meanwhile go in first, on the next tick.
  let lastTick = performance.now();
  const reaper = setInterval(() => {
    const now = performance.now();
    const heldUp = now - lastTick > LOSS_MS / 2;
    lastTick = now;
    if (heldUp) return;
    const old = now - LOSS_MS;
    for (const [n, t] of sentAt) {
      if (t > old) break; // in the order sent
      sentAt.delete(n);
      lost++;
      if (running) sendOne();
    }
  }, LOSS_MS / 4);
  for (let i = 0; i < IN_FLIGHT; i++) sendOne();
  await sleep(warmMs);
  const n0 = echoed;
  const lost0 = lost;
  const c0 = s.cpuSeconds();
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(WINDOW_MS);
  const n = echoed - n0;
  const secs = (performance.now() - t0) / 1000;
  const c1 = s.cpuSeconds();
  const user = c1.user - c0.user;
  const cpu = user + c1.system - c0.system;
  const client = process.cpuUsage(client0);
  const lostInWindow = lost - lost0;
  running = false;
  clearInterval(reaper);
  // Let the last echoes in, so they do not land in the next size's window.
  await sleep(50);
  sock.off('message', onMessage);
  return {
    dgramsPerSec: n / secs,
    serverUsPerDgram: (cpu * 1e6) / n,
    serverUserUsPerDgram: (user * 1e6) / n,
    serverCpu: cpu / secs,
    clientCpu: (client.user + client.system) / 1e6 / secs,
    lost: lostInWindow,
    late,
  };
}

server = Server.start();
const port = await server.port;
const sock = await connect(port);
const result: Record<string, number> = {};
for (const [size, name] of SIZES) {
  const r = await echo(server, sock, size, size === SIZES[0][0] ? FIRST_WARM_MS : WARM_MS);
  for (const [k, v] of Object.entries(r)) result[`${k}${name}`] = v;
}
sock.close();
await server.stop();
console.log(JSON.stringify(result));
process.exit(0);
