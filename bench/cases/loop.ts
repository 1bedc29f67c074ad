/**
 * Recursive-loop benchmark: a pong server written as Erlang writes servers, a function whose
 * receive clause calls the function again, answers `pings` pings from one client. Prints the
 * heap growth over the pings (after full GCs) and the time per round trip, as one JSON line.
 *   node --expose-gc --conditions=erlts-source --import tsx bench/cases/loop.ts <shape> pings
 * Shapes:
 *   async   async function loop(N) { return receive(on(..., () => loop(N + 1))) }
 *   plain   the same with a plain function
 *   for     a for (;;) loop awaiting receive: what a loop costs without recursion
 *   bare    the async shape in plain JavaScript (no erlts): a promise per message, and
 *           `return loop(N + 1)` after an await, which JavaScript keeps level by level
 */
const [shape = 'async', pingsArg = '1000000'] = process.argv.slice(2);
const pings = Number(pingsArg);
const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

interface Result {
  heapGrowthMB: number;
  usPerPing: number;
}

async function erltsLoop(): Promise<Result> {
  const { is, is_pid, on, receive, run, self, send, spawn } = await import('erlts');
  type Pid = ReturnType<typeof self>;
  async function loopAsync(n: number): Promise<number> {
    return receive(
      on(['ping', is(is_pid)], ([, from]) => {
        send(from, 'pong');
        return loopAsync(n + 1);
      }),
      on('stop', () => n),
    );
  }
  function loopPlain(n: number): Promise<number> {
    return receive(
      on(['ping', is(is_pid)], ([, from]) => {
        send(from, 'pong');
        return loopPlain(n + 1);
      }),
      on('stop', () => n),
    );
  }
  async function loopFor(): Promise<number> {
    for (let n = 0; ; n++) {
      const from = await receive(
        on(['ping', is(is_pid)], ([, f]) => f),
        on('stop', () => null),
      );
      if (from === null) return n;
      send(from, 'pong');
    }
  }
  const server = { async: loopAsync, plain: loopPlain, for: loopFor }[shape];
  if (server === undefined) throw new Error(`unknown shape ${shape}`);
  return run(async () => {
    const pong = spawn(server, 0);
    const me: Pid = self();
    const ping = async (): Promise<void> => {
      send(pong, ['ping', me]);
      await receive(on('pong'));
    };
    for (let i = 0; i < 1000; i++) await ping();
    const before = heapUsed();
    const started = performance.now();
    for (let i = 0; i < pings; i++) await ping();
    const elapsed = performance.now() - started;
    const growth = heapUsed() - before;
    send(pong, 'stop');
    return { heapGrowthMB: growth / 1e6, usPerPing: (elapsed * 1000) / pings };
  });
}

/** The same loop with no runtime: one-slot mailboxes made of promises. */
async function bareLoop(): Promise<Result> {
  class Box {
    #waiting: ((msg: unknown) => void) | null = null;
    #queue: unknown[] = [];
    send(msg: unknown): void {
      const w = this.#waiting;
      if (w !== null) {
        this.#waiting = null;
        w(msg);
      } else this.#queue.push(msg);
    }
    receive(): Promise<unknown> {
      if (this.#queue.length > 0) return Promise.resolve(this.#queue.shift());
      return new Promise((resolve) => (this.#waiting = resolve));
    }
  }
  const server = new Box();
  const client = new Box();
  async function loop(n: number): Promise<number> {
    const msg = await server.receive();
    if (msg === 'stop') return n;
    client.send('pong');
    return loop(n + 1);
  }
  const done = loop(0);
  const ping = async (): Promise<void> => {
    server.send('ping');
    await client.receive();
  };
  for (let i = 0; i < 1000; i++) await ping();
  const before = heapUsed();
  const started = performance.now();
  for (let i = 0; i < pings; i++) await ping();
  const elapsed = performance.now() - started;
  const growth = heapUsed() - before;
  server.send('stop');
  await done;
  return { heapGrowthMB: growth / 1e6, usPerPing: (elapsed * 1000) / pings };
}

console.log(JSON.stringify(shape === 'bare' ? await bareLoop() : await erltsLoop()));
process.exit(0);
