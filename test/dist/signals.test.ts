/**
 * An erlts node and real `erl -sname` nodes, as peers: ping both ways, messages both ways (to pids
 * and to registered names, terms of every kind), links and monitors across with each exit reason
 * (and `noconnection` when the BEAM node is killed), monitor_node and net_kernel:monitor_nodes,
 * rpc and erpc both ways, and a gen_server called across. Each test starts its own erl nodes; the
 * suite serves its own EPMD on a free port and starts the erlts node once.
 */
import { expect } from 'chai';
import {
  _,
  after as after_,
  code,
  disconnect_node,
  exit,
  link,
  list,
  monitor,
  monitor_node,
  node,
  nodes,
  on,
  process_flag,
  receive,
  register,
  run,
  self,
  send,
  spawn,
  spawn_request,
  spawn_request_abandon,
  unregister,
  type Pid,
} from 'erlts';
import * as net_kernel from '../../net_kernel/index.js';
import * as net_adm from '../../net_adm/index.js';
import * as rpc from '../../rpc/index.js';
import * as erpc from '../../erpc/index.js';
import * as gen_server from 'erlts/gen_server';
import { EpmdServer } from '../../net_kernel/internal/epmd-server.js';
import { ErlNode, haveErlang, noErlang, listenEpmd } from './support.js';

const COOKIE = 'signals-cookie';

const next = (ms = 5000): Promise<unknown> =>
  receive(
    on(_, (m) => m),
    after_(ms, () => 'timeout'),
  );

