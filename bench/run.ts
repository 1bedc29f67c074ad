/**
 * `npm run bench`: measures erlts side by side with a bare-JS baseline and,
 * where `erl` is installed, Erlang/OTP itself, in one run. Each measurement is
 * a fresh child process; implementations alternate run by run so a noisy
 * neighbour hits all of them alike; the table shows medians. The cases run as
 * compiled JavaScript against dist/, as users run erlts (no TS loader).
 *
 *   npm run bench                 # 5 runs of everything
 *   BENCH_RUNS=3 npm run bench    # fewer runs
 *   BENCH_ONLY=ring npm run bench # one benchmark family (ring, spawn, call, loop, context, packet, tcp, udp, behaviours, sim, fp, etf, dist)
 *   BENCH_NODE=24 npm run bench   # the erlts and bare-JS cases on another Node: a version of the
 *                                 # npm registry's `node` package (24, 24.11), or a node binary's
 *                                 # path; the Node that runs this script by default
 *
 * The header names the Node that ran the cases, the implicit-context path erlts took on it
 * (AsyncContextFrame or promise hooks) and OTP's release.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const only = process.env.BENCH_ONLY;

/** BENCH_NODE as a node binary: a version goes through npm's `node` package, once. */
function benchNode(spec: string | undefined): string {
  if (spec === undefined || spec === '') return process.execPath;
  if (!/^v?\d+(\.\d+){0,2}$/.test(spec)) return spec;
  const npmExec = ['exec', '--yes', `--package=node@${spec}`, '--', 'node', '-p', 'process.execPath'];
  try {
    return execFileSync('npm', npmExec, { encoding: 'utf8', cwd: root }).trim();
  } catch {
    console.error(`BENCH_NODE=${spec}: \`npm ${npmExec.join(' ')}\` failed`);
    process.exit(1);
  }
}

const node = benchNode(process.env.BENCH_NODE);
const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
// What erlts's main entry (dist/, through the package's exports) chose for self() on that Node.
const implicitContext = execFileSync(
  node,
  ['--input-type=module', '-e', "const m = await import('erlts'); console.log(m.implicit_context)"],
  { encoding: 'utf8', cwd: root },
).trim();

type Result = Record<string, number>;

function hasErl(): boolean {
  return spawnSync('erl', ['-version'], { stdio: 'ignore' }).status === 0;
}

const erlDir = hasErl() ? mkdtempSync(join(tmpdir(), 'erlts-bench-')) : null;
const otpEval = 'io:format("~s", [erlang:system_info(otp_release)]), halt().';
const otpRelease =
  erlDir === null ? null : execFileSync('erl', ['-noshell', '-eval', otpEval], { encoding: 'utf8' });
// Compiled to .bench/, the Erlang sources stay in bench/erl/.
if (erlDir !== null)
  execFileSync('erlc', ['-o', erlDir, join(here, '..', 'bench', 'erl', 'erlts_bench.erl')]);

