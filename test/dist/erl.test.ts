/**
 * The transport against real `erl -sname` nodes (OTP of the machine): handshakes both ways,
 * wrong cookies, hidden nodes, missing flags, ticks and a hung node. Each test starts its own
 * erl nodes; the suite serves its own EPMD on a free port.
 */
import { expect } from 'chai';
import * as F from '../../net_kernel/internal/dist-flags.js';
import { EpmdServer } from '../../net_kernel/internal/epmd-server.js';
import { shortHostname } from '../../net_kernel/internal/node-name.js';
import {
  startTransport,
  type Connection,
  type ConnectFailure,
  type Transport,
  type TransportOptions,
} from '../../net_kernel/internal/transport.js';
import { ErlNode, eventually, haveErlang, noErlang, sleep, listenEpmd } from './support.js';

const host = shortHostname();
const COOKIE = 'erl-test-cookie';

describe('transport against erl', function () {
  this.timeout(60_000);
  let epmd: EpmdServer;
  const erls: ErlNode[] = [];
  const transports: Transport[] = [];

  before(async function () {
    if (!haveErlang) {
      console.log(`      ${noErlang}`);
      this.skip();
    }
    epmd = await listenEpmd();
  });
  after(async () => {
    await epmd?.close();
  });
  afterEach(async () => {
    for (const t of transports.splice(0)) await t.close();
    for (const e of erls.splice(0)) await e.stop();
  });

  async function erl(
    sname: string,
    o: { cookie?: string; hidden?: boolean; args?: string[] } = {},
  ): Promise<ErlNode> {
    const n = await ErlNode.start({
      sname,
      cookie: o.cookie ?? COOKIE,
      epmdPort: epmd.port,
      ...(o.hidden === undefined ? {} : { hidden: o.hidden }),
      ...(o.args === undefined ? {} : { args: o.args }),
    });
    erls.push(n);
    return n;
  }

  async function erlts(
    name: string,
    o: Partial<TransportOptions> = {},
  ): Promise<{ t: Transport; incoming: Connection[]; failures: ConnectFailure[]; logs: string[] }> {
    const incoming: Connection[] = [];
    const failures: ConnectFailure[] = [];
    const logs: string[] = [];
    const t = await startTransport({
      name,
      mode: 'shortnames',
      cookie: COOKIE,
      epmdPort: epmd.port,
      listen: { address: '127.0.0.1' },
      onConnection: (c) => incoming.push(c),
      onHandshakeFailed: (f) => failures.push(f.failure),
      log: (e) => logs.push(e.text),
      ...o,
    });
    if ('error' in t) throw new Error(`start: ${JSON.stringify(t.error)}`);
    transports.push(t);
    return { t, incoming, failures, logs };
  }

  function up(r: Connection | ConnectFailure): Connection {
    if ('error' in r) throw new Error(`connect: ${JSON.stringify(r.error)}`);
    return r;
  }

  it('connects to erl, which then lists the erlts node in nodes()', async () => {
    const b = await erl('hsb');
    const a = await erlts('hsa');
    const c = up(await a.t.connect(b.node));
    const packets: Buffer[] = [];
    c.channel.onPacket((p) => packets.push(p));
    expect(c.peerName).to.equal(b.node);
    expect(c.peerFlags).to.equal(0xd07df7fbdn); // OTP 25's default, published
    expect(c.flags).to.equal(F.OUR_FLAGS | F.PUBLISHED);
    expect(await b.eval('nodes()')).to.equal(`[${a.t.nodeName}]`);
    expect(await b.eval('nodes(hidden)')).to.equal('[]');
    // Without DIST_HDR_ATOM_CACHE, the BEAM frames its control messages as pass-through (112).
    await eventually(() => packets.length > 0, 5000, 'the BEAM says something');
    expect(packets[0]?.[0]).to.equal(112);
    c.channel.close();
    await eventually(async () => (await b.eval('nodes()')) === '[]', 5000, 'erl sees it go');
  });

  it("accepts erl's connect_node and its ping", async () => {
    const a = await erlts('hsacc');
    const b = await erl('hsconn');
    expect(await b.eval(`net_kernel:connect_node('${a.t.nodeName}')`)).to.equal('true');
    expect(a.incoming).to.have.length(1);
    const c = a.incoming[0] as Connection;
    c.channel.onPacket(() => {});
    expect(c).to.deep.include({ peerName: b.node, hidden: false, direction: 'in' });
    expect(await b.eval('nodes()')).to.equal(`[${a.t.nodeName}]`);
    c.channel.close();
    await eventually(async () => (await b.eval('nodes()')) === '[]', 5000, 'erl sees it go');
    // A ping: the handshake succeeds; net_adm:ping then waits on an is_auth call, which the
    // control-message layer answers (not this one), so the test ends the connection: pang.
    await b.eval(`spawn(fun() -> io:format("~nPING ~w~n", [net_adm:ping('${a.t.nodeName}')]) end)`);
    await eventually(() => a.incoming.length === 2, 5000, 'ping connected');
    const p = a.incoming[1] as Connection;
    p.channel.onPacket(() => {});
    p.channel.close();
    await b.waitFor(/PING pang/);
  });

  it('is refused by erl with a wrong cookie, which erl logs as OTP does', async () => {
    const b = await erl('hscookie');
    const a = await erlts('hsbadcookie', { cookie: 'not-the-cookie' });
    expect(await a.t.connect(b.node)).to.deep.equal({
      error: ['recv_challenge_ack_failed', ['error', 'closed']],
    });
    await b.waitFor(
      /\*\* Connection attempt from node hsbadcookie@\S+ rejected\. Invalid challenge reply\. \*\*/,
    );
    expect(await b.eval('nodes()')).to.equal('[]');
  });

  it('refuses erl with a wrong cookie, logging the line OTP logs', async () => {
    const a = await erlts('hsstrict', { cookie: 'not-the-cookie' });
    const b = await erl('hscomer');
    expect(await b.eval(`net_kernel:connect_node('${a.t.nodeName}')`)).to.equal('false');
    expect(a.failures.map((f) => f.error)).to.deep.equal([['recv_challenge_reply_failed', 'bad_cookie']]);
    expect(a.logs).to.deep.equal([
      `** Connection attempt from node ${b.node} rejected. Invalid challenge reply. **`,
    ]);
  });

  it('shows a hidden erlts node in nodes(hidden) only, whichever side connects', async () => {
    const b = await erl('hsvisible');
    const a = await erlts('hshidden', { hidden: true });
    const c = up(await a.t.connect(b.node));
    c.channel.onPacket(() => {});
    expect(c.hidden).to.equal(true);
    expect(await b.eval('nodes()')).to.equal('[]');
    expect(await b.eval('nodes(hidden)')).to.equal(`[${a.t.nodeName}]`);
    c.channel.close();
    await eventually(async () => (await b.eval('nodes(hidden)')) === '[]', 5000, 'gone');
    expect(await b.eval(`net_kernel:connect_node('${a.t.nodeName}')`)).to.equal('true');
    expect(await b.eval('nodes(hidden)')).to.equal(`[${a.t.nodeName}]`);
    a.incoming[0]?.channel.close();
  });

  it('sees a hidden erl node (erl -hidden) as hidden', async () => {
    const a = await erlts('hsseer');
    const b = await erl('hsshy', { hidden: true });
    expect(await b.eval(`net_kernel:connect_node('${a.t.nodeName}')`)).to.equal('true');
    expect(a.incoming[0]?.hidden).to.equal(true);
    expect((a.incoming[0] as Connection).peerFlags & F.PUBLISHED).to.equal(0n);
    a.incoming[0]?.channel.close();
  });

  it('is refused by erl when it lacks a mandatory flag, as erl logs', async () => {
    const b = await erl('hsflags');
    const a = await erlts('hsnoutf8', { flags: F.OUR_FLAGS & ~(F.UTF8_ATOMS | F.MANDATORY_25_DIGEST) });
    expect(await a.t.connect(b.node)).to.deep.equal({ error: ['recv_status_failed', 'not_allowed'] });
    await b.waitFor(
      /Connection attempt from node hsnoutf8@\S+ rejected since it cannot handle \["UTF8_ATOMS"\]/,
    );
  });

  it('stays up on ticks, and drops a hung erl with net_tick_timeout', async function () {
    this.timeout(60_000);
    const b = await erl('hsticks', { args: ['-kernel', 'net_ticktime', '4'] });
    const a = await erlts('hsticker', { ticktime: 4000 });
    const c = up(await a.t.connect(b.node));
    c.channel.onPacket(() => {});
    const downs: string[] = [];
    c.channel.onDown((r) => downs.push(r));
    await sleep(7000); // well past a ticktime with nothing but ticks
    expect(downs).to.deep.equal([]);
    expect(await b.eval('nodes()')).to.equal(`[${a.t.nodeName}]`);
    b.signal('SIGSTOP');
    const stopped = Date.now();
    try {
      await eventually(() => downs.length === 1, 10_000, 'net_tick_timeout');
    } finally {
      b.signal('SIGCONT');
    }
    expect(downs).to.deep.equal(['net_tick_timeout']);
    expect(Date.now() - stopped).to.be.within(3000, 6500);
  });

  it('has the name erl -sname would give it, and erl keeps node_info on it', async () => {
    const a = await erlts('hsname');
    expect(a.t.nodeName).to.equal(`hsname@${host}`);
    const b = await erl('hspeer');
    expect(await b.eval(`net_kernel:connect_node('${a.t.nodeName}')`)).to.equal('true');
    // erl's own view of the connection's flags: what erlts advertised.
    expect(a.incoming).to.have.length(1);
    a.incoming[0]?.channel.onPacket(() => {});
    const info = await b.eval(`element(1, net_kernel:node_info('${a.t.nodeName}'))`);
    expect(info).to.equal('ok');
    a.incoming[0]?.channel.close();
  });
});
