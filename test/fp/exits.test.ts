/**
 * Between Left and exit: runOrExit makes a process exit with its task's Left, which a monitor,
 * a linked process and a supervisor see as the exit reason; gen_server.call's face gives the
 * call's exit reason as its Left; tryCatchExit takes exits only.
 */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  ErlangError,
  ExitException,
  ThrownValue,
  _,
  after,
  error,
  exit,
  list,
  logger,
  on,
  process_flag,
  receive,
  self,
  send,
  spawn,
  spawn_link,
  spawn_monitor,
  throw as throw_,
  type Pid,
} from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as supervisor from 'erlts/supervisor';
import * as fp from 'erlts/fp';

/** A port nobody listens on: one the system gave, then closed. */
async function closedPort(): Promise<number> {
  const LS = await fp.runOrExit(fp.gen_tcp.listen(0, [['ip', [127, 0, 0, 1]]]));
  const Port = await fp.runOrExit(fp.inet.port(LS));
  await fp.runOrExit(fp.gen_tcp.close(LS));
  return Port;
}

/** The reason a monitored process exits with. */
async function down(Pid: Pid, Ref: unknown): Promise<unknown> {
  return receive(
    on(['DOWN', Ref, 'process', Pid, _], ([, , , , Reason]) => Reason),
    after(2000, () => 'no_down'),
  );
}

/** A server answering `{echo, Req}`, never answering `slow`, and stopping normally on `stop`. */
const echo_server = {
  MODULE: 'echo_server',
  init: (_Args: unknown) => ['ok', null] as ['ok', null],
  handle_call(Req: unknown, _From: unknown, S: null) {
    if (Req === 'slow') return ['noreply', S] as ['noreply', null];
    if (Req === 'stop') return ['stop', 'normal', S] as ['stop', 'normal', null];
    return ['reply', ['echo', Req], S] as ['reply', unknown, null];
  },
};

describe('erlts/fp runOrExit', () => {
  it('gives the Right', async () => {
    expect(await fp.runOrExit(TE.right(42))).to.equal(42);
    expect(await fp.runOrExit(fp.fromResultTask(async () => 'ok' as const))).to.equal(undefined);
  });

  it('exits the process with the Left, and its monitor sees that reason', async () => {
    const Port = await closedPort();
    const [Pid, Ref] = spawn_monitor(async () => {
      await fp.runOrExit(fp.gen_tcp.connect([127, 0, 0, 1], Port, [], 2000));
    });
    expect(await down(Pid, Ref)).to.equal('econnrefused');
  });

  it('exits with the Left of the first step that fails in a chain, seen by a linked process', async () => {
    process_flag('trap_exit', true);
    try {
      const Pid = spawn_link(() =>
        fp.runOrExit(
          pipe(
            fp.gen_tcp.listen(0, [['ip', [127, 0, 0, 1]]]),
            TE.chain((LS) => fp.gen_tcp.accept(LS, 10)),
          ),
        ),
      );
      expect(
        await receive(
          on(['EXIT', Pid, _], ([, , Reason]) => Reason),
          after(2000, () => 'no_exit'),
        ),
      ).to.equal('timeout');
    } finally {
      process_flag('trap_exit', false);
    }
  });

  it('raises an ExitException with the Left outside a process’s own code (the shell)', async () => {
    const e = await fp.runOrExit(TE.left(['some', 'reason'])).then(
      () => null,
      (err: unknown) => err,
    );
    expect(ExitException.is(e) && e.reason).to.deep.equal(['some', 'reason']);
  });

  describe('under a supervisor', () => {
    const events: logger.LogEvent[] = [];
    beforeEach(() => {
      logger.remove_handler('default');
      logger.add_handler('fp_exits', (e) => events.push(e));
    });
    afterEach(() => {
      logger.remove_handler('fp_exits');
      logger.add_handler('default', logger.default_handler);
    });

    it('reports the child’s exit with the Left as its reason', async () => {
      const Port = await closedPort();
      const worker = {
        MODULE: 'fp_worker',
        start_link: () => [
          'ok',
          spawn_link(() => fp.runOrExit(fp.gen_tcp.connect([127, 0, 0, 1], Port, [], 2000))),
        ],
      };
      const sup = {
        MODULE: 'fp_sup',
        init: () => [
          'ok',
          [
            { strategy: 'one_for_one', intensity: 1, period: 5 },
            [{ id: 'worker', start: [worker, 'start_link', []], restart: 'temporary' }],
          ],
        ],
      };
      const [, Sup] = (await supervisor.start_link(sup, [])) as readonly ['ok', Pid];
      try {
        const report = await (async () => {
          for (let i = 0; i < 200; i++) {
            const found = events.find((e) => e.label === 'SUPERVISOR REPORT');
            if (found !== undefined) return found;
            await receive(after(10));
          }
          return undefined;
        })();
        expect(report?.text).to.match(/errorContext: child_terminated\n\s+reason: econnrefused\n/);
      } finally {
        await gen_server.stop(Sup);
      }
    });
  });
});

