// erlts/sim: virtual time, seeded schedules, replay and divergence, faults, the trace, and that
// nothing outside a simulation changes.
import { expect } from 'chai';
import {
  ErlangError,
  _,
  after,
  exit,
  is_process_alive,
  link,
  monitor,
  monotonic_time,
  on,
  process_flag,
  rand,
  receive,
  run,
  self,
  send,
  send_after,
  spawn,
  spawn_link,
  system_time,
  timer,
  type Pid,
} from 'erlts';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { SimulationError, decodeSchedule, encodeSchedule, explore, simulate } from 'erlts/sim';
import { rejection } from './rejection.js';
import * as scenarios from './scenarios.js';

/**
 * A busy scenario: 50 processes passing tokens with timers, links and monitors, a
 * supervisor-style restart loop, and loopback TCP.
 */
async function busy(): Promise<unknown> {
  process_flag('trap_exit', true);
  const me = self();
  // Loopback TCP: an echo server and three clients.
  const [, L] = (await gen_tcp.listen(0, ['binary', ['active', false]])) as ['ok', gen_tcp.socket];
  const [, port] = (await inet.port(L)) as ['ok', number];
  spawn_link(async function acceptor() {
    for (;;) {
      const [, S] = (await gen_tcp.accept(L)) as ['ok', gen_tcp.socket];
      for (;;) {
        const r = await gen_tcp.recv(S, 0);
        if (r[0] !== 'ok') break;
        await gen_tcp.send(S, r[1]);
      }
    }
  });
  for (let c = 0; c < 3; c++) {
    spawn(async function client(n: number) {
      const [, C] = (await gen_tcp.connect('127.0.0.1', port, ['binary', ['active', true]])) as [
        'ok',
        gen_tcp.socket,
      ];
      await gen_tcp.send(C, `hi ${n}`);
      const echoed = await receive(on(['tcp', C, _], ([, , d]) => String(d)));
      await gen_tcp.close(C);
      send(me, ['echo', echoed]);
    }, c);
  }
  // A restart loop: a worker that dies every 1000 ms and is started again, five times.
  const restarter = spawn_link(async function supervisor() {
    process_flag('trap_exit', true);
    for (let i = 0; i < 5; i++) {
      spawn_link(async () => {
        await timer.sleep(1000);
        exit('crash');
      });
      await receive(on(['EXIT', _, 'crash']));
    }
    send(me, 'restarts_done');
  });
  // 46 workers in a ring-like chain, with timers and monitors.
  const workers: Pid[] = [];
  for (let i = 0; i < 46; i++) {
    workers.push(
      spawn(async function worker(k: number) {
        const [, next] = (await receive(on(['next', _]))) as ['next', Pid];
        if (k % 5 === 0) monitor('process', next);
        for (let round = 0; round < 3; round++) {
          const token = await receive(on(['token', _], ([, t]) => t as number));
          send_after(k % 7, next, ['token', token + 1]);
        }
      }, i),
    );
  }
  workers.forEach((w, i) => send(w, ['next', workers[(i + 1) % workers.length]]));
  send(workers[0] as Pid, ['token', 0]);
  const echoes: unknown[] = [];
  for (let i = 0; i < 3; i++) echoes.push(await receive(on(['echo', _], ([, e]) => e)));
  await receive(on('restarts_done'));
  link(restarter);
  return echoes.sort();
}

