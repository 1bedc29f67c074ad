/**
 * Spawn benchmark: start `count` processes that each block in receive, then
 * report microseconds per spawn (until all have reached their receive) and
 * heap bytes per live process. Prints one JSON line.
 *   node --expose-gc --conditions=erlts-source --import tsx bench/cases/spawn.ts <erlts|bare> count
 */
const [mode = 'erlts', countArg = '1000000'] = process.argv.slice(2);
const count = Number(countArg);
const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

async function erltsSpawn(): Promise<{ usPerSpawn: number; bytesPerProcess: number }> {
  const { receive, run, spawn, timer } = await import('erlts');
  let waiting = 0;
  const idle = (): Promise<unknown> => {
    waiting++;
    return receive();
  };
  return run(async () => {
    await timer.sleep(1);
    const before = heapUsed();
    const started = performance.now();
    const pids = new Array<ReturnType<typeof spawn>>(count);
    for (let i = 0; i < count; i++) pids[i] = spawn(idle);
    // Spawned processes start on later turns: time until the last one waits.
    while (waiting < count) await new Promise((resolve) => setImmediate(resolve));
    const elapsed = performance.now() - started;
    // The pid array is the benchmark's, not the runtime's: count it out.
    const bytes = heapUsed() - before - count * 8;
    void pids; // the bench process exits without tearing the processes down
    return { usPerSpawn: (elapsed * 1000) / count, bytesPerProcess: bytes / count };
  });
}

/** The bare-JS floor: an async function per "process", each awaiting its own promise. */
async function bareSpawn(): Promise<{ usPerSpawn: number; bytesPerProcess: number }> {
  const resolvers = new Array<(v: unknown) => void>(count);
  let started = 0;
  const idle = async (i: number): Promise<void> => {
    started++;
    await new Promise((resolve) => (resolvers[i] = resolve));
  };
  const before = heapUsed();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) void idle(i);
  while (started < count) await new Promise((resolve) => setImmediate(resolve));
  const elapsed = performance.now() - t0;
  const bytes = heapUsed() - before - count * 8;
  for (const r of resolvers) r(undefined);
  return { usPerSpawn: (elapsed * 1000) / count, bytesPerProcess: bytes / count };
}

const result = mode === 'bare' ? await bareSpawn() : await erltsSpawn();
console.log(JSON.stringify(result));
process.exit(0);
