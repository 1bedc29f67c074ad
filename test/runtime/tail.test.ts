/**
 * Tail calls through receive (runtime/internal/tail.ts): a loop written as Erlang writes one, a
 * function whose receive clause calls the function again, gives the value and the error its
 * last level gives, in constant memory, in both the async and the plain shape.
 */
import { expect } from 'chai';
import {
  _,
  after,
  exit,
  is,
  is_pid,
  logger,
  monitor,
  on,
  receive,
  run,
  self,
  send,
  spawn,
  type Pid,
} from 'erlts';
import { settledHeap } from '../support/heap.js';

/**
 * Four shapes of the same counting loop, as ports write them: pings counted, `stop` gives the
 * count, `crash` throws.
 */
async function countAsync(n: number): Promise<number> {
  return receive(
    on(['ping', is(is_pid)], ([, from]) => {
      send(from, 'pong');
      return countAsync(n + 1);
    }),
    on('stop', () => n),
    on('crash', () => {
      throw new Error(`crashed after ${n}`);
    }),
  );
}
function countPlain(n: number): Promise<number> {
  return receive(
    on(['ping', is(is_pid)], ([, from]) => {
      send(from, 'pong');
      return countPlain(n + 1);
    }),
    on('stop', () => n),
    on('crash', () => {
      throw new Error(`crashed after ${n}`);
    }),
  );
}
/** Awaits something else first, as a loop that sets {active, once} before its receive. */
async function countAwaitFirst(n: number): Promise<number> {
  await Promise.resolve('ok');
  return receive(
    on(['ping', is(is_pid)], ([, from]) => {
      send(from, 'pong');
      return countAwaitFirst(n + 1);
    }),
    on('stop', () => n),
    on('crash', () => {
      throw new Error(`crashed after ${n}`);
    }),
  );
}
/** Awaits the message, then calls itself, as an accept loop or a passive recv loop. */
async function countAwaitThenCall(n: number): Promise<number> {
  const msg = await receive();
  if (msg === 'stop') return n;
  if (msg === 'crash') throw new Error(`crashed after ${n}`);
  send((msg as [string, Pid])[1], 'pong');
  return countAwaitThenCall(n + 1);
}
const shapes = {
  'async function returning receive': countAsync,
  'plain function returning receive': countPlain,
  'async function awaiting, then returning receive': countAwaitFirst,
  'async function awaiting receive, then calling itself': countAwaitThenCall,
};

/** Spawns a process that runs `loop(0)` and sends its parent the outcome. */
function runLoop(loop: (n: number) => Promise<number>): Pid {
  const parent = self();
  return spawn(async () => {
    try {
      send(parent, ['done', await loop(0)]);
    } catch (error) {
      send(parent, ['failed', (error as Error).message]);
    }
  });
}

async function pingN(pid: Pid, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    send(pid, ['ping', self()]);
    await receive(on('pong'));
  }
}

for (const [shape, loop] of Object.entries(shapes)) {
  describe(`tail calls: ${shape}`, () => {
    it('gives the awaiting code the value of the last level', async () => {
      const got = await run(async () => {
        const pid = runLoop(loop);
        await pingN(pid, 1000);
        send(pid, 'stop');
        return receive(on(['done', _], ([, n]) => n));
      });
      expect(got).to.equal(1000);
    });

    it('throws what the last level throws into the awaiting code', async () => {
      const got = await run(async () => {
        const pid = runLoop(loop);
        await pingN(pid, 500);
        send(pid, 'crash');
        return receive(on(['failed', _], ([, m]) => m));
      });
      expect(got).to.equal('crashed after 500');
    });

    it('takes messages already queued inside the receive call, and still drops the levels', async () => {
      const got = await run(async () => {
        const me = self();
        // 20,000 pings queued before the loop starts: most levels run inside their
        // receive call (budget permitting), in bursts, between waiting ones.
        const pid = spawn(async () => {
          const n = await receive(on('go', () => loop(0)));
          send(me, ['done', n]);
        });
        for (let i = 0; i < 20_000; i++) send(pid, ['ping', me]);
        send(pid, 'stop');
        send(pid, 'go');
        for (let i = 0; i < 20_000; i++) await receive(on('pong'));
        return receive(on(['done', _], ([, n]) => n));
      });
      expect(got).to.equal(20_000);
    });

    it('runs 200,000 iterations in constant memory', async () => {
      const growth = await run(async () => {
        const pid = runLoop(loop);
        await pingN(pid, 2000);
        const before = settledHeap();
        await pingN(pid, 200_000);
        const grown = settledHeap() - before;
        send(pid, 'stop');
        await receive(on(['done', _]));
        return grown;
      });
      // Kept levels would cost ≥ 390 bytes each: 78 MB here.
      expect(growth).to.be.below(2_000_000);
    });

    it('unwinds a loop whose process is killed while it waits', async () => {
      const got = await run(async () => {
        const pid = runLoop(loop);
        await pingN(pid, 100);
        const ref = monitor('process', pid);
        exit(pid, 'kill');
        return receive(on(['DOWN', ref, 'process', pid, _], ([, , , , why]) => why));
      });
      expect(got).to.equal('killed');
    });
  });
}

