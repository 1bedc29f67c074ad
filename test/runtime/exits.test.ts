import { expect } from 'chai';
import {
  ErlangError,
  ExitError,
  _,
  after,
  demonitor,
  exit,
  error,
  flush,
  is_process_alive,
  link,
  monitor,
  on,
  process_flag,
  receive,
  register,
  run,
  self,
  send,
  spawn,
  spawn_link,
  spawn_monitor,
  unlink,
  whereis,
  type Pid,
} from 'erlts';
import * as erlang from 'erlts';
import { capturingReports, idle } from '../support/processes.js';

describe('exit signals', () => {
  it('a process that returns exits normal, and a monitor sees it', async () => {
    const got = await run(async () => {
      const [pid, ref] = spawn_monitor(() => 'done');
      return receive(
        on(['DOWN', ref, 'process', pid, _], ([, , , , reason]) => reason),
        after(500),
      );
    });
    expect(got).to.equal('normal');
  });

  it('normal from a linked process is ignored by a process not trapping exits', async () => {
    const got = await run(async () => {
      spawn_link(() => 'done');
      return receive(after(30, () => 'still alive'));
    });
    expect(got).to.equal('still alive');
  });

  it('a trapping process receives [EXIT, Pid, normal] from a linked process', async () => {
    const got = await run(async () => {
      process_flag('trap_exit', true);
      const pid = spawn_link(() => 'done');
      return receive(
        on(['EXIT', pid, _], ([, , reason]) => reason),
        after(500),
      );
    });
    expect(got).to.equal('normal');
  });

  it('an abnormal exit kills a linked process that does not trap, with the same reason', async () => {
    const got = await run(async () => {
      process_flag('trap_exit', true);
      const middle = spawn_link(async () => {
        spawn_link(() => exit('boom'));
        await idle();
      });
      return receive(
        on(['EXIT', middle, _], ([, , reason]) => reason),
        after(500),
      );
    });
    expect(got).to.equal('boom');
  });

  it('kill cannot be trapped and reaches links as killed', async () => {
    const got = await run(async () => {
      process_flag('trap_exit', true);
      const victim = spawn_link(async () => {
        process_flag('trap_exit', true);
        await idle();
      });
      await receive(after(10));
      exit(victim, 'kill');
      return receive(
        on(['EXIT', victim, _], ([, , reason]) => reason),
        after(500),
      );
    });
    expect(got).to.equal('killed');
  });

  it('a trapping process gets exit/2 reasons as messages, kill excepted', async () => {
    const got = await run(async () => {
      const me = self();
      const trapper = spawn(async () => {
        process_flag('trap_exit', true);
        const msgs: unknown[] = [];
        for (let i = 0; i < 2; i++) msgs.push(await receive(on(_), after(500)));
        send(me, ['got', msgs]);
      });
      await receive(after(10));
      exit(trapper, 'normal');
      exit(trapper, 'custom');
      return receive(
        on(['got', _], ([, msgs]) => msgs),
        after(1000),
      );
    });
    expect(got).to.have.length(2);
    expect((got as unknown[][])[0]?.[2]).to.equal('normal');
    expect((got as unknown[][])[1]?.[2]).to.equal('custom');
  });

  it('exit/2 with normal does not kill another process that does not trap', async () => {
    const got = await run(async () => {
      const pid = spawn(idle);
      await receive(after(5));
      exit(pid, 'normal');
      await receive(after(10));
      const alive = is_process_alive(pid);
      send(pid, 'stop');
      return alive;
    });
    expect(got).to.equal(true);
  });

  it('exit(self(), normal) ends the caller when not trapping, and is a message when trapping', async () => {
    const got = await run(async () => {
      const [plain, ref1] = spawn_monitor(async () => {
        exit(self(), 'normal');
        await receive(after(100));
        return 'survived';
      });
      const r1 = await receive(
        on(['DOWN', ref1, 'process', plain, _], ([, , , , r]) => r),
        after(500),
      );
      const me = self();
      spawn(async () => {
        process_flag('trap_exit', true);
        exit(self(), 'normal');
        send(me, await receive(on(_), after(500)));
      });
      const r2 = await receive(on(['EXIT', _, _]), after(500));
      return [r1, (r2 as unknown[])[2]];
    });
    expect(got).to.deep.equal(['normal', 'normal']);
  });

  it('exit/1 ends the process with the reason, catchable as in Erlang', async () => {
    const got = await run(async () => {
      let caught: unknown;
      try {
        exit('inner');
      } catch (e) {
        caught = (e as { reason: unknown }).reason;
      }
      const [pid, ref] = spawn_monitor(() => exit('outer'));
      const reason = await receive(
        on(['DOWN', ref, 'process', pid, _], ([, , , , r]) => r),
        after(500),
      );
      return [caught, reason];
    });
    expect(got).to.deep.equal(['inner', 'outer']);
  });

  it('an error exits with [Reason, Stack] and is reported on stderr through the logger', async () => {
    const [reason, events] = await capturingReports(() =>
      run(async () => {
        const [pid, ref] = spawn_monitor(() => error('badarith'));
        return receive(
          on(['DOWN', ref, 'process', pid, _], ([, , , , r]) => r),
          after(500),
        );
      }),
    );
    expect(reason).to.be.an('array').with.length(2);
    expect((reason as unknown[])[0]).to.equal('badarith');
    expect(events).to.have.length(1);
    expect(events[0]?.text).to.match(/^Error in process <0\.\d+\.\d+> with exit value:\n\{badarith,\[/);
  });

  it('throw uncaught exits with [[nocatch, Value], Stack]', async () => {
    const [reason] = await capturingReports(() =>
      run(async () => {
        const [pid, ref] = spawn_monitor(() => erlang.throw('oops'));
        return receive(
          on(['DOWN', ref, 'process', pid, _], ([, , , , r]) => r),
          after(500),
        );
      }),
    );
    expect((reason as unknown[])[0]).to.deep.equal(['nocatch', 'oops']);
  });

  it('a crash inside a receive body propagates through a link', async () => {
    const [got] = await capturingReports(() =>
      run(async () => {
        process_flag('trap_exit', true);
        const pid = spawn_link(async () => {
          await receive(
            on('crash', () => {
              throw new TypeError('bad body');
            }),
          );
        });
        send(pid, 'crash');
        return receive(
          on(['EXIT', pid, _], ([, , r]) => r),
          after(500),
        );
      }),
    );
    const [cause] = got as [unknown, unknown];
    expect(cause).to.be.instanceOf(TypeError);
  });

  it('a linked chain dies in order with the first reason', async () => {
    const got = await run(async () => {
      process_flag('trap_exit', true);
      const me = self();
      const head = spawn_link(async () => {
        const c = spawn_link(async () => {
          const d = spawn_link(async () => {
            await receive(on('die'));
            exit('chain');
          });
          send(me, ['d', d]);
          await idle();
        });
        send(me, ['c', c]);
        await idle();
      });
      const c = await receive(
        on(['c', _], ([, p]) => p),
        after(500),
      );
      const d = await receive(
        on(['d', _], ([, p]) => p),
        after(500),
      );
      send(d as Pid, 'die');
      const reason = await receive(
        on(['EXIT', head, _], ([, , r]) => r),
        after(500),
      );
      return [reason, is_process_alive(c as Pid), is_process_alive(d as Pid)];
    });
    expect(got).to.deep.equal(['chain', false, false]);
  });

  it('a chain of 20,000 linked processes dies at once without overflowing the stack', async () => {
    const died = await run(async () => {
      const me = self();
      const link_next = async (left: number): Promise<void> => {
        if (left > 0) spawn_link(link_next, left - 1);
        else send(me, 'chain built');
        await receive(after(10_000));
      };
      const head = spawn(link_next, 20_000);
      await receive(on('chain built'), after(10_000));
      const before = erlang.processes().length;
      exit(head, 'boom');
      return before - erlang.processes().length;
    });
    expect(died).to.equal(20_001);
  });

  it('linking to a dead process raises noproc, or sends EXIT noproc when trapping', async () => {
    const got = await run(async () => {
      const [dead, ref] = spawn_monitor(() => 'gone');
      await receive(on(['DOWN', ref, _, _, _]), after(500));
      let raised: unknown;
      try {
        link(dead);
      } catch (e) {
        raised = [ErlangError.is(e), (e as ErlangError).reason];
      }
      process_flag('trap_exit', true);
      const linked = link(dead);
      const msg = await receive(
        on(['EXIT', dead, _], ([, , r]) => r),
        after(500),
      );
      return [raised, linked, msg];
    });
    expect(got).to.deep.equal([[true, 'noproc'], true, 'noproc']);
  });

  it('unlink stops exit propagation', async () => {
    const got = await run(async () => {
      const pid = spawn_link(async () => {
        await receive(on('die'));
        exit('bye');
      });
      unlink(pid);
      send(pid, 'die');
      return receive(after(30, () => 'unaffected'));
    });
    expect(got).to.equal('unaffected');
  });

  it('a killed process is dead at once: links, monitors, name and mailbox', async () => {
    const got = await run(async () => {
      const pid = spawn(idle);
      register('victim_at_once', pid);
      const ref = monitor('process', pid);
      send(pid, 'queued');
      exit(pid, 'kill');
      // No await between the signal and these checks: death is synchronous.
      const now = [is_process_alive(pid), whereis('victim_at_once')];
      const down = await receive(
        on(['DOWN', ref, 'process', pid, _], ([, , , , r]) => r),
        after(0, () => 'not yet'),
      );
      return [...now, down];
    });
    expect(got).to.deep.equal([false, 'undefined', 'killed']);
  });

  it('a killed process cannot act afterwards: its next runtime call throws and nothing it sends arrives', async () => {
    const got = await run(async () => {
      const me = self();
      const pid = spawn(async () => {
        try {
          await receive(after(1000));
        } finally {
          // Unwinding runs finally blocks; sending from a dead process has no effect.
          try {
            send(me, 'from the dead');
          } catch {
            send(me, 'never delivered either');
          }
        }
      });
      await receive(after(5));
      exit(pid, 'kill');
      return receive(after(30, () => 'nothing arrived'));
    });
    expect(got).to.equal('nothing arrived');
  });

  it('killing a process whose receive is not awaited yet does not crash Node', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const got = await run(async () => {
      const me = self();
      const victim = spawn(async () => {
        const pending = receive(on('never'));
        await new Promise((resolve) => setTimeout(resolve, 30));
        await pending;
      });
      await receive(after(5));
      exit(victim, 'kill');
      // Past the turn where Node would report an unhandled rejection.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return [is_process_alive(victim), self() === me];
    }).finally(() => process.off('unhandledRejection', onUnhandled));
    expect(got).to.deep.equal([false, true]);
    expect(unhandled).to.deep.equal([]);
  });

  it('run() rejects with ExitError carrying the reason', async () => {
    try {
      await run(() => exit('failed'));
      expect.fail('run resolved');
    } catch (e) {
      expect(ExitError.is(e)).to.equal(true);
      expect((e as ExitError).reason).to.equal('failed');
    }
  });

  it("run()'s ExitError for an escaped ErlangError names its message after the reason", async () => {
    const [e] = await capturingReports(() =>
      run(() => {
        throw new ErlangError('badarg', 'f/1: the size must be an integer, got x');
      }).catch((x: unknown) => x),
    );
    expect(ExitError.is(e)).to.equal(true);
    expect(((e as ExitError).reason as unknown[])[0]).to.equal('badarg');
    expect((e as Error).message).to.match(
      /^process <0\.\d+\.\d+> exited: \{badarg,\[.*\]\}: f\/1: the size must be an integer, got x$/,
    );
    expect(ErlangError.is((e as Error).cause)).to.equal(true);
  });

  it('one crashing process does not disturb the others', async () => {
    const [got] = await capturingReports(() =>
      run(async () => {
        const me = self();
        const worker = spawn(async () => {
          await receive(on('ping'));
          send(me, 'pong');
        });
        spawn(() => {
          throw new Error('unrelated crash');
        });
        await receive(after(10));
        send(worker, 'ping');
        return receive(on('pong'), after(500));
      }),
    );
    expect(got).to.equal('pong');
  });

  it('an Error whose name getter throws ends its process only, with the error as the reason', async () => {
    const bad = new Error('odd');
    Object.defineProperty(bad, 'name', {
      get(): never {
        throw new Error('name getter');
      },
    });
    const [got, reports] = await capturingReports(() =>
      run(async () => {
        const [, ref] = spawn_monitor(() => {
          throw bad;
        });
        return receive(on(['DOWN', ref, 'process', _, _], ([, , , , Reason]) => Reason));
      }),
    );
    expect((got as unknown[])[0]).to.equal(bad);
    expect(reports).to.have.length(1);
  });
});

describe('monitors', () => {
  it('gives noproc at once for a dead pid', async () => {
    const got = await run(async () => {
      const [dead, r0] = spawn_monitor(() => undefined);
      await receive(on(['DOWN', r0, _, _, _]), after(500));
      const ref = monitor('process', dead);
      return receive(
        on(['DOWN', ref, 'process', dead, _], ([, , , , r]) => r),
        after(0),
      );
    });
    expect(got).to.equal('noproc');
  });

  it('monitors by registered name and reports [Name, Node]', async () => {
    const got = await run(async () => {
      const pid = spawn(idle);
      register('monitored_by_name', pid);
      const ref = monitor('process', 'monitored_by_name');
      exit(pid, 'kill');
      const down = await receive(on(['DOWN', ref, 'process', _, _]), after(500));
      const ref2 = monitor('process', 'no_such_name');
      const down2 = await receive(on(['DOWN', ref2, 'process', _, _]), after(0));
      return [(down as unknown[]).slice(3), (down2 as unknown[]).slice(3)];
    });
    expect(got).to.deep.equal([
      [['monitored_by_name', 'nonode@nohost'], 'killed'],
      [['no_such_name', 'nonode@nohost'], 'noproc'],
    ]);
  });

  it('demonitor with flush removes a DOWN already delivered; info tells if it was active', async () => {
    const got = await run(async () => {
      const [, ref] = spawn_monitor(() => undefined);
      await receive(after(10));
      const info = demonitor(ref, ['flush', 'info']);
      const left = flush();
      const idler = spawn(idle);
      const ref2 = monitor('process', idler);
      const active = demonitor(ref2, ['info']);
      send(idler, 'stop');
      return [info, left.length, active];
    });
    expect(got).to.deep.equal([false, 0, true]);
  });

  it('raises badarg for bad arguments, naming them', () => {
    expect(() => monitor('port' as 'process', self())).to.throw(ErlangError, /type must be process/);
    expect(() => demonitor('ref' as never)).to.throw(ErlangError, /expected a reference/);
    expect(() => exit('pid' as never, 'x')).to.throw(ErlangError, /expected a pid/);
    expect(() => link(42 as never)).to.throw(ErlangError, /expected a pid/);
  });
});
