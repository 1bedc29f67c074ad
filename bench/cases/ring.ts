/**
 * Ring benchmark: N processes in a ring pass one token around `laps` times.
 * Prints one JSON line: {"hopsPerSec": ...}. Run in a fresh process per measurement.
 *   node --conditions=erlts-source --import tsx bench/cases/ring.ts <erlts|bare|sim> N laps
 * `sim` runs the erlts ring under erlts/sim's simulate (a seeded schedule, virtual time): each
 * hop is one simulated step, timed in wall time.
 */
import type { Pid } from 'erlts';

const [mode = 'erlts', nArg = '1000', lapsArg = '1000'] = process.argv.slice(2);
const N = Number(nArg);
const laps = Number(lapsArg);
const total = N * laps;

async function erltsRing(simulated: boolean): Promise<number> {
  // Imported here so the bare ring runs without erlts's promise hooks installed.
  const { on, receive, run, self, send, spawn, timer } = await import('erlts');
  // erlts/sim only when simulating: a run outside a simulation is erlts as a program without it runs.
  const simulate = simulated ? (await import('erlts/sim')).simulate : null;
  const start =
    simulate === null
      ? run
      : async (fn: () => Promise<number>): Promise<number> =>
          (await simulate({ seed: 1, maxSteps: 1e8 }, fn)).result;
  return start(async () => {
    const me = self();
    const member = async (next: Pid | null): Promise<void> => {
      const to = next ?? ((await receive()) as Pid);
      for (;;) {
        const m = (await receive()) as number;
        if (m >= total) {
          send(me, 'done');
          return;
        }
        send(to, m + 1);
      }
    };
    const first = spawn(member, null);
    let next = first;
    for (let i = 1; i < N; i++) next = spawn(member, next);
    send(first, next);
    await timer.sleep(50); // every member reaches its first receive before the clock starts
    const started = performance.now();
    send(first, 0);
    await receive(on('done'));
    return total / ((performance.now() - started) / 1000);
  });
}

/** The same ring with bare promises: what JS itself costs, with no runtime. */
async function bareRing(): Promise<number> {
  const waiters: (((m: number) => void) | null)[] = new Array<null>(N).fill(null);
  const boxes: number[][] = Array.from({ length: N }, () => []);
  const sendTo = (i: number, m: number): void => {
    const w = waiters[i];
    if (w) {
      waiters[i] = null;
      w(m);
    } else boxes[i]!.push(m);
  };
  const recv = (i: number): Promise<number> => {
    const box = boxes[i]!;
    if (box.length > 0) return Promise.resolve(box.shift()!);
    return new Promise((resolve) => {
      waiters[i] = resolve;
    });
  };
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  for (let i = 0; i < N; i++) {
    void (async () => {
      for (;;) {
        const m = await recv(i);
        if (m >= total) return done();
        sendTo((i + 1) % N, m + 1);
      }
    })();
  }
  await new Promise((resolve) => setImmediate(resolve));
  const started = performance.now();
  sendTo(0, 0);
  await finished;
  return total / ((performance.now() - started) / 1000);
}

const hopsPerSec = mode === 'bare' ? await bareRing() : await erltsRing(mode === 'sim');
console.log(JSON.stringify({ hopsPerSec }));
process.exit(0);