describe('erlts/fp gen_server.call', () => {
  it('gives the reply as the Right', async () => {
    const [, Pid] = (await gen_server.start_link(echo_server, [], [])) as readonly ['ok', Pid];
    expect(await fp.gen_server.call(Pid, 'hi')()).to.deep.equal(E.right(['echo', 'hi']));
    expect(await fp.gen_server.call(Pid, 'hi', 1000)()).to.deep.equal(E.right(['echo', 'hi']));
    await gen_server.stop(Pid);
  });

  it('gives the exit reason of a call to no server as the Left: {noproc, {gen_server, call, [Ref, Req]}}', async () => {
    expect(await fp.gen_server.call('fp_nobody', 'hi')()).to.deep.equal(
      E.left(['noproc', ['gen_server', 'call', list('fp_nobody', 'hi')]]),
    );
    expect(await fp.gen_server.call('fp_nobody', 'hi', 100)()).to.deep.equal(
      E.left(['noproc', ['gen_server', 'call', list('fp_nobody', 'hi', 100)]]),
    );
  });

  it('gives {timeout, ...} and the server’s own reason as the Left', async () => {
    const [, Pid] = (await gen_server.start_link(echo_server, [], [])) as readonly ['ok', Pid];
    expect(await fp.gen_server.call(Pid, 'slow', 20)()).to.deep.equal(
      E.left(['timeout', ['gen_server', 'call', list(Pid, 'slow', 20)]]),
    );
    expect(await fp.gen_server.call(Pid, 'stop')()).to.deep.equal(
      E.left(['normal', ['gen_server', 'call', list(Pid, 'stop')]]),
    );
  });

  it('with runOrExit, exits the caller as gen_server:call would', async () => {
    const [Pid, Ref] = spawn_monitor(() => fp.runOrExit(fp.gen_server.call('fp_nobody', 'hi')));
    expect(await down(Pid, Ref)).to.deep.equal(['noproc', ['gen_server', 'call', list('fp_nobody', 'hi')]]);
  });

  it('takes no Left for the caller’s own death: a killed caller stops there', async () => {
    const [, Server] = (await gen_server.start_link(echo_server, [], [])) as readonly ['ok', Pid];
    const Me = self();
    const [Caller, Ref] = spawn_monitor(async () => {
      const r = await fp.gen_server.call(Server, 'slow', 'infinity')();
      send(Me, ['went on', r]);
    });
    await receive(after(20));
    exit(Caller, 'kill');
    expect(await down(Caller, Ref)).to.equal('killed');
    expect(
      await receive(
        on(['went on', _]),
        after(50, () => 'stopped'),
      ),
    ).to.equal('stopped');
    await gen_server.stop(Server);
  });
});

describe('erlts/fp tryCatchExit', () => {
  it('takes an exit as the Left, and leaves errors and throws raised', async () => {
    expect(await fp.tryCatchExit(async () => exit('bye'))()).to.deep.equal(E.left('bye'));
    expect(await fp.tryCatchExit(async () => 7)()).to.deep.equal(E.right(7));
    const raised = async (task: () => Promise<unknown>) =>
      fp
        .tryCatchExit(task)()
        .then(
          () => null,
          (e: unknown) => e,
        );
    const err = await raised(async () => error('boom'));
    expect(ErlangError.is(err) && err.reason).to.equal('boom');
    const thrown = await raised(async () => throw_('ball'));
    expect(ThrownValue.is(thrown) && thrown.value).to.equal('ball');
    // A synchronous exit is caught the same way.
    expect(await fp.tryCatchExit(() => exit('sync'))()).to.deep.equal(E.left('sync'));
  });

  it('runs the call in the process that runs the task', async () => {
    const Me = self();
    const Pid = spawn(async () => {
      const r = await fp.tryCatchExit(async () => self())();
      send(Me, ['ran in', r]);
    });
    expect(
      await receive(
        on(['ran in', _], ([, r]) => r),
        after(2000),
      ),
    ).to.deep.equal(E.right(Pid));
  });
});
