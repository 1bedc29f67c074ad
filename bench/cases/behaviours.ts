/**
 * OTP behaviours benchmark (issue 12): gen_server call round trips with one client and with 100
 * clients, gen_server cast throughput, and the heap of an idle gen_server beside an idle bare
 * process. Prints one JSON line.
 *   node --expose-gc --conditions=erlts-source --import tsx bench/cases/behaviours.ts <case> n
 * cases: call1 calls | call100 calls | cast casts | statem events | sup children | idle servers
 */
import { receive, run, spawn, timer, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as gen_statem from 'erlts/gen_statem';
import * as supervisor from 'erlts/supervisor';
import { exit, logger } from 'erlts';

const [which = 'call1', nArg = '100000'] = process.argv.slice(2);
const n = Number(nArg);
const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** The counter server the call and cast cases talk to. */
const counter = {
  MODULE: 'bench_counter',
  init: (n0: number) => ['ok', n0],
  handle_call: (_req: 'get', _from: gen_server.From, n1: number) => ['reply', n1, n1],
  handle_cast: (_msg: 'inc', n1: number) => ['noreply', n1 + 1],
};

async function startCounter(): Promise<Pid> {
  const r = await gen_server.start(counter, 0, []);
  return (r as ['ok', Pid])[1];
}

/** A two-state switch: each cast event flips it; a call reads the count. */
const switcher = {
  MODULE: 'bench_switch',
  callback_mode: () => 'state_functions',
  init: () => ['ok', 'off', 0],
  off: (type: unknown, _msg: unknown, n: number) =>
    type === 'cast'
      ? ['next_state', 'on', n + 1]
      : ['keep_state_and_data', [['reply', (type as [string, gen_statem.From])[1], n]]],
  on: (type: unknown, _msg: unknown, n: number) =>
    type === 'cast'
      ? ['next_state', 'off', n + 1]
      : ['keep_state_and_data', [['reply', (type as [string, gen_statem.From])[1], n]]],
};

/** The children of the supervisor case: counter servers. */
const worker = {
  MODULE: 'bench_worker',
  start_link: () => gen_server.start_link(counter, 0, []),
};

/** A simple_one_for_one supervisor of permanent workers that may all restart at once. */
const pool = {
  MODULE: 'bench_sup',
  init: (n0: number) => [
    'ok',
    [
      { strategy: 'simple_one_for_one', intensity: 2 * n0, period: 10 },
      [{ id: 'worker', start: [worker, 'start_link', []], restart: 'permanent' }],
    ],
  ],
};

async function callLoop(server: Pid, calls: number): Promise<void> {
  for (let i = 0; i < calls; i++) await gen_server.call(server, 'get');
}

const result = await run(async (): Promise<Record<string, number>> => {
  if (which === 'call1') {
    const server = await startCounter();
    await callLoop(server, 1000);
    const t0 = performance.now();
    await callLoop(server, n);
    return { callsPerSec: n / ((performance.now() - t0) / 1000) };
  }
  if (which === 'call100') {
    const server = await startCounter();
    const clients = 100;
    const per = Math.floor(n / clients);
    await callLoop(server, 1000);
    const t0 = performance.now();
    await Promise.all(Array.from({ length: clients }, () => run(callLoop, server, per)));
    return { callsPerSec: (per * clients) / ((performance.now() - t0) / 1000) };
  }
  if (which === 'cast') {
    const server = await startCounter();
    await callLoop(server, 1000);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      gen_server.cast(server, 'inc');
      // Let the server keep up now and then, as a sender that awaits something would.
      if (i % 1000 === 999) await gen_server.call(server, 'get');
    }
    await gen_server.call(server, 'get');
    return { castsPerSec: n / ((performance.now() - t0) / 1000) };
  }
  if (which === 'statem') {
    const [, machine] = (await gen_statem.start(switcher, [], [])) as ['ok', Pid];
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      gen_statem.cast(machine, 'flip');
      if (i % 1000 === 999) await gen_statem.call(machine, 'count');
    }
    await gen_statem.call(machine, 'count');
    return { eventsPerSec: n / ((performance.now() - t0) / 1000) };
  }
  if (which === 'sup') {
    // Ten thousand supervisor reports would measure the terminal: both sides log none.
    logger.remove_handler('default');
    const [, sup] = (await supervisor.start_link(pool, n)) as ['ok', Pid];
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await supervisor.start_child(sup, []);
    const started = performance.now();
    const children = (await supervisor.which_children(sup)) as [unknown, Pid, unknown, unknown][];
    const t1 = performance.now();
    for (const [, pid] of children) exit(pid, 'kill');
    // The EXITs are in the supervisor's mailbox before this call: it answers once all restarted.
    await supervisor.count_children(sup);
    const restarted = performance.now();
    return { startMs: started - t0, restartMs: restarted - t1, totalMs: started - t0 + (restarted - t1) };
  }
  if (which === 'idle') {
    await timer.sleep(1);
    const base = heapUsed();
    const bare = new Array<Pid>(n);
    for (let i = 0; i < n; i++) bare[i] = spawn(() => receive());
    await timer.sleep(50);
    const mid = heapUsed();
    const servers = new Array<Pid>(n);
    for (let i = 0; i < n; i++) servers[i] = await startCounter();
    await timer.sleep(50);
    const end = heapUsed();
    return { bareBytes: (mid - base) / n - 8, serverBytes: (end - mid) / n - 8 };
  }
  throw new Error(`unknown case ${which}`);
});
console.log(JSON.stringify(result));
process.exit(0);
