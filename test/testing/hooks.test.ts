/**
 * erlts/mocha's hooks called in-process, around the body of a test of this suite, as mocha
 * calls them around a user's test: what the sweep closes, whom it spares, what it reports and
 * how the settings change that. (test/testing/mocha.test.ts runs them in a real mocha.)
 */
import { expect } from 'chai';
import { EventEmitter } from 'node:events';
import {
  ErlangError,
  _,
  after,
  exit,
  is_process_alive,
  monitor,
  on,
  port_info,
  receive,
  self,
  spawn,
  spawn_link,
  timer,
  type Pid,
  type Port,
} from 'erlts';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import * as socket from 'erlts/socket';
import { configure, mochaHooks, type Settings } from 'erlts/mocha';

/** A stand-in for the `this` mocha gives a root hook: the test, which errors are emitted on. */
class FakeTest extends EventEmitter {
  readonly errors: Error[] = [];
  state: string | undefined = undefined;

  constructor(readonly title: string) {
    super();
    this.on('error', (e: Error) => this.errors.push(e));
  }

  fullTitle(): string {
    return this.title;
  }
}

/** Runs `body` between the plugin's beforeEach and afterEach; gives what the test was failed with. */
async function underHooks(body: () => unknown, test = new FakeTest('t')): Promise<string[]> {
  const context = { currentTest: test };
  mochaHooks.beforeEach.call(context);
  await body();
  await mochaHooks.afterEach.call(context);
  return test.errors.map((e) => e.message);
}

async function listen(): Promise<Port> {
  const [, ls] = (await gen_tcp.listen(0, ['binary', ['active', false], ['ip', [127, 0, 0, 1]]])) as [
    'ok',
    Port,
  ];
  return ls;
}

function idle(): Pid {
  return spawn(async function idle() {
    await receive();
  });
}