describe('erlts/sim', function () {
  this.timeout(60_000);

  describe('bad input', function () {
    const cases: [string, () => Promise<unknown>, RegExp][] = [
      ['an unknown option', () => simulate({ seeed: 1 } as never, async () => 1), /unknown option "seeed"/],
      [
        'a misspelt strategy',
        () => simulate({ strategy: 'pctt' } as never, async () => 1),
        /unknown strategy pctt/,
      ],
      [
        'a seed that is no integer',
        () => simulate({ seed: 1.5 }, async () => 1),
        /the seed must be an integer/,
      ],
      [
        'a scenario that is no function',
        () => simulate({ seed: 1 }, 'go' as never),
        /the scenario must be a function/,
      ],
      [
        'a malformed fault',
        () => simulate({ seed: 1, faults: [{ step: 0, kill: 2 }] }, async () => 1),
        /is not a fault/,
      ],
      [
        'a probability above 1',
        () => simulate({ seed: 1, chaos: { drop: 2 } }, async () => 1),
        /chaos.drop must be a probability/,
      ],
      [
        'a schedule that is no schedule',
        () => simulate({ seed: 1, schedule: '1.x' }, async () => 1),
        /"x" in schedule "1.x" is not a step/,
      ],
      [
        'explore with an unknown strategy',
        () => explore({ strategy: 'dfs' } as never, async () => 1),
        /unknown strategy dfs/,
      ],
      [
        'explore with no runs',
        () => explore({ runs: 0 }, async () => 1),
        /runs must be an integer of at least 1/,
      ],
    ];
    for (const [what, call, message] of cases) {
      it(`refuses ${what} with badarg, naming it`, async function () {
        let error: unknown = null;
        try {
          await call();
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(ErlangError);
        expect((error as ErlangError).reason).to.equal('badarg');
        expect((error as Error).message).to.match(message);
      });
    }
  });

  describe('virtual time', function () {
    it('runs timers of 30 s, 10 min and 1 h in well under 100 ms of wall time', async function () {
      const t0 = performance.now();
      const r = await simulate({ seed: 1 }, async () => {
        send_after(30_000, self(), 'a');
        timer.send_after(600_000, 'b');
        const t = monotonic_time('millisecond');
        const x = await receive(
          on('b', () => 'B'),
          after(3_600_000, () => 'none'),
        );
        const y = await receive(on('a', () => 'A'));
        await timer.sleep(3_600_000);
        return [x, y, (monotonic_time('millisecond') as number) - (t as number)];
      });
      const wall = performance.now() - t0;
      expect(r.result).to.deep.equal(['B', 'A', 4_200_000]);
      expect(r.virtualMs).to.equal(4_200_000);
      expect(wall).to.be.below(100);
    });

    it('reads monotonic_time, system_time and timer:tc on the virtual clock', async function () {
      const r = await simulate({ seed: 1 }, async () => {
        const s0 = system_time('millisecond');
        const [us] = await timer.tc(() => timer.sleep(1500));
        return [s0, us, system_time('second')];
      });
      expect(r.result).to.deep.equal([
        Date.UTC(2026, 0, 1),
        1_500_000,
        Date.UTC(2026, 0, 1) / 1000 + 1.5 - 0.5,
      ]);
    });

    it('gives the same rand:uniform sequence for a seed, and another for another seed', async function () {
      const draw = async (): Promise<number[]> => [rand.uniform(100), rand.uniform(100), rand.uniform(100)];
      const a = await simulate({ seed: 5 }, draw);
      const b = await simulate({ seed: 5 }, draw);
      const c = await simulate({ seed: 6 }, draw);
      expect(a.result).to.deep.equal(b.result);
      expect(a.result).to.not.deep.equal(c.result);
      for (const x of a.result) expect(x).to.be.within(1, 100);
    });

    it('fails a run whose every process waits for ever as a deadlock, naming them', async function () {
      const e = await rejection(
        simulate({ seed: 1 }, async () => {
          spawn(async function stuck() {
            await receive(on('never'));
          });
          return receive(on('nothing'));
        }),
      );
      expect(e.kind).to.equal('deadlock');
      expect(e.message).to.match(/deadlock: .*<0\.1\.0>.*<0\.2\.0> stuck/);
      expect(e.message).to.include(`replay: simulate({ seed: 1, schedule: '${e.schedule}' }, scenario)`);
    });

    it('stops a run that goes on for ever at the step limit', async function () {
      const e = await rejection(
        simulate({ seed: 1, maxSteps: 500 }, async () => {
          const loop = async (): Promise<never> => {
            send(self(), 'again');
            await receive(on('again'));
            return loop();
          };
          return loop();
        }),
      );
      expect(e.kind).to.equal('step-limit');
      expect(e.steps).to.equal(500);
    });
  });

  describe('determinism', function () {
    it('gives byte-identical traces in 100 runs of a busy scenario with one seed', async function () {
      const first = await simulate({ seed: 2024 }, busy);
      expect(first.result).to.deep.equal(['hi 0', 'hi 1', 'hi 2']);
      const lines = first.trace.toString();
      expect(lines).to.include('receive {tcp,#Port<');
      for (let i = 1; i < 100; i++) {
        const again = await simulate({ seed: 2024 }, busy);
        expect(again.trace.toString()).to.equal(lines);
        expect(again.schedule).to.equal(first.schedule);
      }
    });

    it('gives different schedules for different seeds', async function () {
      const schedules = new Set<string>();
      for (let seed = 1; seed <= 10; seed++) schedules.add((await simulate({ seed }, busy)).schedule);
      expect(schedules.size).to.be.at.least(9);
    });

    it('chooses the order of timers due at the same time, so a message may beat a timeout', async function () {
      const race = async (): Promise<unknown> => {
        const b = spawn(async function waiter(parent: Pid) {
          send(
            parent,
            await receive(
              on('msg', () => 'got it'),
              after(100, () => 'timed out'),
            ),
          );
        }, self());
        spawn(async function sender() {
          await timer.sleep(100);
          send(b, 'msg');
        });
        return receive(on(_, (x) => x));
      };
      const outcomes = new Set<unknown>();
      for (let seed = 1; seed <= 20; seed++) {
        const r = await simulate({ seed }, race);
        outcomes.add(r.result);
        expect(r.virtualMs).to.equal(100);
        if (r.result === 'got it') expect(r.schedule).to.match(/(^|\.)t\d+/);
      }
      expect([...outcomes].sort()).to.deep.equal(['got it', 'timed out']);
      // Without a choice, timers due together fire in the order they were armed.
      expect((await simulate({ seed: 1, strategy: 'fifo' }, race)).result).to.equal('timed out');
    });

    it('replays a run from its recorded schedule, trace for trace', async function () {
      const first = await simulate({ seed: 77 }, busy);
      const again = await simulate({ seed: 77, schedule: first.schedule, expect: first.trace }, busy);
      expect(again.trace.toString()).to.equal(first.trace.toString());
      // The text form round-trips.
      expect(encodeSchedule(decodeSchedule(first.schedule))).to.equal(first.schedule);
    });

    it('reports the step where a replay diverges when the code read Math.random', async function () {
      const racy = async (): Promise<string> => {
        const me = self();
        const n = 2 + (Math.floor(Math.random() * 1e9) % 3);
        for (let i = 0; i < n; i++) spawn(async () => send(me, 'hi'));
        for (let i = 0; i < n; i++) await receive(on('hi'));
        return 'ok';
      };
      let diverged: SimulationError | null = null;
      const first = await simulate({ seed: 3 }, racy);
      for (let i = 0; i < 20 && diverged === null; i++) {
        try {
          await simulate({ seed: 3, schedule: first.schedule, expect: first.trace }, racy);
        } catch (error) {
          diverged = error as SimulationError;
        }
      }
      expect(diverged).to.be.instanceOf(SimulationError);
      expect((diverged as SimulationError).kind).to.equal('diverged');
      expect((diverged as SimulationError).message).to.match(
        /diverged (at step \d+|from the expected trace at line \d+)/,
      );
    });
  });

  describe('faults', function () {
    it('kills a process before a given step', async function () {
      const r = await simulate({ seed: 1, faults: [{ step: 3, kill: 2 }] }, async () => {
        const [pid, ref] = [spawn(async () => receive(on('stop'))), null];
        void ref;
        const m = monitor('process', pid);
        return receive(on(['DOWN', m, 'process', pid, _], ([, , , , why]) => why));
      });
      expect(r.result).to.equal('killed');
      expect(r.trace.toString()).to.match(/ 3 +0ms <0\.2\.0> +fault: exit\(2, kill\)/);
      expect(r.schedule).to.match(/\|k3:2$/);
    });

    it('drops a message, and delays one by virtual time', async function () {
      const scenario = async (): Promise<unknown> => {
        const me = self();
        spawn(async () => {
          send(me, 1);
          send(me, 2);
        });
        const a = await receive(
          on(_, (x) => x),
          after(10_000, () => 'timeout'),
        );
        const b = await receive(
          on(_, (x) => x),
          after(10_000, () => 'timeout'),
        );
        return [a, b];
      };
      expect((await simulate({ seed: 1, faults: [{ send: 1, drop: true }] }, scenario)).result).to.deep.equal(
        [2, 'timeout'],
      );
      const delayed = await simulate({ seed: 1, faults: [{ send: 1, delay: 700 }] }, scenario);
      // The second message waits behind the first: one sender's messages keep their order.
      expect(delayed.result).to.deep.equal([1, 2]);
      expect(delayed.virtualMs).to.equal(700);
    });

    it('holds a message back past another sender but never past its own sender', async function () {
      const scenario = async (): Promise<unknown> => {
        const me = self();
        const a = spawn(async () => {
          send(me, 'a1');
          send(me, 'a2');
        });
        void a;
        await receive(
          on('b-may-go'),
          after(0, () => undefined),
        );
        spawn(async () => send(me, 'b1'));
        const got: unknown[] = [];
        for (let i = 0; i < 3; i++) got.push(await receive(on(_, (x) => x)));
        return got;
      };
      const orders = new Set<string>();
      for (let seed = 1; seed <= 40; seed++) {
        const r = await simulate({ seed, chaos: { hold: 0.5 } }, scenario);
        const got = r.result as string[];
        expect(got.indexOf('a1')).to.be.below(got.indexOf('a2'));
        orders.add(got.join(','));
      }
      expect(orders.has('b1,a1,a2') || orders.has('a1,b1,a2')).to.equal(true);
    });

    it('draws faults from the seed and records them in the schedule', async function () {
      const scenario = async (): Promise<number> => {
        process_flag('trap_exit', true);
        let exits = 0;
        for (let i = 0; i < 10; i++)
          spawn_link(async () =>
            receive(
              on('never'),
              after(100, () => 'ok'),
            ),
          );
        for (let i = 0; i < 10; i++) {
          await receive(on(['EXIT', _, _], ([, , why]) => (why === 'killed' ? exits++ : 0)));
        }
        return exits;
      };
      const a = await simulate({ seed: 9, chaos: { kill: 0.2 } }, scenario);
      const b = await simulate({ seed: 9, chaos: { kill: 0.2 } }, scenario);
      expect(a.result).to.be.above(0);
      expect(b.trace.toString()).to.equal(a.trace.toString());
      const replay = await simulate({ seed: 9, schedule: a.schedule }, scenario);
      expect(replay.result).to.equal(a.result);
    });
  });

  describe('socket faults', function () {
    /** A client that sends three lines to an echo server and says what came back, and when. */
    async function echoes(): Promise<unknown[]> {
      const [, L] = (await gen_tcp.listen(0, ['binary', ['active', false]])) as ['ok', gen_tcp.socket];
      const [, port] = (await inet.port(L)) as ['ok', number];
      spawn(async function server() {
        const [, S] = (await gen_tcp.accept(L)) as ['ok', gen_tcp.socket];
        for (;;) {
          const r = await gen_tcp.recv(S, 0);
          if (r[0] !== 'ok') return;
          await gen_tcp.send(S, r[1]);
        }
      });
      const [, C] = (await gen_tcp.connect('127.0.0.1', port, ['binary', ['active', true]])) as [
        'ok',
        gen_tcp.socket,
      ];
      const got: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        await gen_tcp.send(C, `m${i}`);
        got.push(
          await receive(
            on(['tcp', C, _], ([, , d]) => [String(d), monotonic_time('millisecond')]),
            on([_, C], ([t]) => t),
            on([_, C, _], ([t, , r]) => [t, r]),
            after(5000, () => 'timeout'),
          ),
        );
      }
      return got;
    }

    it('numbers the sockets in the trace, in the order they connect', async function () {
      const r = await simulate({ seed: 1 }, echoes);
      expect(r.result).to.deep.equal([
        ['m0', 0],
        ['m1', 0],
        ['m2', 0],
      ]);
      const lines = r.trace.lines().filter((l) => l.includes('socket #'));
      expect(lines.map((l) => l.replace(/^.*ms /, ''))).to.deep.equal([
        'sim        socket #1 connected',
        '<0.1.0>    socket #2 connected',
      ]);
    });

    it('closes and resets a connection as if its own end did', async function () {
      for (const fault of ['close', 'reset'] as const) {
        const r = await simulate({ seed: 1, faults: [{ step: 4, socket: 2, fault }] }, echoes);
        expect(r.result).to.deep.equal(['tcp_closed', 'timeout', 'timeout']);
        expect(r.trace.toString()).to.include(`fault: ${fault} socket #2`);
        expect(r.schedule).to.match(new RegExp(`\\|s4:2=${fault}$`));
      }
    });

    it('half-closes a connection: the peer reads the end, this end can no longer send', async function () {
      const r = await simulate({ seed: 1, faults: [{ step: 4, socket: 2, fault: 'half_close' }] }, echoes);
      expect(r.result).to.deep.equal([['m0', 0], ['tcp_error', 'closed'], 'tcp_closed']);
    });

    it("delays a socket's input, and makes a slow reader of it, on virtual time", async function () {
      const delayed = await simulate({ seed: 1, faults: [{ step: 4, socket: 1, delay: 300 }] }, echoes);
      expect(delayed.result).to.deep.equal([
        ['m0', 300],
        ['m1', 300],
        ['m2', 300],
      ]);
      const slow = await simulate({ seed: 1, faults: [{ step: 4, socket: 1, slow: 50 }] }, echoes);
      expect(slow.result).to.deep.equal([
        ['m0', 0],
        ['m1', 50],
        ['m2', 100],
      ]);
      expect(slow.schedule).to.match(/\|s4:1\/50$/);
      const replay = await simulate({ seed: 1, schedule: slow.schedule, expect: slow.trace }, echoes);
      expect(replay.result).to.deep.equal(slow.result);
    });

    it('draws socket faults from the seed', async function () {
      const kinds = new Set<string>();
      for (let seed = 1; seed <= 30; seed++) {
        const r = await simulate({ seed, chaos: { socket: 0.3, maxDelay: 200 } }, echoes);
        for (const m of r.schedule.matchAll(/s\d+:\d+([=~/])(\w*)/g))
          kinds.add(m[1] === '=' ? (m[2] as string) : (m[1] as string));
        const again = await simulate({ seed, chaos: { socket: 0.3, maxDelay: 200 } }, echoes);
        expect(again.trace.toString()).to.equal(r.trace.toString());
      }
      expect(kinds.size).to.be.at.least(3);
    });
  });

  describe('the trace', function () {
    it('prints one line per event and a Mermaid sequence diagram', async function () {
      const r = await simulate({ seed: 1 }, async () => {
        const p = spawn(async function echo() {
          const [from, m] = (await receive(on([_, _]))) as [Pid, string];
          send(from, m);
        });
        send(p, [self(), 'hi']);
        return receive(on('hi'));
      });
      expect(r.trace.lines()).to.deep.equal([
        '     1         0ms <0.1.0>    start anonymous',
        '     1         0ms <0.1.0>    spawn <0.2.0> echo',
        '     1         0ms <0.1.0>    send #1 <0.2.0> {<0.1.0>,hi}',
        '     2         0ms <0.2.0>    start echo',
        '     3         0ms <0.2.0>    receive {<0.1.0>,hi}',
        '     3         0ms <0.2.0>    send #2 <0.1.0> hi',
        '     3         0ms <0.2.0>    exit normal',
        '     4         0ms <0.1.0>    receive hi',
        '     4         0ms <0.1.0>    exit normal',
      ]);
      expect(r.trace.mermaid()).to.equal(
        [
          'sequenceDiagram',
          '  participant P1 as <0.1.0> anonymous',
          '  participant P2 as <0.2.0> echo',
          '  P1-)P2: 1: spawn',
          '  P1->>P2: 1: {<0.1.0>,hi}',
          '  P2->>P1: 3: hi',
          '  Note over P2: 3: exit normal',
          '  Note over P1: 4: exit normal',
        ].join('\n'),
      );
    });
  });

  describe('the trace limit', function () {
    it('keeps the last traceLimit events, in order, and says how many went', async function () {
      const scenario = async (): Promise<void> => {
        for (let i = 0; i < 10; i++) send(self(), i);
        for (let i = 0; i < 10; i++) await receive(on(i));
      };
      const full = await simulate({ seed: 1 }, scenario);
      const cut = await simulate({ seed: 1, traceLimit: 5 }, scenario);
      const all = full.trace.lines();
      expect(cut.trace.dropped).to.equal(all.length - 5);
      expect(cut.trace.lines()).to.deep.equal([
        `(${all.length - 5} earlier events not kept)`,
        ...all.slice(-5),
      ]);
    });
  });

  describe('outside a simulation', function () {
    it('leaves ordinary processes on real time, before, between and after two simulations', async function () {
      const before = await run(async () => {
        const t0 = performance.now();
        await timer.sleep(20);
        return performance.now() - t0;
      });
      expect(before).to.be.at.least(19);
      const a = await simulate({ seed: 1 }, async () => timer.sleep(50_000));
      // An ordinary process running while a simulation runs keeps real time.
      const side = run(async () => {
        const t0 = performance.now();
        await timer.sleep(30);
        return performance.now() - t0;
      });
      const b = await simulate({ seed: 2 }, async () => timer.sleep(70_000));
      expect(await side).to.be.at.least(29);
      expect([a.virtualMs, b.virtualMs]).to.deep.equal([50_000, 70_000]);
    });

    it('waits for a server outside the simulation to answer before virtual time moves on', async function () {
      const server = spawn(async function outside() {
        for (;;) {
          const [from, n] = (await receive(on([_, _]))) as [Pid, number];
          send(from, n + 1);
        }
      });
      const r = await simulate({ seed: 1 }, async () => {
        send(server, [self(), 1]);
        return receive(
          on(_, (x) => x),
          after(5000, () => 'timeout'),
        );
      });
      exit(server, 'kill');
      expect([r.result, r.virtualMs]).to.deep.equal([2, 0]);
    });

    it('refuses a second simulation while one runs', async function () {
      const first = simulate({ seed: 1 }, async () => timer.sleep(10));
      let refused: unknown = null;
      try {
        await simulate({ seed: 2 }, async () => 'x');
      } catch (error) {
        refused = error;
      }
      await first;
      expect(String(refused)).to.match(/a simulation is running already/);
    });

    it('kills what the scenario left running when it ends', async function () {
      let left: Pid | null = null;
      await simulate({ seed: 1 }, async () => {
        left = spawn(async () => receive(on('never')));
      });
      expect(is_process_alive(left as unknown as Pid)).to.equal(false);
    });
  });

  describe('explore', function () {
    it('finds an interleaving that fails, shrinks it and replays it', async function () {
      const scenario = async (): Promise<void> => {
        const me = self();
        spawn(async () => send(me, 'a'));
        spawn(async () => send(me, 'b'));
        const first = await receive(on(_, (x) => x));
        await receive(on(_, (x) => x));
        if (first === 'b') throw new Error('b came first');
      };
      const { failure, runs } = await explore({ runs: 100, seed: 1 }, scenario);
      expect(failure).to.be.instanceOf(SimulationError);
      expect(runs).to.be.at.most(10);
      const f = failure as SimulationError;
      expect(f.kind).to.equal('crash');
      expect(f.nondeterministic).to.equal(null);
      const replayed = await rejection(simulate({ seed: f.seed, schedule: f.schedule }, scenario));
      expect(replayed.trace.toString()).to.equal(f.trace.toString());
    });

    it('shrinks a failing run with unrelated work in it to the steps that matter', async function () {
      const noisy = async (): Promise<number> => {
        for (let k = 0; k < 4; k++) {
          spawn(async () => {
            for (let i = 0; i < 10; i++) {
              send(self(), i);
              await receive(on(i));
            }
          });
        }
        return scenarios.lostUpdate();
      };
      const raw = await explore({ runs: 500, seed: 2, shrink: 0 }, noisy);
      const { failure } = await explore({ runs: 500, seed: 2 }, noisy);
      const f = failure as SimulationError;
      expect(raw.failure?.steps).to.equal(30);
      expect(f.found?.shrunkFrom).to.equal(30);
      // The lost update alone takes 14 steps: the noise went after the failure, out of the run.
      expect(f.steps).to.equal(14);
      expect(f.nondeterministic).to.equal(null);
      const replayed = await rejection(simulate({ seed: f.seed, schedule: f.schedule }, noisy));
      expect(replayed.steps).to.equal(14);
    });

    it('searches every schedule within a preemption bound, exhaustively', async function () {
      const scenario = async (): Promise<void> => {
        const me = self();
        for (let i = 0; i < 3; i++) spawn(async () => send(me, i));
        for (let i = 0; i < 3; i++) await receive(on(_));
      };
      const r = await explore({ strategy: 'exhaustive', preemptions: 1, runs: 10_000 }, scenario);
      expect(r.failure).to.equal(null);
      expect(r.exhausted).to.equal(true);
      expect(r.runs).to.be.above(3);
    });
  });
});
