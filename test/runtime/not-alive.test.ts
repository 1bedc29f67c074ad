/**
 * Other nodes seen from a node that is not distributed (net_kernel not started), as OTP 25 on
 * `erl` without -sname answers (each checked there): messages to other nodes are dropped, links
 * and monitors to their processes end at once with `noconnection`, a name on another node cannot
 * be monitored, and the node-level BIFs say the node is not alive. Also apply/3, code's module
 * registry and spawn_request on this node.
 */
import { expect } from 'chai';
import {
  ErlangError,
  _,
  after,
  apply,
  code,
  disconnect_node,
  exit,
  get_cookie,
  is_alive,
  is_process_alive,
  link,
  make_ref,
  monitor,
  monitor_node,
  node,
  nodes,
  on,
  process_flag,
  receive,
  run,
  send,
  set_cookie,
  spawn_request,
  unlink,
} from 'erlts';
import { externalPid } from '../../runtime/internal/node-ids.js';

const next = (ms = 50): Promise<unknown> =>
  receive(
    on(_, (m) => m),
    after(ms, () => 'none'),
  );

const remote = () => externalPid('a@x', 1, 5, 0)!;

function raises(reason: unknown, fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    expect(ErlangError.is(e) && e.reason).to.deep.equal(reason);
    return;
  }
  expect.fail('no exception');
}

describe('other nodes, from a node that is not alive', () => {
  it("node/0,1 and nodes/0,1 as OTP: nonode@nohost, the pid's node, no connections", () => {
    expect(node()).to.equal('nonode@nohost');
    expect(node(remote())).to.equal('a@x');
    expect(node(make_ref())).to.equal('nonode@nohost');
    expect([...nodes()]).to.deep.equal([]);
    expect([...nodes('hidden')]).to.deep.equal([]);
    expect([...nodes(['this', 'visible'])]).to.deep.equal(['nonode@nohost']);
    expect([...nodes('known')]).to.deep.equal(['nonode@nohost']);
    expect(is_alive()).to.equal(false);
    raises('badarg', () => nodes('foo' as never));
    raises('badarg', () => node('a' as never));
  });

  it('one external form, one pid: printed <N.5.0>, the same object each time', () => {
    const p = remote();
    expect(externalPid('a@x', 1, 5, 0)).to.equal(p);
    expect(externalPid('a@x', 2, 5, 0)).to.not.equal(p);
    expect(String(p)).to.match(/^<[1-9]\d*\.5\.0>$/);
  });

  it('a message to another node is dropped; a name there too', async () => {
    await run(async () => {
      expect(send(remote(), 'hi')).to.equal('hi');
      expect(send(['foo', 'a@x'], 'hi')).to.equal('hi');
      expect(await next()).to.equal('none');
    });
  });

  it("link to another node's process: EXIT noconnection at once to a trapping caller", async () => {
    const got = await run(async () => {
      process_flag('trap_exit', true);
      expect(link(remote())).to.equal(true);
      const m = await next();
      unlink(remote());
      return m;
    });
    expect(got).to.deep.equal(['EXIT', remote(), 'noconnection']);
  });

  it("monitor of another node's process: DOWN noconnection; of a name there: badarg", async () => {
    const got = await run(async () => {
      const ref = monitor('process', remote());
      const m = (await next()) as unknown[];
      raises('badarg', () => monitor('process', ['foo', 'a@x']));
      return [m[0] === 'DOWN' && m[1] === ref, m.slice(2)];
    });
    expect(got).to.deep.equal([true, ['process', remote(), 'noconnection']]);
  });

  it("is_process_alive of another node's pid is badarg; monitor_node, set_cookie too", () => {
    raises('badarg', () => is_process_alive(remote()));
    raises('badarg', () => monitor_node('a@x', true));
    raises('badarg', () => set_cookie('foo'));
    expect(get_cookie()).to.equal('nocookie');
    expect(disconnect_node('a@x')).to.equal('ignored');
  });

  it('spawn_request to another node: {spawn_reply, ReqId, error, noconnection}', async () => {
    const got = await run(async () => {
      const r = spawn_request('a@x', 'm', 'f', []);
      const m = (await next()) as unknown[];
      return [m[1] === r, m[0], m[2], m[3]];
    });
    expect(got).to.deep.equal([true, 'spawn_reply', 'error', 'noconnection']);
  });
});

describe('modules by name: apply/3, code, spawn_request here', () => {
  afterEach(() => code.unregister_module('kv_test'));

  it('apply of a registered module calls it; an unknown one raises undef', () => {
    expect(code.register_module('kv_test', { double: (x: number) => 2 * x })).to.deep.equal([
      'module',
      'kv_test',
    ]);
    expect(apply('kv_test', 'double', [21])).to.equal(42);
    expect(code.is_loaded('kv_test')).to.deep.equal(['file', 'registered']);
    raises('undef', () => apply('kv_test', 'triple', [1]));
    raises('undef', () => apply('nobody', 'f', []));
    expect(code.unregister_module('kv_test')).to.equal(true);
    expect(code.is_loaded('kv_test')).to.equal(false);
  });

  it('spawn_request on this node with monitor: {spawn_reply, ReqId, ok, Pid}, then DOWN with its exit reason', async () => {
    code.register_module('kv_test', { stop: (r: unknown) => exit(r) });
    const got = await run(async () => {
      const r = spawn_request(node(), 'kv_test', 'stop', ['oops'], ['monitor']);
      const reply = (await next()) as unknown[];
      const down = (await next()) as unknown[];
      return [reply[0], reply[1] === r, reply[2], down[0], down[1] === r, down[4]];
    });
    expect(got).to.deep.equal(['spawn_reply', true, 'ok', 'DOWN', true, 'oops']);
  });
});