describe('tail calls through receive', () => {
  it('drops the levels of a loop whose after clause calls it again', async () => {
    const got = await run(async () => {
      let ticks = 0;
      const tick = (): Promise<string> =>
        receive(
          on('stop', () => 'stopped'),
          after(0, () => (++ticks < 5000 ? tick() : 'enough')),
        );
      const before = settledHeap();
      const r = await tick();
      return { r, ticks, grown: settledHeap() - before };
    });
    expect(got.r).to.equal('enough');
    expect(got.ticks).to.equal(5000);
    expect(got.grown).to.be.below(1_000_000);
  });

  it('settles a level that is observed after its loop went on, with the value of the last', async () => {
    const got = await run(async () => {
      const kept: Promise<number>[] = [];
      const loop = (n: number): Promise<number> => {
        const p = receive(
          on('next', () => loop(n + 1)),
          on('stop', () => n),
        );
        kept.push(p);
        return p;
      };
      for (let i = 0; i < 3; i++) send(self(), 'next');
      const first = loop(0);
      send(self(), 'next');
      send(self(), 'stop');
      const last = await first;
      // The levels in between were skipped while nothing observed them: awaited now, each
      // gives what the loop gave.
      return { last, levels: await Promise.all(kept) };
    });
    expect(got.last).to.equal(4);
    expect(got.levels).to.deep.equal([4, 4, 4, 4, 4]);
  });

  it('leaves a level alone when something else awaits the receive it returns', async () => {
    const got = await run(async () => {
      const seen: number[] = [];
      const loop = (n: number): Promise<number> => {
        const p = receive(
          on('next', () => loop(n + 1)),
          on('stop', () => n),
        );
        void p.then((v) => seen.push(v));
        return p;
      };
      send(self(), 'next');
      const first = loop(0);
      send(self(), 'next');
      send(self(), 'stop');
      const last = await first;
      await receive(after(0));
      return { last, seen };
    });
    expect(got.last).to.equal(2);
    expect(got.seen).to.deep.equal([2, 2, 2]);
  });

  it('gives a plain value returned by a body that made a receive it did not return', async () => {
    const got = await run(async () => {
      send(self(), 'a');
      return receive(
        on('a', () => {
          void receive(
            on('never', () => 'x'),
            after(0, () => 'later'),
          );
          return 'mine';
        }),
      );
    });
    expect(got).to.equal('mine');
  });

  it('settles a promise that two async functions return, for both', async () => {
    const got = await run(async () => {
      const shared = receive(on('go', () => 'went'));
      const a = async (): Promise<unknown> => shared;
      const b = async (): Promise<unknown> => shared;
      const pa = a();
      const pb = b();
      send(self(), 'go');
      return Promise.all([pa, pb, shared]);
    });
    expect(got).to.deep.equal(['went', 'went', 'went']);
  });

  it('keeps Promise.prototype.then semantics for then, catch and finally on a process promise', async () => {
    const got = await run(async () => {
      const f = async (x: number): Promise<number> => x;
      const g = async (): Promise<number> => {
        throw new Error('g');
      };
      const order: string[] = [];
      const a = await f(1).then((x) => x + 1);
      const b = await g().catch((e: Error) => e.message);
      const c = await f(3).finally(() => order.push('finally'));
      return [a, b, c, order];
    });
    expect(got).to.deep.equal([2, 'g', 3, ['finally']]);
  });

  it('leaves the then of a Promise subclass alone', async () => {
    class Traced<T> extends Promise<T> {
      static calls = 0;
      override then<A = T, B = never>(
        onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
        onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
      ): Promise<A | B> {
        Traced.calls++;
        return super.then(onFulfilled, onRejected);
      }
    }
    const got = await run(async () => {
      const p = new Traced<number>((resolve) => resolve(7));
      return [await p.then((x) => x * 2), Object.hasOwn(p, 'then')];
    });
    expect(got).to.deep.equal([14, false]);
    expect(Traced.calls).to.be.at.least(1);
  });

  it('warns once, naming the process, when a loop keeps its levels (return await receive)', async () => {
    const events: logger.LogEvent[] = [];
    logger.remove_handler('default');
    logger.add_handler('tail_test', (e) => {
      if (e.level === 'warning') events.push(e);
    });
    try {
      const got = await run(async () => {
        const loop = async (n: number): Promise<number> =>
          await receive(
            on('next', () => loop(n + 1)),
            on('stop', () => n),
          );
        const pid = spawn(async () => {
          const n = await loop(0);
          send(parent, ['done', n]);
        });
        const parent = self();
        // Past the 10,000 levels by a few hundred: on the AsyncContextFrame path the levels made
        // before the first body that gave a promise turned tail calls on are not counted.
        for (let i = 0; i < 10_300; i++) send(pid, 'next');
        send(pid, 'stop');
        return [pid, await receive(on(['done', _], ([, n]) => n))] as const;
      });
      expect(got[1]).to.equal(10_300);
      expect(events).to.have.length(1);
      expect(events[0]?.meta.pid).to.equal(got[0]);
      expect(events[0]?.text).to.match(
        /^Process <0\.\d+\.\d+> is in the middle of 10000 calls whose results it awaits/,
      );
      expect(events[0]?.text).to.include('`return await receive(...)`');
    } finally {
      logger.remove_handler('tail_test');
      logger.add_handler('default', logger.default_handler);
    }
  });
});
