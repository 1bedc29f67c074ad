/**
 * Cases of OTP's proc_lib_SUITE (lib/stdlib/test/proc_lib_SUITE.erl) that apply to erlts, under
 * their names, each asserting what the Erlang case asserts.
 *
 * Not ported: hibernate (erlang:hibernate/3 internals), t_format and t_format_arbitrary
 * (proc_lib:format/1,2 is not exported: reports are text), report_cb, kill_process_group
 * (group leaders), otp_6345 and init_dont_hang (code loading / node internals). stop is ported
 * in part (a process that does not answer sys: timeout); its other results are in
 * test/conformance/proc_lib/pl_stop. The crash and sync_start* cases are written from the
 * Erlang cases' intent, not line by line (the stored suite is another OTP version).
 * The cases that wait on timers run them on virtual time (erlts/sim): `sim(...)` instead of `run(...)`.
 */
import { expect } from 'chai';
import * as erlang from 'erlts';
import {
  _,
  after,
  exit,
  logger,
  on,
  process_flag,
  processes,
  receive,
  run,
  self,
  timer,
  type Pid,
} from 'erlts';
import * as proc_lib from 'erlts/proc_lib';
import { simulate } from 'erlts/sim';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * As run(), on virtual time: the case and every process it starts run in a simulation (erlts/sim,
 * seed 1), so its sleeps and start timeouts cost no wall time.
 */
async function sim<T>(body: () => Promise<T>): Promise<T> {
  return (await simulate({ seed: 1 }, body)).result;
}

/** The suite module's own exported functions, as proc_lib:start(?MODULE, F, Args) calls them. */
const M = {
  MODULE: 'proc_lib_SUITE',
  sp1: () => receive(on('die', () => exit('die'))),
  sp2: () => erlang.error('die'),
  sync_start_init: (parent: Pid) => {
    proc_lib.init_ack(parent, 'ok');
    return receive(
      on('die', () => exit('die')),
      after(2000, () => 'ok'),
    );
  },
  sync_start_nolink_dies: () => exit('oops'),
  sync_start_slow: () => timer.sleep(1000),
};

let events: logger.LogEvent[] = [];

describe('proc_lib_SUITE', function () {
  this.timeout(20_000);

  beforeEach(() => {
    events = [];
    logger.remove_handler('default');
    logger.add_handler('suite_capture', (e) => events.push(e));
  });

  afterEach(async () => {
    logger.remove_handler('suite_capture');
    logger.add_handler('default', logger.default_handler);
    const shell = self();
    for (const pid of processes()) if (pid !== shell) exit(pid, 'kill');
    await timer.sleep(1);
  });

  it('crash', () =>
    run(async () => {
      // A proc_lib process that exits abnormally writes a crash report with its pid and error_info.
      const Pid = proc_lib.spawn(M, 'sp1', []);
      await timer.sleep(10);
      erlang.send(Pid, 'die');
      await timer.sleep(50);
      const r = events.find((e) => e.label === 'CRASH REPORT');
      expect(r?.meta.pid).to.equal(Pid);
      expect(r?.text).to.contain(`    pid: ${Pid.toString()}\n`);
      expect(r?.text).to.contain('    initial call: proc_lib_SUITE:sp1/0\n');
      expect(r?.text).to.contain('    exception exit: die\n');
      // An error: class error, the explanation.
      const Pid2 = proc_lib.spawn(M, 'sp2', []);
      await timer.sleep(50);
      const r2 = events.find((e) => e.meta.pid === Pid2);
      expect(r2?.text).to.contain('    exception error: die\n');
      // Normal and shutdown exits write none.
      events = [];
      proc_lib.spawn(() => exit('shutdown'));
      proc_lib.spawn(() => exit(['shutdown', 'x']));
      proc_lib.spawn(() => 'normal');
      await timer.sleep(50);
      expect(events).to.deep.equal([]);
    }));

  it('sync_start_nolink', () =>
    sim(async () => {
      expect(await proc_lib.start(M, 'sync_start_init', [self()])).to.equal('ok');
      expect(await proc_lib.start(M, 'sync_start_nolink_dies', [])).to.deep.equal(['error', 'oops']);
      expect(await proc_lib.start(M, 'sync_start_slow', [], 100)).to.deep.equal(['error', 'timeout']);
      expect(
        await receive(
          on(_, (m) => m),
          after(50, () => 'empty'),
        ),
      ).to.equal('empty');
    }));

  it('sync_start_link', () =>
    sim(async () => {
      process_flag('trap_exit', true);
      expect(await proc_lib.start_link(M, 'sync_start_init', [self()])).to.equal('ok');
      expect(await proc_lib.start_link(M, 'sync_start_nolink_dies', [])).to.deep.equal(['error', 'oops']);
      expect(await proc_lib.start_link(M, 'sync_start_slow', [], 100)).to.deep.equal(['error', 'timeout']);
      expect(
        await receive(
          on(['EXIT', _, 'oops'], (m) => m),
          after(50, () => 'none'),
        ),
      ).to.equal('none');
    }));

  it('sync_start_monitor', () =>
    sim(async () => {
      const [R, Mon] = (await proc_lib.start_monitor(M, 'sync_start_init', [self()])) as Any;
      expect(R).to.equal('ok');
      expect(erlang.is_reference(Mon)).to.equal(true);
      const [R2, Mon2] = (await proc_lib.start_monitor(M, 'sync_start_nolink_dies', [])) as Any;
      expect(R2).to.deep.equal(['error', 'oops']);
      await receive(
        on(['DOWN', Mon2, 'process', _, 'oops'], () => 'ok'),
        after(1000, () => expect.fail('no DOWN')),
      );
      const [R3, Mon3] = (await proc_lib.start_monitor(M, 'sync_start_slow', [], 100)) as Any;
      expect(R3).to.deep.equal(['error', 'timeout']);
      await receive(
        on(['DOWN', Mon3, 'process', _, 'killed'], () => 'ok'),
        after(1000, () => expect.fail('no DOWN')),
      );
    }));

  it('stop', () =>
    sim(async () => {
      const Pid = proc_lib.spawn(M, 'sp1', []);
      // sp1 is not a special process: it does not answer sys, so stop times out.
      const r = await proc_lib
        .stop(Pid, 'normal', 200)
        .catch((e: unknown) => (e as { reason: unknown }).reason);
      expect(r).to.equal('timeout');
    }));
});
