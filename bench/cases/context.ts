/**
 * What carrying "the current process" across awaits costs, without erlts:
 * the bare promise ring with no context, with V8 promise hooks (what erlts
 * uses on Node 20), and with AsyncLocalStorage. Prints {"hopsPerSec": ...}.
 *   node .bench/cases/context.js <none|hooks|als> N laps
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { promiseHooks } from 'node:v8';

const [mode = 'none', nArg = '1000', lapsArg = '1000'] = process.argv.slice(2);
const N = Number(nArg);
const total = N * Number(lapsArg);

let current: unknown = null;
const owner = Symbol('owner');
type Tagged = Promise<unknown> & { [owner]?: unknown };
const als = new AsyncLocalStorage<number>();

if (mode === 'hooks') {
  promiseHooks.createHook({
    init(promise: Tagged) {
      if (current !== null) promise[owner] = current;
    },
    before(promise: Tagged) {
      current = promise[owner] ?? null;
    },
    after() {
      current = null;
    },
  });
}

const waiters: (((m: number) => void) | null)[] = new Array<null>(N).fill(null);
const sendTo = (i: number, m: number): void => {
  const w = waiters[i];
  waiters[i] = null;
  w?.(m);
};
const recv = (i: number): Promise<number> => new Promise((resolve) => (waiters[i] = resolve));
let whoami = 0;

let done!: () => void;
const finished = new Promise<void>((resolve) => (done = resolve));
for (let i = 0; i < N; i++) {
  const member = async (): Promise<void> => {
    for (;;) {
      const m = await recv(i);
      // Read the context each hop, as self() would.
      whoami = mode === 'als' ? (als.getStore() ?? -1) : mode === 'hooks' ? (current === null ? -1 : i) : i;
      if (m >= total) return done();
      sendTo((i + 1) % N, m + 1);
    }
  };
  if (mode === 'als') void als.run(i, member);
  else {
    current = i;
    void member();
    current = null;
  }
}
await new Promise((resolve) => setImmediate(resolve));
const started = performance.now();
sendTo(0, 0);
await finished;
console.log(JSON.stringify({ hopsPerSec: total / ((performance.now() - started) / 1000), whoami }));
process.exit(0);
