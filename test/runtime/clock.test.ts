/**
 * Every timer of the runtime, inet, gen_tcp and socket goes through the one Clock: with a
 * manual clock installed, each timed call arms its timer there (and nowhere else: a spy on
 * Node's setTimeout and setInterval records any call from the library's own files), and
 * moving the manual clock on is what makes the call time out.
 */
import { expect } from 'chai';
import { dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  _,
  after,
  exit,
  on,
  receive,
  run,
  self,
  send_after,
  setClock,
  spawn,
  start_timer,
  timer,
  type Clock,
} from 'erlts';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import * as socket from 'erlts/socket';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const library = ['runtime', 'inet', 'gen_tcp', 'socket'].map((d) => `${root}${sep}${d}${sep}`);

/** A clock that moves only when told: no real timer is armed by it. */
class ManualClock implements Clock {
  #now = 0;
  #next = 1;
  readonly #timers = new Map<number, { due: number; fn: () => void }>();
  /** Every timer armed, in milliseconds. */
  readonly armed: number[] = [];

  now(): number {
    return this.#now;
  }

  setTimer(ms: number, fn: () => void): number {
    const id = this.#next++;
    this.#timers.set(id, { due: this.#now + ms, fn });
    this.armed.push(ms);
    return id;
  }

  clearTimer(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Timers armed and not yet fired or cleared. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Moves time on by `ms`, firing what falls due, in order (also what those arm). */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      let first: [number, { due: number; fn: () => void }] | undefined;
      for (const entry of this.#timers)
        if (entry[1].due <= until && (first === undefined || entry[1].due < first[1].due)) first = entry;
      if (first === undefined) break;
      this.#timers.delete(first[0]);
      this.#now = Math.max(this.#now, first[1].due);
      first[1].fn();
    }
    this.#now = until;
  }
}

/** Real timers armed from the library's own files while installed. */
function spyOnRealTimers(): { calls: string[]; restore: () => void } {
  const calls: string[] = [];
  const realTimeout = globalThis.setTimeout;
  const realInterval = globalThis.setInterval;
  const record = (kind: string): void => {
    const stack = new Error().stack ?? '';
    const frame = stack.split('\n').find((l) => library.some((d) => l.includes(d)));
    if (frame !== undefined) calls.push(`${kind} from ${frame.trim()}`);
  };
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
    record('setTimeout');
    return realTimeout(...args);
  }) as typeof setTimeout;
  globalThis.setInterval = (...args: Parameters<typeof setInterval>) => {
    record('setInterval');
    return realInterval(...args);
  };
  return {
    calls,
    restore: () => {
      globalThis.setTimeout = realTimeout;
      globalThis.setInterval = realInterval;
    },
  };
}

