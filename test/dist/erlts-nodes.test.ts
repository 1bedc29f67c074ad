/**
 * Several erlts nodes on one machine, each a Node process of its own (the way to use every core),
 * with a real erl node among them: they find each other through EPMD, spawn on each other, send,
 * link, call each other with rpc, and one asks another to call a third.
 */
import { expect } from 'chai';
import { spawn as spawnChild, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  _,
  after as after_,
  link,
  list,
  node,
  nodes,
  on,
  process_flag,
  receive,
  run,
  self,
  send,
  spawn,
  spawn_monitor,
  type Pid,
} from 'erlts';
import * as net_kernel from '../../net_kernel/index.js';
import * as net_adm from '../../net_adm/index.js';
import * as rpc from '../../rpc/index.js';
import * as global from 'erlts/global';
import { EpmdServer } from '../../net_kernel/internal/epmd-server.js';
import { ErlNode, haveErlang, noErlang, listenEpmd } from './support.js';

const COOKIE = 'peers-cookie';
const fixture = fileURLToPath(new URL('./fixtures/peer-node.ts', import.meta.url));

const next = (ms = 5000): Promise<unknown> =>
  receive(
    on(_, (m) => m),
    after_(ms, () => 'timeout'),
  );

/** An erlts node in a child process. */
class PeerNode {
  node = '';
  #out = '';
  readonly #closed: Promise<void>;
  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (d: Buffer) => (this.#out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (this.#out += d.toString()));
    this.#closed = new Promise((resolve) => child.once('close', () => resolve()));
  }

