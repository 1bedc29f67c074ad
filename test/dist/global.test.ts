/**
 * global across an erlts node and real `erl -sname` nodes: the BEAM's global:sync() returns with
 * the erlts node connected, names registered on either side are seen, sent to and removed on the
 * other (when unregistered, when their process dies, when their node goes down), a clash of two
 * partitions is resolved by random_exit_name whichever node resolves it, gen_servers named
 * `{global, Name}` are called across both ways, locks are shared, three nodes agree on the names,
 * and a hidden connection is not synced. The suite serves its own EPMD and starts the erlts node
 * once; each test starts its own erl nodes.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  _,
  after as after_,
  exit,
  is_pid,
  is_process_alive,
  node,
  nodes,
  on,
  receive,
  run,
  self,
  spawn,
  type Pid,
} from 'erlts';
import * as global from 'erlts/global';
import * as gen_server from 'erlts/gen_server';
import * as net_kernel from '../../net_kernel/index.js';
import { EpmdServer } from '../../net_kernel/internal/epmd-server.js';
import { ErlNode, eventually, haveErlang, noErlang, listenEpmd } from './support.js';

const COOKIE = 'global-cookie';

/** A process that waits for `stop` (and reports anything else it gets to `to`, if given). */
function holder(to?: Pid): Pid {
  return spawn(async () => {
    for (;;) {
      const m = await receive();
      if (m === 'stop') return;
      if (to !== undefined) to.send(['got', m]);
    }
  });
}

function handleCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

const next = (ms = 5000): Promise<unknown> =>
  receive(
    on(_, (m) => m),
    after_(ms, () => 'timeout'),
  );

/** A gen_server callback module on the BEAM, compiled where the erl node can load it. */
const KV_ERL = `-module(kv_b).
-behaviour(gen_server).
-export([init/1, handle_call/3, handle_cast/2]).
init([]) -> {ok, #{}}.
handle_call({put, K, V}, _From, M) -> {reply, ok, M#{K => V}};
handle_call({get, K}, _From, M) -> {reply, maps:get(K, M, none), M};
handle_call(whoami, _From, M) -> {reply, node(), M}.
handle_cast(_, M) -> {noreply, M}.
`;