describe('an erlts node with erl nodes', function () {
  this.timeout(60_000);
  let epmd: EpmdServer;
  let me = '';
  const erls: ErlNode[] = [];

  before(async function () {
    if (!haveErlang) {
      console.log(`      ${noErlang}`);
      this.skip();
    }
    epmd = await listenEpmd();
    const started = await net_kernel.start('ts_signals', {
      cookie: COOKIE,
      epmd_port: epmd.port,
      epmd: 'client',
    });
    expect(started[0]).to.equal('ok');
    me = node();
    code.register_module('kv_sig', {
      double: (x: number) => 2 * x,
      fail: (why: unknown) => exit(why),
    });
  });
  after(async () => {
    code.unregister_module('kv_sig');
    if (me !== '') expect(await net_kernel.stop()).to.equal('ok');
    await epmd?.close();
  });
  afterEach(async () => {
    for (const e of erls.splice(0)) await e.stop();
  });

  async function erl(sname: string, cookie = COOKIE): Promise<ErlNode> {
    const n = await ErlNode.start({ sname, cookie, epmdPort: epmd.port });
    erls.push(n);
    return n;
  }

  it('pings both ways: pong, and pang for a node that is not there', async () => {
    const b = await erl('sig_ping');
    expect(await b.eval(`net_adm:ping('${me}')`)).to.equal('pong');
    expect(await b.eval('nodes()')).to.equal(`['${me}']`.replace(/'(\w+@[\w-]+)'/, '$1'));
    await run(async () => {
      expect(await net_adm.ping(b.node)).to.equal('pong');
      expect(await net_adm.ping(`nobody@${b.node.split('@')[1]}`)).to.equal('pang');
    });
    expect([...nodes()]).to.deep.equal([b.node]);
  });

  it('sends terms of every kind to a registered name and gets them back to its pid', async () => {
    const b = await erl('sig_echo');
    await b.eval('register(echo, spawn(fun L() -> receive {From, M} -> From ! {echo, M}, L() end end))');
    const got = await run(async () => {
      const msg = [
        'atom',
        42,
        -7,
        2n ** 70n,
        1.5,
        Buffer.from('bin'),
        list(1, 2, 3),
        list(),
        { a: 1 },
        self(),
        ['nested', ['tuple']],
      ];
      send(['echo', b.node], [self(), msg]);
      return next();
    });
    expect(got).to.deep.equal([
      'echo',
      [
        'atom',
        42,
        -7,
        2n ** 70n,
        1.5,
        Buffer.from('bin'),
        list(1, 2, 3),
        list(),
        { a: 1 },
        (got as unknown[][])[1]![9],
        ['nested', ['tuple']],
      ],
    ]);
    expect(((got as unknown[][])[1] as unknown[])[9]).to.be.an('object');
  });

  it('an erl process sends to a registered erlts process, by {Name, Node}', async () => {
    const b = await erl('sig_regsend');
    const got = await run(async () => {
      register('ts_inbox', self());
      await b.eval(`{ts_inbox, '${me}'} ! {hello, from, node()}`);
      const m = await next();
      unregister('ts_inbox');
      return m;
    });
    expect(got).to.deep.equal(['hello', 'from', b.node]);
  });

  it('links across: an erl process exits with foo, the trapping erlts process gets EXIT foo', async () => {
    const b = await erl('sig_link');
    await b.eval('P = spawn(fun() -> receive {die, R} -> exit(R) end end), register(victim, P)');
    const got = await run(async () => {
      process_flag('trap_exit', true);
      const pid = await remotePid(b, 'victim');
      link(pid);
      // From this process, after the link: the die cannot overtake the link (signal order).
      send(pid, ['die', 'foo']);
      return [await next(), pid];
    });
    const [msg, pid] = got as [unknown[], Pid];
    expect(msg).to.deep.equal(['EXIT', pid, 'foo']);
  });

  it('links across: an erlts process dies with bar, the trapping erl process gets EXIT bar', async () => {
    const b = await erl('sig_link2');
    await b.eval(`Self = self(), register(watcher, spawn(fun() -> process_flag(trap_exit, true), Self ! ready,
      receive {link_to, P} -> link(P), Self ! linked end, receive E -> Self ! {got, E} end end)), receive ready -> ok end`);
    const ts = spawn(async () => {
      await receive(on('die'));
      exit('bar');
    });
    send(['watcher', b.node], ['link_to', ts]);
    expect(await b.eval('receive linked -> linked after 5000 -> timeout end')).to.equal('linked');
    send(ts, 'die');
    const text = await b.eval('receive {got, E} -> E after 5000 -> timeout end');
    expect(text).to.match(/^\{'EXIT',<\d+\.\d+\.\d+>,bar\}$/);
  });

  it('monitors across: by pid with the exit reason, by name, noproc for a name nobody has', async () => {
    const b = await erl('sig_mon');
    await b.eval('register(target, spawn(fun() -> receive {die, R} -> exit(R) end end))');
    const got = await run(async () => {
      const byName = monitor('process', ['target', b.node]);
      const missing = monitor('process', ['nobody', b.node]);
      const down1 = (await next()) as unknown[];
      await b.eval('target ! {die, {shutdown, tired}}');
      const down2 = (await next()) as unknown[];
      return [down1[1] === missing, down1.slice(2), down2[1] === byName, down2.slice(2)];
    });
    expect(got).to.deep.equal([
      true,
      ['process', ['nobody', b.node], 'noproc'],
      true,
      ['process', ['target', b.node], ['shutdown', 'tired']],
    ]);
  });

  it('an erl process monitors an erlts process: DOWN with its reason', async () => {
    const b = await erl('sig_mon2');
    const ts = spawn(async () => {
      await receive(on('die'));
      exit(['custom', 1]);
    });
    register('ts_target', ts);
    // The die goes after the monitor on the same connection: it cannot overtake it.
    await b.eval(`R = monitor(process, {ts_target, '${me}'}), {ts_target, '${me}'} ! die`);
    const text = await b.eval(
      `receive {'DOWN', R, process, Item, Why} -> {Item, Why} after 5000 -> timeout end`,
    );
    expect(text).to.equal(`{{ts_target,${me}},{custom,1}}`);
  });

  it('killing the BEAM node: links break with noconnection, monitors fire noconnection, nodedown', async () => {
    const b = await erl('sig_kill');
    await b.eval('register(victim, spawn(fun() -> receive _ -> ok end end))');
    const got = await run(async () => {
      process_flag('trap_exit', true);
      const pid = await remotePid(b, 'victim');
      link(pid);
      const ref = monitor('process', pid);
      monitor_node(b.node, true);
      b.kill();
      const msgs = [await next(), await next(), await next()];
      return { pid, ref, msgs };
    });
    const { pid, ref, msgs } = got;
    expect(msgs).to.deep.include(['EXIT', pid, 'noconnection']);
    expect(msgs).to.deep.include(['DOWN', ref, 'process', pid, 'noconnection']);
    expect(msgs).to.deep.include(['nodedown', b.node]);
  });

  it('net_kernel:monitor_nodes hears nodeup and nodedown', async () => {
    const got = await run(async () => {
      expect(net_kernel.monitor_nodes(true)).to.equal('ok');
      const b = await erl('sig_nodes');
      await b.eval(`net_adm:ping('${me}')`);
      const up = await next();
      await b.stop();
      const down = await next();
      net_kernel.monitor_nodes(false);
      return [up, down, b.node];
    });
    const [up, down, name] = got as [unknown, unknown, string];
    expect(up).to.deep.equal(['nodeup', name]);
    expect(down).to.deep.equal(['nodedown', name]);
  });

  it('net_kernel:monitor_nodes/2: an info list for an option list, a map for a map; false ends them all', async () => {
    const b = await erl('sig_nodes2');
    const got = await run(async () => {
      expect(await net_adm.ping(b.node)).to.equal('pong');
      expect(net_kernel.monitor_nodes(true, ['nodedown_reason'])).to.equal('ok');
      expect(net_kernel.monitor_nodes(true, [['node_type', 'all'], 'nodedown_reason'])).to.equal('ok');
      expect(net_kernel.monitor_nodes(true, { nodedown_reason: true })).to.equal('ok');
      // Twice with the same options: each message twice; one false ends both.
      expect(net_kernel.monitor_nodes(true)).to.equal('ok');
      expect(net_kernel.monitor_nodes(true)).to.equal('ok');
      expect(net_kernel.monitor_nodes(false)).to.equal('ok');
      expect(disconnect_node(b.node)).to.equal(true);
      const msgs = [await next(), await next(), await next()];
      const more = await receive(
        on(_, (m) => m),
        after_(100, () => 'none'),
      );
      net_kernel.monitor_nodes(false, ['nodedown_reason']);
      net_kernel.monitor_nodes(false, [['node_type', 'all'], 'nodedown_reason']);
      net_kernel.monitor_nodes(false, { nodedown_reason: true });
      return { msgs, more };
    });
    expect(got.msgs).to.deep.include(['nodedown', b.node, list(['nodedown_reason', 'disconnect'])]);
    expect(got.msgs).to.deep.include([
      'nodedown',
      b.node,
      list(['nodedown_reason', 'disconnect'], ['node_type', 'visible']),
    ]);
    expect(got.msgs).to.deep.include(['nodedown', b.node, { nodedown_reason: 'disconnect' }]);
    expect(got.more).to.equal('none');
    await run(async () => {
      expect(net_kernel.monitor_nodes(true, ['bad' as 'nodedown_reason'])).to.deep.equal([
        'error',
        ['unknown_options', list('bad')],
      ]);
      expect(
        net_kernel.monitor_nodes(true, [
          ['node_type', 'all'],
          ['node_type', 'visible'],
        ]),
      ).to.deep.equal([
        'error',
        ['option_value_mismatch', list(['node_type', 'visible'], ['node_type', 'all'])],
      ]);
      expect(net_kernel.monitor_nodes(true, { node_type: 'x' as 'all' })).to.deep.equal([
        'error',
        ['bad_option_value', { node_type: 'x' }],
      ]);
      expect(net_kernel.monitor_nodes('yes' as unknown as boolean)).to.equal('error');
    });
  });

  it('rpc both ways: erl calls a registered erlts module, erlts calls erl; failures as rpc reports them', async () => {
    const b = await erl('sig_rpc');
    expect(await b.eval(`rpc:call('${me}', kv_sig, double, [21])`)).to.equal('42');
    expect(await b.eval(`try erpc:call('${me}', kv_sig, fail, [why]) catch C:R -> {C, R} end`)).to.equal(
      '{exit,{exception,why}}',
    );
    expect(await b.eval(`rpc:call('${me}', kv_sig, fail, [why])`)).to.equal(`{badrpc,{'EXIT',why}}`);
    expect(await b.eval(`rpc:call('${me}', kv_sig, nope, [])`)).to.equal(
      `{badrpc,{'EXIT',{undef,[{kv_sig,nope,[],[]}]}}}`,
    );
    await run(async () => {
      expect(await rpc.call(b.node, 'lists', 'seq', [1, 3])).to.deep.equal(list(1, 2, 3));
      expect(await rpc.call(b.node, 'erlang', 'exit', ['boom'])).to.deep.equal(['badrpc', ['EXIT', 'boom']]);
      expect(await erpc.call(b.node, 'erlang', 'node', [])).to.equal(b.node);
      expect(await rpc.call(`nobody@${b.node.split('@')[1]}`, 'erlang', 'node', [])).to.deep.equal([
        'badrpc',
        'nodedown',
      ]);
    });
  });

  it("gen_server across: erl calls an erlts gen_server by {Name, Node}, erlts calls the BEAM's rex", async () => {
    const b = await erl('sig_gen');
    const kvs = {
      MODULE: 'kvs',
      init: () => ['ok', new Map<unknown, unknown>()],
      handle_call: (req: unknown[], _from: unknown, m: Map<unknown, unknown>) =>
        req[0] === 'put'
          ? (m.set(req[1], req[2]), ['reply', 'ok', m])
          : ['reply', m.get(req[1]) ?? 'none', m],
      handle_cast: (_req: unknown, m: unknown) => ['noreply', m],
    };
    const [started, pid] = (await gen_server.start(['local', 'kvs'], kvs, [], [])) as ['ok', Pid];
    expect(started).to.equal('ok');
    expect(await b.eval(`gen_server:call({kvs, '${me}'}, {put, k, [1,2]})`)).to.equal('ok');
    expect(await b.eval(`gen_server:call({kvs, '${me}'}, {get, k})`)).to.equal('[1,2]');
    expect(await b.eval(`catch gen_server:call({nobody, '${me}'}, x)`)).to.match(
      new RegExp(`^\\{'EXIT',\\{noproc,\\{gen_server,call,\\[\\{nobody,${me}\\},x\\]\\}\\}\\}$`),
    );
    await run(async () => {
      const answer = await gen_server.call(['rex', b.node], ['call', 'erlang', 'node', list(), self()]);
      expect(answer).to.equal(b.node);
    });
    await gen_server.stop(pid);
  });

  it('a reply that comes after the timeout is dropped both ways (the call tag is [alias|Ref])', async () => {
    const b = await erl('sig_late');
    // An erlts server that answers `slow` 200 ms later, from another process.
    const lazy = {
      MODULE: 'lazy_ts',
      init: () => ['ok', null],
      handle_call: (_req: unknown, from: gen_server.From, s: unknown) => {
        spawn(async () => {
          await receive(after_(200, () => 'ok'));
          gen_server.reply(from, 'late');
        });
        return ['noreply', s];
      },
      handle_cast: (_req: unknown, s: unknown) => ['noreply', s],
    };
    const [, pid] = (await gen_server.start(['local', 'lazy_ts'], lazy, [], [])) as ['ok', Pid];
    expect(
      await b.eval(`{catch gen_server:call({lazy_ts, '${me}'}, slow, 50),
        begin timer:sleep(300), receive M -> M after 0 -> empty end end}`),
    ).to.equal(`{{'EXIT',{timeout,{gen_server,call,[{lazy_ts,${me}},slow,50]}}},empty}`);
    expect(await b.eval(`gen_server:call({lazy_ts, '${me}'}, slow, 1000)`)).to.equal('late');
    await gen_server.stop(pid);
    // A BEAM process answering as a gen_server does, 200 ms later (gen:reply sends to the alias).
    await b.eval(`register(lazy_b, spawn(fun L() ->
      receive {'$gen_call', From, _} -> timer:sleep(200), gen:reply(From, late), L() end end))`);
    await run(async () => {
      const timedOut = await gen_server.call(['lazy_b', b.node], 'slow', 50).catch((e: unknown) => e);
      expect((timedOut as { reason?: unknown }).reason).to.deep.equal([
        'timeout',
        ['gen_server', 'call', list(['lazy_b', b.node], 'slow', 50)],
      ]);
      expect(await next(300)).to.equal('timeout');
      expect(await gen_server.call(['lazy_b', b.node], 'slow', 1000)).to.equal('late');
      // send_request too: a receive_response that timed out leaves no late reply behind.
      const reqId = gen_server.send_request(['lazy_b', b.node], 'slow');
      expect(await gen_server.receive_response(reqId, 50)).to.equal('timeout');
      expect(await next(300)).to.equal('timeout');
      const reqId2 = gen_server.send_request(['lazy_b', b.node], 'slow');
      expect(await gen_server.wait_response(reqId2, 1000)).to.deep.equal(['reply', 'late']);
      const down = await gen_server.call(['lazy_b', 'nobody@nohost'], 'slow').catch((e: unknown) => e);
      expect((down as { reason?: unknown }).reason).to.deep.equal([
        ['nodedown', 'nobody@nohost'],
        ['gen_server', 'call', list(['lazy_b', 'nobody@nohost'], 'slow')],
      ]);
    });
  });

  it('spawn_request with link, abandoned before its reply: the new process gets exit abandoned', async () => {
    const b = await erl('sig_abandon');
    const sleepers = `length([P || P <- processes(), process_info(P, initial_call) == {initial_call, {timer, sleep, 1}}])`;
    await run(async () => {
      const reqId = spawn_request(b.node, 'timer', 'sleep', list(5000), ['link']);
      expect(spawn_request_abandon(reqId)).to.equal(true);
      expect(await next(200)).to.equal('timeout'); // no spawn_reply, no EXIT
    });
    expect(await b.eval(sleepers)).to.equal('0');
    // Without link the process lives on, as in OTP.
    await run(async () => {
      const reqId = spawn_request(b.node, 'timer', 'sleep', list(5000), []);
      expect(spawn_request_abandon(reqId)).to.equal(true);
      expect(await next(200)).to.equal('timeout');
    });
    expect(await b.eval(sleepers)).to.equal('1');
  });

  it("gen_server:cast and abcast to {Name, Node} on erl: {'$gen_cast', Msg} arrives", async () => {
    const b = await erl('sig_cast');
    // A process that takes two casts, then hands them over on {dump, From}.
    await b.eval(`register(sink, spawn(fun() -> receive {'$gen_cast', _} = A -> receive {'$gen_cast', _} = B ->
      receive {dump, From} -> From ! [A, B] end end end end))`);
    await run(async () => {
      expect(gen_server.cast(['sink', b.node], ['put', 'color', 'blue'])).to.equal('ok');
      expect(gen_server.abcast([b.node, me], 'sink', 'ping')).to.equal('abcast');
    });
    expect(await b.eval('sink ! {dump, self()}, receive L -> L after 5000 -> timeout end')).to.equal(
      "[{'$gen_cast',{put,color,blue}},{'$gen_cast',ping}]",
    );
  });

  it('a wrong cookie is refused both ways: pang', async () => {
    const b = await erl('sig_cookie', 'not-the-cookie');
    expect(await b.eval(`net_adm:ping('${me}')`)).to.equal('pang');
    await run(async () => {
      expect(await net_adm.ping(b.node)).to.equal('pang');
    });
    expect([...nodes()]).to.not.include(b.node);
  });
});

/** The pid of a process registered on an erl node, as erlts sees it. */
async function remotePid(b: ErlNode, name: string): Promise<Pid> {
  const reg = 'ts_pid_inbox';
  register(reg, self());
  await b.eval(`{${reg}, '${node()}'} ! {pid_of, ${name}, whereis(${name})}`);
  const m = (await receive(on(['pid_of', name, _]))) as [string, string, Pid];
  unregister(reg);
  return m[2];
}