  static async start(name: string, epmdPort: number): Promise<PeerNode> {
    const child = spawnChild(
      process.execPath,
      ['--import', 'tsx', '--conditions=erlts-source', fixture, name, COOKIE, String(epmdPort)],
      { stdio: 'pipe' },
    );
    const p = new PeerNode(child);
    const deadline = Date.now() + 20_000;
    while (!/@@ready (\S+)/.test(p.#out)) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`peer ${name} did not start:\n${p.#out}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    p.node = /@@ready (\S+)/.exec(p.#out)![1]!;
    return p;
  }

  async stop(): Promise<void> {
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.#closed;
    clearTimeout(timer);
  }
}

describe('several erlts nodes on one machine, and erl', function () {
  this.timeout(90_000);
  let epmd: EpmdServer;
  let a: PeerNode;
  let b: PeerNode;
  let e: ErlNode;

  before(async function () {
    if (!haveErlang) {
      console.log(`      ${noErlang}`);
      this.skip();
    }
    epmd = await listenEpmd();
    expect(
      (await net_kernel.start('ts_main', { cookie: COOKIE, epmd_port: epmd.port, epmd: 'client' }))[0],
    ).to.equal('ok');
    [a, b, e] = await Promise.all([
      PeerNode.start('ts_a', epmd.port),
      PeerNode.start('ts_b', epmd.port),
      ErlNode.start({ sname: 'beam_c', cookie: COOKIE, epmdPort: epmd.port }),
    ]);
    // Connections stay up once made, as in OTP: made here, they are no test's leak.
    for (const n of [a.node, b.node, e.node]) expect(await net_kernel.connect_node(n)).to.equal(true);
    await e.eval(`[net_adm:ping(N) || N <- ['${a.node}', '${b.node}']]`);
    await run(async () => rpc.call(a.node, 'peer', 'relay', [b.node, 'peer', 'echo', list(1)]));
    // ...and so are global's syncs of the four nodes (and the connections it makes).
    await run(async () => {
      for (const n of [a.node, b.node]) await rpc.call(n, 'global', 'sync', []);
      await global.sync();
    });
    await e.eval('global:sync()', 30_000);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop(), e?.stop()]);
    await net_kernel.stop();
    await epmd?.close();
  });

  it('all find each other through EPMD: the erlts nodes and erl ping pong', async () => {
    await run(async () => {
      for (const n of [a.node, b.node, e.node]) expect(await net_adm.ping(n)).to.equal('pong');
    });
    expect([...nodes()].sort()).to.deep.equal([a.node, b.node, e.node].sort());
    const [, names] = (await net_adm.names()) as [string, [string, number][]];
    expect(names.map(([n]) => n).sort()).to.include.members(['ts_main', 'ts_a', 'ts_b', 'beam_c']);
  });

  it("spawns a registered module's function on another erlts node and talks to it", async () => {
    const got = await run(async () => {
      const pid = await spawn(a.node, 'peer', 'loop', []);
      send(pid, [self(), ['hi', 1]]);
      const reply = await next();
      send(pid, 'stop');
      return [node(pid), reply];
    });
    expect(got).to.deep.equal([a.node, ['echo', a.node, ['hi', 1]]]);
  });

  it('spawn_monitor on another node: DOWN with the reason it exits with there', async () => {
    const got = await run(async () => {
      const [pid, ref] = await spawn_monitor(b.node, 'peer', 'crash_on', [['custom', 'reason']]);
      send(pid, 'die');
      const down = (await next()) as unknown[];
      return [down[0], down[1] === ref, down[3] === pid, down[4]];
    });
    expect(got).to.deep.equal(['DOWN', true, true, ['custom', 'reason']]);
  });

  it('a link to a process of another erlts node carries its exit reason back', async () => {
    const got = await run(async () => {
      process_flag('trap_exit', true);
      const pid = await spawn(a.node, 'peer', 'crash_on', ['linked_exit']);
      link(pid);
      send(pid, 'die');
      return [await next(), pid];
    });
    expect(got[0]).to.deep.equal(['EXIT', got[1], 'linked_exit']);
  });

  it('rpc between erlts nodes, and one erlts node calling erl for another', async () => {
    await run(async () => {
      expect(await rpc.call(a.node, 'peer', 'whoami', [])).to.equal(a.node);
      expect(await rpc.call(a.node, 'peer', 'relay', [b.node, 'peer', 'whoami', list()])).to.equal(b.node);
      expect(await rpc.call(b.node, 'peer', 'relay', [e.node, 'lists', 'seq', list(1, 3)])).to.deep.equal(
        list(1, 2, 3),
      );
    });
    expect(
      await e.eval(`rpc:call('${a.node}', peer, relay, ['${b.node}', peer, echo, [{x, 1.5}]])`),
    ).to.equal('{x,1.5}');
  });

  it('global between erlts nodes and erl: a name registered on one node is seen on all four', async () => {
    await run(async () => {
      const me = self();
      for (const n of [a.node, b.node]) expect(await rpc.call(n, 'global', 'sync', [])).to.equal('ok');
      expect(await e.eval('global:sync()', 30_000)).to.equal('ok');
      expect(await global.sync()).to.equal('ok');
      // Registered by ts_a for a process of this node: every node's global has it.
      expect(await rpc.call(a.node, 'global', 'register_name', ['peers_name', me])).to.equal('yes');
      expect(global.whereis_name('peers_name')).to.equal(me);
      expect(await rpc.call(b.node, 'global', 'whereis_name', ['peers_name'])).to.equal(me);
      expect(await e.eval(`node(global:whereis_name(peers_name))`)).to.equal(node());
      expect(await global.unregister_name('peers_name')).to.equal('ok');
      expect(await rpc.call(a.node, 'global', 'whereis_name', ['peers_name'])).to.equal('undefined');
    });
  });

  it('a spawn on a node nobody runs gives a pid that cannot start, as OTP', async () => {
    const got = await run(async () => {
      const [pid, ref] = await spawn_monitor(`nobody@${a.node.split('@')[1]}`, 'peer', 'loop', []);
      return [await next(), pid, ref];
    });
    const [down, pid, ref] = got as [unknown[], Pid, unknown];
    expect(down).to.deep.equal(['DOWN', ref, 'process', pid, 'noconnection']);
  });
});