describe('global across erlts and erl nodes', function () {
  this.timeout(90_000);
  let epmd: EpmdServer;
  let me = '';
  let dir = '';
  const erls: ErlNode[] = [];

  before(async function () {
    if (!haveErlang) {
      console.log(`      ${noErlang}`);
      this.skip();
    }
    epmd = await listenEpmd();
    const started = await net_kernel.start('ts_global', {
      cookie: COOKIE,
      epmd_port: epmd.port,
      epmd: 'client',
    });
    expect(started[0]).to.equal('ok');
    me = node();
    dir = mkdtempSync(join(tmpdir(), 'erlts-global-'));
    writeFileSync(join(dir, 'kv_b.erl'), KV_ERL);
  });
  after(async () => {
    if (me !== '') expect(await net_kernel.stop()).to.equal('ok');
    await epmd?.close();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });
  let handlesBefore = new Map<string, number>();
  beforeEach(() => {
    handlesBefore = handleCounts();
  });
  afterEach(async () => {
    for (const e of erls.splice(0)) await e.stop();
    // Their nodedowns reach global before the next test connects again.
    await eventually(() => nodes().length === 0, 10_000, 'every erl node gone');
    // Connections that global set up in the background (a simultaneous connect's loser) may
    // still be closing: let them, so that the leak check sees what the test left.
    await eventually(
      () =>
        [...handleCounts()].every(
          ([kind, n]) => n <= (handlesBefore.get(kind) ?? 0) + (kind === 'Timeout' ? 1 : 0),
        ),
      5000,
      'background connections closed',
    ).catch(() => undefined);
  });

  async function erl(sname: string, hidden = false): Promise<ErlNode> {
    const n = await ErlNode.start({ sname, cookie: COOKIE, epmdPort: epmd.port, hidden });
    erls.push(n);
    return n;
  }

  /** An erl node connected to this one, both sides' global synced. */
  async function synced(sname: string): Promise<ErlNode> {
    const b = await erl(sname);
    expect(await b.eval(`net_adm:ping('${me}')`)).to.equal('pong');
    expect(await b.eval('global:sync()', 30_000)).to.equal('ok');
    expect(await run(() => global.sync())).to.equal('ok');
    return b;
  }

  it("a BEAM node's global:sync() returns ok with the erlts node connected, and erlts's too", async () => {
    const b = await erl('glob_sync');
    expect(await b.eval(`net_adm:ping('${me}')`)).to.equal('pong');
    expect(await b.eval('global:sync()', 30_000)).to.equal('ok');
    expect(await run(() => global.sync())).to.equal('ok');
    expect(await b.eval(`lists:member('${me}', gen_server:call(global_name_server, get_known))`)).to.equal(
      'true',
    );
    expect(await b.eval(`gen_server:call({global_name_server, '${me}'}, get_protocol_version)`)).to.equal(
      '8',
    );
  });

  it('a name registered on erlts is seen on the BEAM, and one registered there is seen here', async () => {
    const b = await synced('glob_names');
    await run(async () => {
      const p = holder();
      expect(await global.register_name('ts_name', p)).to.equal('yes');
      const p2 = holder();
      expect(await global.register_name('ts_name', p2)).to.equal('no');
      p2.send('stop');
      expect(await b.eval(`node(global:whereis_name(ts_name))`)).to.equal(me);
      expect(await b.eval(`global:register_name(ts_name, self())`)).to.equal('no');
      expect(
        await b.eval(`global:register_name(b_name, spawn(fun() -> receive stop -> ok end end))`),
      ).to.equal('yes');
      const q = global.whereis_name('b_name');
      expect(is_pid(q) && node(q)).to.equal(b.node);
      expect(await global.register_name('b_name', p)).to.equal('no');
      expect([...global.registered_names()].sort()).to.deep.equal(['b_name', 'ts_name']);
      expect(await b.eval('lists:sort(global:registered_names())')).to.equal('[b_name,ts_name]');
      // A process has one global name.
      expect(await global.register_name('ts_other', p)).to.equal('no');
      expect(await global.unregister_name('ts_name')).to.equal('ok');
      await eventually(
        async () => (await b.eval('global:whereis_name(ts_name)')) === 'undefined',
        5000,
        'gone there',
      );
      expect(await b.eval('global:unregister_name(b_name)')).to.equal('ok');
      expect(global.whereis_name('b_name')).to.equal('undefined');
      p.send('stop');
    });
  });

  it('global:send both ways', async () => {
    const b = await synced('glob_send');
    await run(async () => {
      const p = holder(self());
      expect(await global.register_name('ts_inbox', p)).to.equal('yes');
      expect(await b.eval(`node(global:send(ts_inbox, hello))`)).to.equal(me);
      expect(await next()).to.deep.equal(['got', 'hello']);
      await b.eval(
        `global:register_name(b_echo, spawn(fun L() -> receive M -> global:send(ts_inbox, {echo, M}), L() end end))`,
      );
      const q = global.send('b_echo', 'ping');
      expect(node(q)).to.equal(b.node);
      expect(await next()).to.deep.equal(['got', ['echo', 'ping']]);
      expect(() => global.send('nobody_here', 'x'))
        .to.throw()
        .with.property('reason')
        .deep.equal(['badarg', ['nobody_here', 'x']]);
      p.send('stop');
    });
  });

  it('a name goes when its process dies, on either side', async () => {
    const b = await synced('glob_die');
    await run(async () => {
      const p = holder();
      expect(await global.register_name('ts_mortal', p)).to.equal('yes');
      expect(await b.eval('is_pid(global:whereis_name(ts_mortal))')).to.equal('true');
      exit(p, 'kill');
      expect(global.whereis_name('ts_mortal')).to.equal('undefined');
      await eventually(
        async () => (await b.eval('global:whereis_name(ts_mortal)')) === 'undefined',
        5000,
        'gone there',
      );
      await b.eval(`global:register_name(b_mortal, spawn(fun() -> receive stop -> ok end end))`);
      expect(is_pid(global.whereis_name('b_mortal'))).to.equal(true);
      await b.eval('global:send(b_mortal, stop)');
      await eventually(() => global.whereis_name('b_mortal') === 'undefined', 5000, 'gone here');
      expect([...global.registered_names()]).to.deep.equal([]);
    });
  });

  it('the names of a node go when the node goes down', async () => {
    const b = await synced('glob_down');
    await b.eval(`global:register_name(b_doomed, spawn(fun() -> receive stop -> ok end end))`);
    await run(async () => {
      expect(is_pid(global.whereis_name('b_doomed'))).to.equal(true);
      b.kill();
      await eventually(() => global.whereis_name('b_doomed') === 'undefined', 10_000, 'the name gone');
      expect([...global.registered_names()]).to.deep.equal([]);
    });
  });

  for (const [sname, resolver] of [
    ['glob_clash', 'the BEAM node (the smaller name) resolves'],
    ['zz_glob_clash', 'the erlts node (the smaller name) resolves'],
  ] as const) {
    it(`a clash of two partitions keeps the name of the smaller node's process (random_exit_name): ${resolver}`, async () => {
      const b = await erl(sname);
      const beamSmaller = sname < me;
      await run(async () => {
        const p = holder();
        expect(await global.register_name('clash', p)).to.equal('yes');
        expect(
          await b.eval(`global:register_name(clash, Q = spawn(fun() -> receive stop -> ok end end))`),
        ).to.equal('yes');
        expect(await b.eval(`net_adm:ping('${me}')`)).to.equal('pong');
        expect(await b.eval('global:sync()', 30_000)).to.equal('ok');
        expect(await global.sync()).to.equal('ok');
        const winner = beamSmaller ? b.node : me;
        await eventually(
          async () => (await b.eval('node(global:whereis_name(clash))')) === winner,
          10_000,
          `the name at ${winner} on the BEAM`,
        );
        await eventually(
          () => {
            const w = global.whereis_name('clash');
            return is_pid(w) && node(w) === winner;
          },
          10_000,
          `the name at ${winner} here`,
        );
        if (beamSmaller) {
          // The erlts process was killed by the BEAM's random_exit_name.
          await eventually(() => !is_process_alive(p), 5000, 'the erlts holder killed');
          expect(await b.eval('is_process_alive(Q)')).to.equal('true');
          await b.eval('Q ! stop');
        } else {
          await eventually(
            async () => (await b.eval('is_process_alive(Q)')) === 'false',
            5000,
            'the BEAM holder killed',
          );
          expect(is_process_alive(p)).to.equal(true);
          p.send('stop');
        }
      });
    });
  }

  it('gen_servers named {global, Name} are called across, both ways', async () => {
    const b = await synced('glob_gen');
    const kvs = {
      MODULE: 'kvs',
      init: () => ['ok', new Map<unknown, unknown>()],
      handle_call: (req: unknown[], _from: unknown, m: Map<unknown, unknown>) =>
        req[0] === 'put'
          ? (m.set(req[1], req[2]), ['reply', 'ok', m])
          : ['reply', m.get(req[1]) ?? 'none', m],
      handle_cast: (_req: unknown, m: unknown) => ['noreply', m],
    };
    await run(async () => {
      const [started, pid] = (await gen_server.start(['global', 'ts_kv'], kvs, [], [])) as ['ok', Pid];
      expect(started).to.equal('ok');
      expect(await b.eval(`gen_server:call({global, ts_kv}, {put, k, [1,2]})`)).to.equal('ok');
      expect(await b.eval(`gen_server:call({global, ts_kv}, {get, k})`)).to.equal('[1,2]');
      expect(await b.eval(`element(1, gen_server:start({global, ts_kv}, kv_b, [], []))`)).to.equal('error');
      expect(
        await b.eval(
          `{ok, kv_b} = compile:file("${join(dir, 'kv_b')}", [{outdir, "${dir}"}]), code:add_patha("${dir}")`,
        ),
      ).to.equal('true');
      expect(await b.eval(`element(1, gen_server:start({global, b_kv}, kv_b, [], []))`)).to.equal('ok');
      expect(await gen_server.call(['global', 'b_kv'], ['put', 'x', 42])).to.equal('ok');
      expect(await gen_server.call(['global', 'b_kv'], ['get', 'x'])).to.equal(42);
      expect(await gen_server.call(['global', 'b_kv'], 'whoami')).to.equal(b.node);
      const dup = (await gen_server.start(['global', 'b_kv'], kvs, [], [])) as unknown[];
      expect(dup[0]).to.equal('error');
      expect((dup[1] as unknown[])[0]).to.equal('already_started');
      await b.eval('gen_server:stop({global, b_kv})');
      await gen_server.stop(pid);
      await eventually(
        async () => (await b.eval('global:registered_names()')) === '[]',
        5000,
        'both names gone',
      );
    });
  });

  it('locks are shared: a lock set here keeps the BEAM from setting it, and del_lock frees it', async () => {
    const b = await synced('glob_lock');
    await run(async () => {
      expect(await global.set_lock(['res', self()], [me, b.node])).to.equal(true);
      expect(await b.eval(`global:set_lock({res, other}, [node() | nodes()], 0)`)).to.equal('false');
      expect(await global.del_lock(['res', self()], [me, b.node])).to.equal(true);
      expect(await b.eval(`global:set_lock({res, other}, [node() | nodes()], 0)`)).to.equal('true');
      expect(await global.set_lock(['res', self()], [me, b.node], 0)).to.equal(false);
      expect(await b.eval(`global:del_lock({res, other}, [node() | nodes()])`)).to.equal('true');
      expect(await global.trans(['res', self()], () => 'done', [me, b.node], 0)).to.equal('done');
    });
  });

  it('three nodes (two BEAM, erlts) agree on the registered names', async () => {
    const b1 = await erl('glob_three1');
    const b2 = await erl('glob_three2');
    expect(await b1.eval(`net_adm:ping('${b2.node}')`)).to.equal('pong');
    expect(await b1.eval('global:sync()', 30_000)).to.equal('ok');
    await b1.eval(`global:register_name(n_b1, spawn(fun() -> receive stop -> ok end end))`);
    await b2.eval(`global:register_name(n_b2, spawn(fun() -> receive stop -> ok end end))`);
    await run(async () => {
      const p = holder();
      expect(await global.register_name('n_ts', p)).to.equal('yes');
      // erlts meets b1 only; global connects it to b2 (new_nodes, then sync_other).
      expect(await b1.eval(`net_adm:ping('${me}')`)).to.equal('pong');
      for (const b of [b1, b2]) expect(await b.eval('global:sync()', 30_000)).to.equal('ok');
      expect(await global.sync()).to.equal('ok');
      await eventually(() => nodes().includes(b2.node), 10_000, 'connected to b2 by global');
      const want = '[n_b1,n_b2,n_ts]';
      for (const b of [b1, b2]) {
        await eventually(
          async () => (await b.eval('lists:sort(global:registered_names())')) === want,
          10_000,
          want,
        );
      }
      expect([...global.registered_names()].sort()).to.deep.equal(['n_b1', 'n_b2', 'n_ts']);
      expect(await b2.eval('node(global:whereis_name(n_ts))')).to.equal(me);
      expect(node(global.whereis_name('n_b2') as Pid)).to.equal(b2.node);
      p.send('stop');
    });
  });

  it('prevents overlapping partitions as OTP 25 does: when one BEAM node drops another, both are cut off', async () => {
    const b1 = await erl('glob_pop1');
    const b2 = await erl('glob_pop2');
    for (const b of [b1, b2]) expect(await b.eval(`net_adm:ping('${me}')`)).to.equal('pong');
    for (const b of [b1, b2]) expect(await b.eval('global:sync()', 30_000)).to.equal('ok');
    expect(await run(() => global.sync())).to.equal('ok');
    // global connects them to each other (new_nodes, then sync_other).
    await eventually(
      async () => (await b1.eval('lists:sort(nodes())')) === `[${[me, b2.node].sort().join(',')}]`,
      10_000,
      'b1 connected to b2 by global',
    );
    expect(await b1.eval('global:sync()', 30_000)).to.equal('ok');
    // b1 loses b2: each tells erlts (lost_connection), and erlts asks the other to disconnect
    // from it (remove_connection), so that no partition overlaps another.
    expect(await b1.eval(`erlang:disconnect_node('${b2.node}')`)).to.equal('true');
    await eventually(() => nodes().length === 0, 10_000, 'erlts cut off from both');
    for (const b of [b1, b2])
      await eventually(async () => (await b.eval('nodes()')) === '[]', 10_000, `${b.node} alone`);
  });

  it('a hidden connection is not synced', async () => {
    const h = await erl('glob_hidden', true);
    expect(await h.eval(`global:register_name(h_name, spawn(fun() -> receive stop -> ok end end))`)).to.equal(
      'yes',
    );
    await run(async () => {
      const p = holder();
      expect(await global.register_name('ts_seen', p)).to.equal('yes');
      expect(await h.eval(`net_adm:ping('${me}')`)).to.equal('pong');
      expect(await h.eval('global:sync()')).to.equal('ok');
      expect(await h.eval('global:registered_names()')).to.equal('[h_name]');
      expect([...global.registered_names()]).to.deep.equal(['ts_seen']);
      p.send('stop');
    });
  });
});