describe('erlts/mocha hooks', function () {
  let settings: Settings;

  beforeEach(function () {
    settings = configure({ leaks: 'fail' });
  });

  afterEach(function () {
    configure(settings);
  });

  it('reports nothing, and does not wait out the grace period, for a test that left nothing', async function () {
    configure({ grace: 5000 });
    const t0 = performance.now();
    expect(
      await underHooks(async () => {
        await gen_tcp.close(await listen());
        await receive(after(5));
      }),
    ).to.deep.equal([]);
    expect(performance.now() - t0).to.be.below(2000);
  });

  it('closes sockets of the socket module that the shell or a leaked process owns', async function () {
    let mine: socket.Socket | undefined;
    let theirs: socket.Socket | undefined;
    const errors = await underHooks(async () => {
      [, mine] = (await socket.open('inet', 'stream', 'tcp')) as ['ok', socket.Socket];
      await socket.bind(mine, { family: 'inet', addr: 'loopback', port: 0 });
      await socket.listen(mine);
      spawn(async function holder() {
        [, theirs] = (await socket.open('inet', 'dgram', 'udp')) as ['ok', socket.Socket];
        await receive();
      });
      await timer.sleep(10);
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/\n {2}process <0\.\d+\.\d+> \(initial_call \{erlts,holder,0\}\)\n/);
    expect(errors[0]).to.include(`socket ${String(mine)} (inet stream tcp, owner ${String(self())})`);
    expect(errors[0]).to.include(`socket ${String(theirs)} (inet dgram udp, owner <0.`);
    expect(socket.which_sockets().filter((s) => s === mine || s === theirs)).to.deep.equal([]);
  });

  it('kills a process linked to the shell without taking the shell down', async function () {
    const shell = self();
    let linked: Pid | undefined;
    const errors = await underHooks(() => {
      linked = spawn_link(async function partner() {
        await receive();
      });
    });
    expect(errors).to.have.length(1);
    expect(is_process_alive(linked as Pid)).to.equal(false);
    expect(self()).to.equal(shell);
    expect(is_process_alive(shell)).to.equal(true);
  });

  it("closes the test's client socket first, so a fixture's linked handler ends normally", async function () {
    // A fixture server started before the test, with one handler per connection, linked.
    const ls = await listen();
    const [, portNo] = (await inet.port(ls)) as ['ok', number];
    const fixture = spawn(async function acceptor() {
      for (;;) {
        const [, s] = (await gen_tcp.accept(ls)) as ['ok', Port];
        const handler = spawn_link(async function handler() {
          await receive(on(['go'], () => 'ok'));
          await inet.setopts(s, [['active', true]]);
          await receive(on(['tcp_closed', s], () => 'closed'));
        });
        await gen_tcp.controlling_process(s, handler);
        handler.send(['go']);
      }
    });
    await gen_tcp.controlling_process(ls, fixture);
    const errors = await underHooks(async () => {
      await gen_tcp.connect([127, 0, 0, 1], portNo, ['binary']);
      await timer.sleep(20);
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/\{erlts,handler,0\}/);
    expect(errors[0]).to.match(/port #Port<0\.\d+> \(connected, on 127\.0\.0\.1:\d+, owner <0\.\d+\.\d+>\)/);
    expect(is_process_alive(fixture)).to.equal(true);
    exit(fixture, 'kill');
    expect(port_info(ls, 'connected')).to.equal('undefined');
  });

  it('empties the mailbox of what the sweep itself caused (DOWN, EXIT)', async function () {
    await underHooks(() => {
      monitor('process', idle());
    });
    expect(
      await receive(
        on(_, () => 'got'),
        after(20, () => 'none'),
      ),
    ).to.equal('none');
  });

  it('leaves a process alone that ends within the grace period, and not one that ends after it', async function () {
    const short = () =>
      spawn(async function short() {
        await timer.sleep(30);
      });
    expect(await underHooks(short)).to.deep.equal([]);
    configure({ grace: 0 });
    const errors = await underHooks(short);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/\{erlts,short,0\}/);
  });

  it('does not report on a test that failed already, but still sweeps', async function () {
    const test = new FakeTest('failed one');
    test.state = 'failed';
    let pid: Pid | undefined;
    expect(
      await underHooks(() => {
        pid = idle();
      }, test),
    ).to.deep.equal([]);
    expect(is_process_alive(pid as Pid)).to.equal(false);
  });

  it('warns on stderr instead with leaks: warn, and says nothing with leaks: off', async function () {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(...args);
    try {
      configure({ leaks: 'warn' });
      expect(await underHooks(() => void idle())).to.deep.equal([]);
      configure({ leaks: 'off' });
      expect(await underHooks(() => void idle())).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^erlts: test "t" leaked \(erlts has killed the processes\):\n {2}process /);
  });

  it('throws from the hook where no runner listens for the test error', async function () {
    const context = { currentTest: { fullTitle: () => 'lonely', emit: () => false, listenerCount: () => 0 } };
    mochaHooks.beforeEach.call(context);
    idle();
    let thrown: unknown;
    try {
      await mochaHooks.afterEach.call(context);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).to.be.instanceOf(Error);
    expect((thrown as Error).name).to.equal('LeakError');
    expect((thrown as Error).message).to.match(/^test "lonely" leaked/);
  });
});

describe('configure', function () {
  it('returns the settings before the call, which another call puts back', function () {
    const before = configure({ leaks: 'warn', grace: 50 });
    expect(configure(before)).to.deep.equal({ leaks: 'warn', grace: 50 });
    expect(configure({})).to.deep.equal(before);
  });

  it('refuses unknown settings and bad values with badarg naming them', function () {
    const cases: [unknown, string][] = [
      [{ leaks: 'loud' }, 'configure/1: leaks must be fail, warn or off, got loud'],
      [{ grace: -1 }, 'configure/1: grace must be an integer number of milliseconds from 0 to 60000, got -1'],
      [
        { grace: '10' },
        "configure/1: grace must be an integer number of milliseconds from 0 to 60000, got '10'",
      ],
      [{ leak: 'warn' }, 'configure/1: unknown setting "leak"; the settings are leaks and grace'],
      ['warn', 'configure/1: expected an object of settings, got warn'],
    ];
    for (const [options, message] of cases) {
      try {
        configure(options as Partial<Settings>);
        expect.fail(`no badarg for ${JSON.stringify(options)}`);
      } catch (e) {
        expect(ErlangError.is(e) && e.reason === 'badarg').to.equal(true);
        expect((e as Error).message).to.equal(message);
      }
    }
  });
});