function runNode(script: string, args: string[]): Result {
  const out = execFileSync(
    node,
    ['--expose-gc', join(here, 'cases', script.replace(/\.ts$/, '.js')), ...args],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Result;
}

function runErl(args: string[]): Result | null {
  if (erlDir === null) return null;
  const call = `erlts_bench:main([${args.map((a) => JSON.stringify(a)).join(',')}])`;
  const out = execFileSync('erl', ['+P', '2000000', '-noshell', '-pa', erlDir, '-eval', call], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Result;
}

/** Compiles bench/erl/<module>.erl and gives a runner of `<module>:main([Case])` in a fresh erl. */
function erlCase(module: string): (name: string) => Result | null {
  if (erlDir === null) return () => null;
  execFileSync('erlc', ['-o', erlDir, join(here, '..', 'bench', 'erl', `${module}.erl`)]);
  return (name) => {
    const call = `${module}:main([${JSON.stringify(name)}])`;
    const out = execFileSync('erl', ['-noshell', '-pa', erlDir, '-eval', call], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Result;
  };
}

/** A TCP port nothing listens on right now (listened on, then closed). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

interface Measured {
  erlts: Result[];
  bare: Result[];
  erl: Result[];
}

function measure(
  label: string,
  erlts: () => Result,
  bare: (() => Result) | null,
  erl: () => Result | null,
): Measured {
  const m: Measured = { erlts: [], bare: [], erl: [] };
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`\r${label}: run ${i + 1}/${runs}   `);
    m.erlts.push(erlts());
    if (bare !== null) m.bare.push(bare());
    const e = erl();
    if (e !== null) m.erl.push(e);
  }
  process.stderr.write('\r' + ' '.repeat(60) + '\r');
  return m;
}

function med(results: Result[], key: string): number | null {
  return results.length === 0 ? null : median(results.map((r) => r[key] ?? NaN));
}

const rows: string[][] = [];

function fmt(n: number | null, digits = 2): string {
  if (n === null) return '—';
  return n >= 1000 ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits);
}

function row(
  name: string,
  m: Measured,
  key: string,
  scale: number,
  unit: string,
  higherIsBetter: boolean,
  target: string,
): void {
  const e = med(m.erlts, key);
  const b = med(m.bare, key);
  const o = med(m.erl, key);
  const ratio = (x: number | null, y: number | null): string =>
    x === null || y === null ? '—' : `${(x / y).toFixed(2)}×`;
  rows.push([
    `${name} (${unit})`,
    fmt(e === null ? null : e * scale),
    fmt(b === null ? null : b * scale),
    fmt(o === null ? null : o * scale),
    ratio(e, b),
    ratio(e, o),
    target,
  ]);
}

if (only === undefined || only === 'ring') {
  for (const [n, laps] of [
    ['1000', '1000'],
    ['10000', '100'],
  ] as const) {
    const m = measure(
      `ring ${n}×${laps}`,
      () => runNode('ring.ts', ['erlts', n, laps]),
      () => runNode('ring.ts', ['bare', n, laps]),
      () => runErl(['ring', n, laps]),
    );
    row(`ring ${n} procs × ${laps} laps`, m, 'hopsPerSec', 1e-6, 'M hops/s', true, 'erlts/erl ≥ 1.5×');
  }
}

if (only === undefined || only === 'sim') {
  // erlts/sim: the ring under simulate against the same ring outside it (in the "bare" column),
  // and explored runs per second of a 10-process scenario.
  const m = measure(
    'ring 1000×1000 simulated',
    () => runNode('ring.ts', ['sim', '1000', '1000']),
    () => runNode('ring.ts', ['erlts', '1000', '1000']),
    () => null,
  );
  row(
    'ring 1000×1000 under simulate; bare = outside',
    m,
    'hopsPerSec',
    1e-6,
    'M steps/s',
    true,
    'sim/outside ≥ 0.5×',
  );
  const e = measure(
    'explore, 10 processes',
    () => runNode('sim.ts', ['explore']),
    null,
    () => null,
  );
  row('explore, 10-process scenario', e, 'runsPerSec', 1, 'runs/s', true, '');
}

if (only === undefined || only === 'spawn') {
  const count = process.env.BENCH_SPAWN ?? '1000000';
  const m = measure(
    `spawn ${count}`,
    () => runNode('spawn.ts', ['erlts', count]),
    () => runNode('spawn.ts', ['bare', count]),
    () => runErl(['spawn', count]),
  );
  row(`spawn ${count} idle`, m, 'usPerSpawn', 1, 'µs/spawn', false, 'erlts/erl ≤ 0.5×');
  row(`spawn ${count} idle`, m, 'bytesPerProcess', 1, 'bytes/proc', false, 'erlts ≤ 1,000 B');
}

if (only === undefined || only === 'call') {
  const calls = '100000';
  const lat: Record<string, Measured> = {};
  for (const queued of ['0', '10000']) {
    lat[queued] = measure(
      `call, ${queued} queued`,
      () => runNode('call.ts', ['erlts', queued, calls]),
      null,
      () => runErl(['call', queued, calls]),
    );
    row(`call, ${queued} queued`, lat[queued], 'usPerCall', 1, 'µs/call', false, '');
  }
  const ratio = (side: 'erlts' | 'erl'): number | null => {
    const a = med(lat['10000']?.[side] ?? [], 'usPerCall');
    const b = med(lat['0']?.[side] ?? [], 'usPerCall');
    return a === null || b === null ? null : a / b;
  };
  rows.push([
    'call latency 10000 queued / 0 queued',
    fmt(ratio('erlts')),
    '—',
    fmt(ratio('erl')),
    '—',
    '—',
    'erlts ≤ 1.2',
  ]);
}

if (only === undefined || only === 'loop') {
  // A recursive pong server (bench/cases/loop.ts): heap growth over a million pings, literal
  // Erlang-shaped loops against a for (;;) loop, the same shape in bare JavaScript (which keeps
  // every level), and erl. The bare column is the bare-JS recursive loop throughout.
  const pings = process.env.BENCH_LOOP_PINGS ?? '1000000';
  const bare = (): Result => runNode('loop.ts', ['bare', pings]);
  const erl = (): Result | null => runErl(['loop', pings]);
  for (const shape of ['async', 'plain', 'for']) {
    const m = measure(`loop ${shape}`, () => runNode('loop.ts', [shape, pings]), bare, erl);
    const name = { async: 'async function', plain: 'plain function', for: 'for (;;) loop' }[shape];
    row(`recursive pong, ${name}: heap growth`, m, 'heapGrowthMB', 1, `MB / ${pings} pings`, false, '< 5 MB');
    row(`— round trip`, m, 'usPerPing', 1, 'µs/ping', false, '');
  }
}

if (only === undefined || only === 'context') {
  // Not erlts: the price of implicit process identity itself, on the bare ring.
  const m: Record<string, Result[]> = { none: [], hooks: [], als: [] };
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`\rcontext: run ${i + 1}/${runs}   `);
    for (const mode of ['none', 'hooks', 'als']) m[mode]?.push(runNode('context.ts', [mode, '1000', '1000']));
  }
  process.stderr.write('\r' + ' '.repeat(60) + '\r');
  const none = med(m.none ?? [], 'hopsPerSec');
  for (const mode of ['hooks', 'als']) {
    const v = med(m[mode] ?? [], 'hopsPerSec');
    rows.push([
      `bare ring 1000×1000 with ${mode === 'hooks' ? 'V8 promise hooks' : 'AsyncLocalStorage'} (M hops/s)`,
      fmt(v === null ? null : v * 1e-6),
      fmt(none === null ? null : none * 1e-6),
      '—',
      v === null || none === null ? '—' : `${(v / none).toFixed(2)}×`,
      '—',
      'context cost',
    ]);
  }
}

if (only === undefined || only === 'packet') {
  // erlang:decode_packet/3 looping over ~1 MiB streams, here and in erl; and
  // PacketDecoder (gen_tcp's framing) taking the same stream in 64 KiB chunks.
  const runErlDecode = erlCase('erlts_decode_bench');
  const labels: Record<string, string> = {
    'p1-64': '{packet,1} 64 B',
    'p2-64': '{packet,2} 64 B',
    'p2-1k': '{packet,2} 1 KiB',
    'p4-64': '{packet,4} 64 B',
    'p4-1k': '{packet,4} 1 KiB',
    line: 'line, 15-75 B lines',
    http: 'http_bin, 8-header requests',
  };
  for (const [name, label] of Object.entries(labels)) {
    const m = measure(
      `packet ${name}`,
      () => runNode('decode-packet.ts', [name]),
      null,
      () => runErlDecode(name),
    );
    row(`decode_packet ${label}`, m, 'MBps', 1, 'MB/s', true, '');
    row(`PacketDecoder ${label}`, { ...m, erl: [] }, 'decoderMBps', 1, 'MB/s', true, '');
  }
}

if (only === undefined || only === 'tcp') {
  // Echo servers, each in a process of its own, driven by one node:net load client in
  // another (bench/cases/tcp-client.ts), the two pinned to different cores: erlts gen_tcp
  // in {active, once} and passive mode, bare node:net, and erl's gen_tcp in both modes (one
  // scheduler). The bare column is the same node:net server in both modes. Servers
  // alternate run by run, like the other families. Idle memory is measured on the
  // {active, once} servers; Erlang's "heap" is erlang:memory(total). BENCH_TCP_IDLE sets
  // the idle connection count (10,000); tcp-client.ts lists its other knobs.
  if (erlDir !== null)
    execFileSync('erlc', ['-o', erlDir, join(here, '..', 'bench', 'erl', 'erlts_tcp_bench.erl')]);
  // BENCH_TCP_RAW=1 prints every run's figures on stderr, to see the spread behind a median.
  const tcp = (server: string, workload: string): Result => {
    const r = runNode('tcp-client.ts', [server, workload, erlDir ?? '']);
    if (process.env.BENCH_TCP_RAW === '1')
      process.stderr.write(`\n${server} ${workload} ${JSON.stringify(r)}\n`);
    return r;
  };
  const servers = [
    'erlts-once',
    'erlts-passive',
    'erlts-socket',
    'bare',
    ...(erlDir === null ? [] : ['erl-once', 'erl-passive', 'erl-socket']),
  ];
  const thr: Record<string, Result[]> = {};
  const idle: Record<string, Result[]> = {};
  for (const s of servers) {
    thr[s] = [];
    idle[s] = [];
  }
  const idleServers = servers.filter((s) => s.endsWith('-once') || s === 'bare');
  for (let i = 0; i < runs; i++) {
    for (const s of servers) {
      process.stderr.write(`\rtcp ${s} throughput: run ${i + 1}/${runs}`.padEnd(60));
      thr[s]?.push(tcp(s, 'throughput'));
    }
    for (const s of idleServers) {
      process.stderr.write(`\rtcp ${s} idle: run ${i + 1}/${runs}`.padEnd(60));
      idle[s]?.push(tcp(s, 'idle'));
    }
  }
  process.stderr.write('\r' + ' '.repeat(60) + '\r');
  const mode = (from: Record<string, Result[]>, m: 'once' | 'passive' | 'socket'): Measured => ({
    erlts: from[`erlts-${m}`] ?? [],
    bare: from.bare ?? [],
    erl: from[`erl-${m}`] ?? [],
  });
  for (const m of ['once', 'passive'] as const) {
    const label = m === 'once' ? '{active,once}' : 'passive';
    row(
      `tcp echo ${label}, 50 conns × 64 B`,
      mode(thr, m),
      'roundTripsPerSec',
      1e-3,
      'k round trips/s',
      true,
      'erlts/bare ≥ 0.9×',
    );
    row(`— server CPU`, mode(thr, m), 'serverUsPerRoundTrip', 1, 'µs/round trip', false, '');
  }
  for (const m of ['once', 'passive'] as const) {
    const label = m === 'once' ? '{active,once}' : 'passive';
    row(
      `tcp echo ${label}, 64 KiB × 8 in flight`,
      mode(thr, m),
      'MBps',
      1,
      'MB/s',
      true,
      'erlts/bare ≥ 0.8×',
    );
    row(`— server CPU`, mode(thr, m), 'serverCpuSecsPerGB', 1, 's/GB', false, '');
  }
  // The socket module's echo (issue 5): recv(S, 0, nowait) select loops.
  row(
    `socket echo nowait, 50 conns × 64 B`,
    mode(thr, 'socket'),
    'roundTripsPerSec',
    1e-3,
    'k round trips/s',
    true,
    'erlts/bare ≥ 0.8×',
  );
  row(
    `socket echo nowait, 64 KiB × 8 in flight`,
    mode(thr, 'socket'),
    'MBps',
    1,
    'MB/s',
    true,
    'erlts/bare ≥ 0.8×',
  );
  row(`— server CPU`, mode(thr, 'socket'), 'serverCpuSecsPerGB', 1, 's/GB', false, '');
  const n = Number(process.env.BENCH_TCP_IDLE ?? 10_000).toLocaleString('en-US');
  row(
    `tcp ${n} idle conns, {active,once}: RSS`,
    mode(idle, 'once'),
    'rssPerConn',
    1,
    'B/conn',
    false,
    'erlts/bare ≤ 1.5×',
  );
  row(`— heap`, mode(idle, 'once'), 'heapPerConn', 1, 'B/conn', false, 'erlts/bare ≤ 1.5×');
  row(`— accepting them`, mode(idle, 'once'), 'acceptsPerSec', 1e-3, 'k accepts/s', true, '');
}

if (only === undefined || only === 'udp') {
  // Datagram echo servers (issue 15), each in a process of its own, one process owning the
  // socket, driven by one node:dgram load client in another (bench/cases/udp-client.ts), the
  // two pinned to different cores: erlts gen_udp in {active, 100} re-armed on udp_passive, in
  // {active, true} and passive (recv then send), bare node:dgram, and erl's gen_udp in the
  // same three modes (one scheduler). The client keeps 64 datagrams in flight, 64 bytes then
  // 1 KiB, and replaces one not echoed within 200 ms (counted lost). The bare column is the
  // same node:dgram server in every mode.
  if (erlDir !== null)
    execFileSync('erlc', ['-o', erlDir, join(here, '..', 'bench', 'erl', 'erlts_udp_bench.erl')]);
  // BENCH_UDP_RAW=1 prints every run's figures on stderr, to see the spread behind a median.
  const udp = (server: string): Result => {
    const r = runNode('udp-client.ts', [server, erlDir ?? '']);
    if (process.env.BENCH_UDP_RAW === '1') process.stderr.write(`\n${server} ${JSON.stringify(r)}\n`);
    return r;
  };
  const modes = ['active', 'true', 'passive'] as const;
  const servers = [
    ...modes.map((m) => `erlts-${m}`),
    'bare',
    ...(erlDir === null ? [] : modes.map((m) => `erl-${m}`)),
  ];
  const res: Record<string, Result[]> = {};
  for (const s of servers) res[s] = [];
  for (let i = 0; i < runs; i++) {
    for (const s of servers) {
      process.stderr.write(`\rudp ${s}: run ${i + 1}/${runs}`.padEnd(60));
      res[s]?.push(udp(s));
    }
  }
  process.stderr.write('\r' + ' '.repeat(60) + '\r');
  const mode = (m: (typeof modes)[number]): Measured => ({
    erlts: res[`erlts-${m}`] ?? [],
    bare: res.bare ?? [],
    erl: res[`erl-${m}`] ?? [],
  });
  const labels = { active: '{active,100}', true: '{active,true}', passive: 'passive' };
  for (const [size, name] of [
    ['64', '64 B'],
    ['1k', '1 KiB'],
  ] as const) {
    for (const m of modes) {
      row(
        `udp echo ${labels[m]}, ${name} × 64 in flight`,
        mode(m),
        `dgramsPerSec${size}`,
        1e-3,
        'k datagrams/s',
        true,
        'erlts/bare ≥ 0.9×',
      );
      row(`— server CPU`, mode(m), `serverUsPerDgram${size}`, 1, 'µs/datagram', false, '');
    }
  }
  // Datagrams not echoed within 200 ms, over every run and size of each column's servers.
  const lost = (names: string[]): number | null => {
    const all = names.flatMap((n) => res[n] ?? []);
    return all.length === 0 ? null : all.reduce((a, r) => a + (r.lost64 ?? 0) + (r.lost1k ?? 0), 0);
  };
  rows.push([
    'udp datagrams lost, all runs (count)',
    fmt(lost(modes.map((m) => `erlts-${m}`)), 0),
    fmt(lost(['bare']), 0),
    fmt(erlDir === null ? null : lost(modes.map((m) => `erl-${m}`)), 0),
    '—',
    '—',
    '0',
  ]);
}

if (only === undefined || only === 'behaviours') {
  // OTP behaviours (bench/cases/behaviours.ts and its twins bench/erl/erlts_behaviours_*.erl):
  // gen_server calls with one client and with 100, casts, gen_statem events, a supervisor
  // starting, then restarting, 10,000 simple_one_for_one children, and an idle gen_server's
  // memory. erl's memory is erlang:memory(processes); the bare column is an idle bare process.
  if (erlDir !== null) {
    execFileSync('erlc', [
      '-o',
      erlDir,
      join(here, '..', 'bench', 'erl', 'erlts_behaviours_bench.erl'),
      join(here, '..', 'bench', 'erl', 'erlts_behaviours_switch.erl'),
    ]);
  }
  const erlBehaviour = (c: string, n: string): Result | null => {
    if (erlDir === null) return null;
    const call = `erlts_behaviours_bench:main([${JSON.stringify(c)},${JSON.stringify(n)}])`;
    const out = execFileSync('erl', ['+P', '2000000', '-noshell', '-pa', erlDir, '-eval', call], {
      encoding: 'utf8',
    });
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Result;
  };
  const cases: [string, string, string, string, string][] = [
    ['call1', '200000', 'callsPerSec', 'gen_server:call, 1 client', 'k calls/s'],
    ['call100', '200000', 'callsPerSec', 'gen_server:call, 100 clients', 'k calls/s'],
    ['cast', '1000000', 'castsPerSec', 'gen_server:cast', 'k casts/s'],
    ['statem', '1000000', 'eventsPerSec', 'gen_statem cast events', 'k events/s'],
  ];
  for (const [c, n, key, name, unit] of cases) {
    const m = measure(
      `behaviours ${c}`,
      () => runNode('behaviours.ts', [c, n]),
      null,
      () => erlBehaviour(c, n),
    );
    row(name, m, key, 1e-3, unit, true, 'erlts/erl ≥ 1.0×');
  }
  const sup = measure(
    'behaviours sup',
    () => runNode('behaviours.ts', ['sup', '10000']),
    null,
    () => erlBehaviour('sup', '10000'),
  );
  row(
    'supervisor: 10,000 children started, killed, restarted',
    sup,
    'totalMs',
    1,
    'ms',
    false,
    'erlts/erl ≤ 1.0×',
  );
  row('— starting them', sup, 'startMs', 1, 'ms', false, '');
  row('— restarting them', sup, 'restartMs', 1, 'ms', false, '');
  const idle = measure(
    'behaviours idle',
    () => runNode('behaviours.ts', ['idle', '10000']),
    null,
    () => erlBehaviour('idle', '10000'),
  );
  const bare = { ...idle, bare: idle.erlts.map((r) => ({ serverBytes: r.bareBytes ?? NaN })) };
  row('idle gen_server, heap', bare, 'serverBytes', 1, 'B', false, 'erlts/bare ≤ 2×');
}

if (only === undefined || only === 'etf') {
  // The external term format (bench/cases/etf.ts): term_to_binary and binary_to_term MB/s over
  // one corpus, item by item; the bare column is erlpack (npm's native encoder) where it is
  // installed and built and can read the terms (it cannot read pids and references).
  const runErlEtf = erlCase('erlts_etf_bench');
  const labels: Record<string, string> = {
    small: 'small tuples of atoms and integers',
    string: 'strings (byte lists), 40 B',
    bin64: 'binaries of 64 B',
    bin64k: 'binaries of 64 KiB',
    map: 'maps of 4 atom keys',
    nested: 'nested lists and tuples',
    ids: 'pids and references',
    mixed: 'all of the above, mixed',
  };
  for (const [name, label] of Object.entries(labels)) {
    const m = measure(
      `etf ${name}`,
      () => runNode('etf.ts', ['erlts', name]),
      () => runNode('etf.ts', ['erlpack', name]),
      () => runErlEtf(name),
    );
    // erlpack may be missing, or unable to read the corpus: its column is then empty.
    m.bare = m.bare.filter((r) => r.unavailable === undefined);
    row(`term_to_binary, ${label}`, m, 'encodeMBps', 1, 'MB/s', true, 'erlts/erl ≥ 0.5×');
    row(`binary_to_term, ${label}`, m, 'decodeMBps', 1, 'MB/s', true, 'erlts/erl ≥ 0.5×');
  }
}

if (only === undefined || only === 'fp') {
  // erlts/fp (bench/cases/fp.ts): a passive 64-byte echo over one loopback connection through
  // erlts/fp's TaskEithers composed with pipe and chainW, then run one by one, each against the
  // same echo on gen_tcp's results in the bare column; and one fromResult and toResult of an
  // {ok, X}.
  const m = measure(
    'fp echo',
    () => runNode('fp.ts', ['fp']),
    () => runNode('fp.ts', ['direct']),
    () => null,
  );
  row('passive echo 64 B via erlts/fp; bare = gen_tcp', m, 'usPerRoundTrip', 1, 'µs/round trip', false, '');
  row('— CPU (client and server)', m, 'cpuUsPerRoundTrip', 1, 'µs/round trip', false, '');
  // The face alone: the same TaskEithers run and awaited one by one, without pipe and chain.
  const face = measure(
    'fp face echo',
    () => runNode('fp.ts', ['face']),
    () => runNode('fp.ts', ['direct']),
    () => null,
  );
  row('same, each TaskEither awaited (no chain)', face, 'usPerRoundTrip', 1, 'µs/round trip', false, '');
  row('— CPU (client and server)', face, 'cpuUsPerRoundTrip', 1, 'µs/round trip', false, '');
  row('fromResult + toResult of {ok, X}', { ...m, bare: [] }, 'nsPerConversion', 1, 'ns', false, '');
}

if (only === undefined || only === 'dist') {
  // Erlang distribution (issue 16): two nodes, each an OS process of its own, pinned to a core
  // each (bench/cases/dist-client.ts starts them): erlts to erlts, an erlts driver to an erl
  // echo node, and erl to erl (bench/erl/erlts_dist_bench.erl, one scheduler), alternating run
  // by run. Messages/s of a stream of binaries to a counting sink (windowed: the sink
  // acknowledges every 256 KiB, four windows in flight), and round trips/s through an echo
  // process, one in flight, 64 B and 64 KiB. The nodes meet at an EPMD of the bench's own on a
  // free port: the real `epmd` where erl is installed (killed after), else the one an erlts echo
  // node serves (net_kernel's epmd `ensure`).
  if (erlDir !== null)
    execFileSync('erlc', ['-o', erlDir, join(here, '..', 'bench', 'erl', 'erlts_dist_bench.erl')]);
  const epmdPort = String(await freePort());
  if (erlDir !== null) execFileSync('epmd', ['-port', epmdPort, '-daemon', '-relaxed_command_check']);
  // BENCH_DIST_RAW=1 prints every run's figures on stderr, to see the spread behind a median.
  const dist = (pair: string): Result => {
    const r = runNode('dist-client.ts', [pair, epmdPort, erlDir ?? '']);
    if (process.env.BENCH_DIST_RAW === '1') process.stderr.write(`\n${pair} ${JSON.stringify(r)}\n`);
    return r;
  };
  const pairs = ['erlts-erlts', ...(erlDir === null ? [] : ['erlts-erl', 'erl-erl'])];
  const res: Record<string, Result[]> = {};
  for (const p of pairs) res[p] = [];
  try {
    for (let i = 0; i < runs; i++) {
      for (const p of pairs) {
        process.stderr.write(`\rdist ${p}: run ${i + 1}/${runs}`.padEnd(60));
        res[p]?.push(dist(p));
      }
    }
  } finally {
    if (erlDir !== null) execFileSync('epmd', ['-port', epmdPort, '-kill'], { stdio: 'ignore' });
  }
  process.stderr.write('\r' + ' '.repeat(60) + '\r');
  const pair = (p: string): Measured => ({ erlts: res[p] ?? [], bare: [], erl: res['erl-erl'] ?? [] });
  for (const [size, name] of [
    ['64', '64 B'],
    ['64k', '64 KiB'],
  ] as const) {
    for (const [key, what, unit] of [
      [`msgsPerSec${size}`, 'stream', 'k msgs/s'],
      [`roundTripsPerSec${size}`, 'round trips', 'k round trips/s'],
    ] as const) {
      row(
        `dist ${what} ${name}, erlts↔erlts; erl = erl↔erl`,
        pair('erlts-erlts'),
        key,
        1e-3,
        unit,
        true,
        'erlts↔erlts ≥ 1.0× erl↔erl',
      );
      row(`— erlts↔erl (erl echo node)`, pair('erlts-erl'), key, 1e-3, unit, true, '');
    }
  }
}

if (erlDir !== null) rmSync(erlDir, { recursive: true, force: true });

const header = ['benchmark', 'erlts', 'bare JS', 'Erlang/OTP', 'erlts/bare', 'erlts/erl', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(
  `erlts benchmarks — median of ${runs} runs, node ${nodeVersion} (erlts implicit context: ${implicitContext}), ` +
    (otpRelease === null ? 'erl not installed' : `OTP ${otpRelease}`),
);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