/** A few turns of the event loop, on real (untouched) immediates. */
async function turns(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

function ok<T>(r: readonly unknown[]): T {
  if (r[0] !== 'ok') throw new Error(`expected {ok, _}, got ${String(r)}`);
  return r[1] as T;
}

describe('the one Clock', function () {
  let clock: ManualClock;
  let previous: Clock;
  let spy: ReturnType<typeof spyOnRealTimers>;

  beforeEach(function () {
    clock = new ManualClock();
    previous = setClock(clock);
    spy = spyOnRealTimers();
  });

  afterEach(function () {
    spy.restore();
    setClock(previous);
    expect(spy.calls, 'real timers armed by the library').to.deep.equal([]);
  });

  /**
   * Starts `call`, checks that it waits on the manual clock for `ms`, moves the clock on and
   * returns what the call gave.
   */
  async function timesOut<T>(ms: number, call: () => Promise<T>): Promise<T> {
    const before = clock.armed.length;
    let done = false;
    const result = call().finally(() => (done = true));
    await turns();
    expect(done, 'the call waits').to.equal(false);
    expect(clock.armed.slice(before), 'the call armed its timer on the clock').to.include(ms);
    clock.advance(ms);
    await turns();
    expect(done, 'moving the clock on ended the wait').to.equal(true);
    return result;
  }

  describe('runtime', function () {
    it('runs receive ... after on the clock', async function () {
      const r = await run(() =>
        timesOut(5000, () =>
          receive(
            on('never'),
            after(5000, () => 'late'),
          ),
        ),
      );
      expect(r).to.equal('late');
    });

    it('runs send_after, start_timer, timer.sleep and timer.send_interval on the clock', async function () {
      await run(async () => {
        send_after(3000, self(), 'tick');
        const ref = start_timer(3000, self(), 'tock');
        expect(clock.pending).to.equal(2);
        clock.advance(3000);
        expect(await receive(on('tick'), after(0))).to.equal('tick');
        expect(await receive(on(['timeout', ref, 'tock']), after(0))).to.not.equal('timeout');
        expect(await timesOut(100, () => timer.sleep(100))).to.equal('ok');
        const [, tref] = timer.send_interval(10, 'again');
        clock.advance(30);
        for (let i = 0; i < 3; i++) expect(await receive(on('again'), after(0))).to.equal('again');
        timer.cancel(tref);
        const [micros] = await timer.tc(() => clock.advance(7));
        expect(micros).to.equal(7000);
      });
    });

    it('times a process that waits and dies: its timers leave the clock', async function () {
      const pid = spawn(() => receive(after(60_000)));
      send_after(60_000, pid, 'never');
      await turns();
      expect(clock.pending).to.equal(2);
      exit(pid, 'kill');
      expect(clock.pending).to.equal(0);
    });
  });

  describe('gen_tcp and inet', function () {
    it('times accept, recv and connect on the clock', async function () {
      const ls = ok<gen_tcp.socket>(
        await gen_tcp.listen(0, [
          ['ip', [127, 0, 0, 1]],
          ['active', false],
        ]),
      );
      expect(await timesOut(4000, () => gen_tcp.accept(ls, 4000))).to.deep.equal(['error', 'timeout']);
      const port = ok<number>(await inet.port(ls));
      const c = ok<gen_tcp.socket>(await gen_tcp.connect([127, 0, 0, 1], port, [['active', false]], 4100));
      expect(clock.armed, 'connect armed its timeout').to.include(4100);
      const s = ok<gen_tcp.socket>(await gen_tcp.accept(ls));
      expect(await timesOut(4200, () => gen_tcp.recv(s, 0, 4200))).to.deep.equal(['error', 'timeout']);
      for (const x of [c, s, ls]) await gen_tcp.close(x);
    });

    it('times send_timeout and the flush of a closing socket on the clock', async function () {
      const ls = ok<gen_tcp.socket>(
        await gen_tcp.listen(0, [
          ['ip', [127, 0, 0, 1]],
          ['active', false],
        ]),
      );
      const port = ok<number>(await inet.port(ls));
      const opts: gen_tcp.connect_option[] = ['binary', ['active', false], ['send_timeout', 4300]];
      const c = ok<gen_tcp.socket>(await gen_tcp.connect([127, 0, 0, 1], port, opts));
      const s = ok<gen_tcp.socket>(await gen_tcp.accept(ls));
      // The peer reads nothing: the kernel's buffers fill, then Node's, then sends wait.
      const chunk = Buffer.alloc(1 << 20);
      for (let i = 0; i < 64; i++) {
        let done = false;
        const sent = gen_tcp.send(c, chunk).finally(() => (done = true));
        await turns(2);
        if (!done) {
          clock.advance(4300);
          await turns();
          expect(await sent).to.deep.equal(['error', 'timeout']);
          break;
        }
      }
      expect(clock.armed).to.include(4300);
      // Closing with output the peer does not take: the flush waits 5 s of no progress, on the clock.
      await gen_tcp.close(c);
      expect(clock.armed).to.include(5000);
      clock.advance(5000);
      await gen_tcp.close(s);
      await gen_tcp.close(ls);
    });

    it('bounds a host lookup by the clock', async function () {
      await inet.getaddr('no-such-host.invalid', 'inet', 4400);
      expect(clock.armed).to.include(4400);
    });
  });

  describe('socket', function () {
    async function pair(): Promise<[socket.Socket, socket.Socket, socket.Socket]> {
      const ls = ok<socket.Socket>(await socket.open('inet', 'stream', 'tcp'));
      await socket.bind(ls, { family: 'inet', addr: 'loopback', port: 0 });
      await socket.listen(ls);
      const { port } = ok<{ port: number }>(await socket.sockname(ls));
      const c = ok<socket.Socket>(await socket.open('inet', 'stream', 'tcp'));
      await socket.connect(c, { family: 'inet', addr: [127, 0, 0, 1], port }, 4500);
      expect(clock.armed, 'connect armed its timeout').to.include(4500);
      const s = ok<socket.Socket>(await socket.accept(ls));
      return [ls, c, s];
    }

    it('times accept and recv on the clock', async function () {
      const [ls, c, s] = await pair();
      expect(await timesOut(4600, () => socket.accept(ls, 4600))).to.deep.equal(['error', 'timeout']);
      expect(await timesOut(4700, () => socket.recv(s, 3, 4700))).to.deep.equal(['error', 'timeout']);
      for (const x of [c, s, ls]) await socket.close(x);
    });

    it('times a send with a timeout and the hold of MSG_MORE on the clock', async function () {
      const [ls, c, s] = await pair();
      expect(await socket.send(c, Buffer.from('held'), ['more'], 'infinity')).to.equal('ok');
      expect(clock.armed).to.include(200);
      clock.advance(200);
      expect(String(ok(await socket.recv(s, 4, 'infinity')))).to.equal('held');
      const chunk = Buffer.alloc(1 << 20);
      for (let i = 0; i < 64; i++) {
        let done = false;
        const sent = socket.send(c, chunk, 4800).finally(() => (done = true));
        await turns(2);
        if (!done) {
          clock.advance(4800);
          await turns();
          const r = await sent;
          expect(r[0]).to.equal('error');
          break;
        }
      }
      expect(clock.armed).to.include(4800);
      for (const x of [c, s, ls]) await socket.close(x);
      clock.advance(10_000);
      await receive(on(['$socket', _, _, _]), after(0));
    });
  });
});
