import { expect } from 'chai';
import * as net from 'node:net';
import { EpmdRegistration, names, registerNode } from '../../net_kernel/internal/epmd-client.js';
import { EpmdServer } from '../../net_kernel/internal/epmd-server.js';
import { shortHostname } from '../../net_kernel/internal/node-name.js';
import {
  simultaneousConnect,
  startTransport,
  type Connection,
  type ConnectFailure,
  type Transport,
  type TransportOptions,
} from '../../net_kernel/internal/transport.js';
import { eventually, freePort } from './support.js';

const host = shortHostname();

type Opts = Omit<TransportOptions, 'onConnection' | 'mode'> & Partial<Pick<TransportOptions, 'onConnection'>>;

/** A started transport, its incoming connections and failures, on loopback. */
async function node(
  o: Opts,
): Promise<{ t: Transport; incoming: Connection[]; failures: ConnectFailure[]; logs: string[] }> {
  const incoming: Connection[] = [];
  const failures: ConnectFailure[] = [];
  const logs: string[] = [];
  const t = await startTransport({
    mode: 'shortnames',
    cookie: 'test-cookie',
    listen: { address: '127.0.0.1' },
    onConnection: (c) => incoming.push(c),
    onHandshakeFailed: (f) => failures.push(f.failure),
    log: (e) => logs.push(e.text),
    ...o,
  });
  if ('error' in t) throw new Error(`start ${o.name}: ${JSON.stringify(t.error)}`);
  return { t, incoming, failures, logs };
}

function connected(r: Connection | ConnectFailure): Connection {
  if ('error' in r) throw new Error(`connect failed: ${JSON.stringify(r.error)}`);
  return r;
}

describe('transport', () => {
  let epmdPort: number;
  let epmd: EpmdServer;
  beforeEach(async () => {
    epmdPort = await freePort();
    const s = await EpmdServer.listen({ port: epmdPort, address: '127.0.0.1' });
    if (!(s instanceof EpmdServer)) throw new Error(s.error);
    epmd = s;
  });
  afterEach(async () => {
    await epmd.close();
  });

  it('names the node, registers it, and connects two erlts nodes', async () => {
    const a = await node({ name: 'ta', epmdPort });
    const b = await node({ name: 'tb', epmdPort });
    try {
      expect(a.t.nodeName).to.equal(`ta@${host}`);
      expect(a.t.servesEpmd).to.equal(false);
      expect(
        epmd
          .names()
          .map(([n]) => n)
          .sort(),
      ).to.deep.equal(['ta', 'tb']);
      const out = connected(await a.t.connect(b.t.nodeName));
      await eventually(() => b.incoming.length === 1, 2000, 'incoming');
      const inc = b.incoming[0] as Connection;
      expect(out).to.deep.include({
        peerName: b.t.nodeName,
        peerCreation: b.t.creation,
        hidden: false,
        direction: 'out',
      });
      expect(inc).to.deep.include({
        peerName: a.t.nodeName,
        peerCreation: a.t.creation,
        hidden: false,
        direction: 'in',
      });
      const got: string[] = [];
      inc.channel.onPacket((p) => got.push(p.toString()));
      out.channel.onPacket(() => {});
      out.channel.send(Buffer.from('over the wire'));
      await eventually(() => got.length === 1, 2000, 'packet');
      expect(got).to.deep.equal(['over the wire']);
      out.channel.close();
      inc.channel.onDown(() => {});
      await eventually(() => inc.channel.downReason !== null, 2000, 'down');
    } finally {
      await a.t.close();
      await b.t.close();
    }
  });

  it('closes at once, leaving the connections it made to their owners', async () => {
    const a = await node({ name: 'closer', epmdPort });
    const b = await node({ name: 'kept', epmdPort });
    try {
      const out = connected(await a.t.connect(b.t.nodeName));
      await eventually(() => b.incoming.length === 1, 2000, 'incoming');
      const got: string[] = [];
      out.channel.onPacket((p) => got.push(p.toString()));
      await b.t.close(); // the acceptor's transport goes; its accepted connection stays
      expect(await names('127.0.0.1', { epmdPort })).to.deep.equal([['closer', a.t.port]]);
      b.incoming[0]?.channel.onPacket(() => {});
      b.incoming[0]?.channel.send(Buffer.from('still here'));
      await eventually(() => got.length === 1, 2000, 'packet after close');
      out.channel.close();
    } finally {
      await a.t.close();
      await b.t.close();
    }
  });

  it('makes hidden connections for a hidden node, whichever side connects', async () => {
    const a = await node({ name: 'hid', epmdPort, hidden: true });
    const b = await node({ name: 'vis', epmdPort });
    try {
      const out = connected(await a.t.connect(b.t.nodeName));
      await eventually(() => b.incoming.length === 1, 2000, 'incoming');
      expect(out.hidden).to.equal(true);
      expect(b.incoming[0]?.hidden).to.equal(true);
      out.channel.close();
      b.incoming[0]?.channel.close();
    } finally {
      await a.t.close();
      await b.t.close();
    }
  });

  it('refuses what OTP refuses: an unknown node, a bad name, itself, a duplicate name', async () => {
    const a = await node({ name: 'lonely', epmdPort });
    try {
      expect(await a.t.connect(`nobody@${host}`)).to.deep.equal({ error: 'noport' });
      expect(await a.t.connect('x@no-such-host.invalid')).to.deep.equal({ error: 'nxdomain' });
      expect(await a.t.connect('nohost')).to.deep.equal({ error: ['invalid_node', 'nohost'] });
      expect(await a.t.connect(a.t.nodeName)).to.deep.equal({ error: ['invalid_node', a.t.nodeName] });
      expect(
        await startTransport({
          name: 'lonely',
          mode: 'shortnames',
          cookie: 'c',
          epmdPort,
          onConnection: () => {},
        }),
      ).to.deep.equal({
        error: 'duplicate_name',
      });
      expect(
        await startTransport({
          name: 'a b',
          mode: 'shortnames',
          cookie: 'c',
          epmdPort,
          onConnection: () => {},
        }),
      ).to.deep.equal({
        error: 'badarg',
        log: 'Invalid node name!\nPlease check your configuration\n',
      });
    } finally {
      await a.t.close();
    }
  });

  it('fails both sides on a wrong cookie, with the acceptor logging as OTP', async () => {
    const a = await node({ name: 'ca', epmdPort, cookie: 'one' });
    const b = await node({ name: 'cb', epmdPort, cookie: 'two' });
    try {
      expect(await a.t.connect(b.t.nodeName)).to.deep.equal({
        error: ['recv_challenge_ack_failed', ['error', 'closed']],
      });
      await eventually(() => b.failures.length === 1, 2000, 'acceptor failure');
      expect(b.failures[0]?.error).to.deep.equal(['recv_challenge_reply_failed', 'bad_cookie']);
      expect(b.logs).to.deep.equal([
        `** Connection attempt from node ca@${host} rejected. Invalid challenge reply. **`,
      ]);
      expect(b.incoming).to.deep.equal([]);
    } finally {
      await a.t.close();
      await b.t.close();
    }
  });

  it('uses a cookie per peer (erlang:set_cookie/2)', async () => {
    const a = await node({
      name: 'pa',
      epmdPort,
      cookie: 'mine',
      cookieFor: (p) => (p.startsWith('pb@') ? 'shared' : undefined),
    });
    const b = await node({ name: 'pb', epmdPort, cookie: 'shared' });
    try {
      const out = connected(await a.t.connect(b.t.nodeName));
      out.channel.close();
      await eventually(() => b.incoming.length === 1, 2000, 'incoming');
      b.incoming[0]?.channel.close();
    } finally {
      await a.t.close();
      await b.t.close();
    }
  });

  it('lets the connection manager refuse a peer', async () => {
    const a = await node({ name: 'da', epmdPort });
    const b = await node({ name: 'db', epmdPort, decide: () => 'not_allowed' });
    try {
      expect(await a.t.connect(b.t.nodeName)).to.deep.equal({ error: ['recv_status_failed', 'not_allowed'] });
    } finally {
      await a.t.close();
      await b.t.close();
    }
  });

  it('resolves a simultaneous connect by OTP rule: the greater name keeps its attempt', async () => {
    const pending = new Map<string, Set<string>>();
    const manager = (self: string): Pick<TransportOptions, 'decide'> => ({
      decide: (peer) =>
        pending.get(self)?.has(peer.name) === true ? simultaneousConnect(self, peer.name) : 'ok',
    });
    const small = await node({ name: 'sa', epmdPort, ...manager(`sa@${host}`) });
    const great = await node({ name: 'sb', epmdPort, ...manager(`sb@${host}`) });
    pending.set(small.t.nodeName, new Set([great.t.nodeName]));
    pending.set(great.t.nodeName, new Set([small.t.nodeName]));
    try {
      const [fromSmall, fromGreat] = await Promise.all([
        small.t.connect(great.t.nodeName),
        great.t.connect(small.t.nodeName),
      ]);
      expect(fromSmall).to.deep.equal({ error: 'nok' });
      connected(fromGreat).channel.close();
      await eventually(() => small.incoming.length === 1, 2000, 'the greater node got in');
      expect(great.incoming).to.deep.equal([]);
      small.incoming[0]?.channel.close();
    } finally {
      await small.t.close();
      await great.t.close();
    }
  });

  it('gives up on a peer that stalls, after the setup time, either way', async () => {
    // A "node" whose port accepts and never speaks.
    const mute = net.createServer((s) => s.on('error', () => {}));
    await new Promise<void>((r) => mute.listen(0, '127.0.0.1', () => r()));
    const port = (mute.address() as net.AddressInfo).port;
    const reg = await registerNode({ name: 'mute', port, epmdPort });
    if (!(reg instanceof EpmdRegistration)) throw new Error('register');
    const a = await node({ name: 'impatient', epmdPort, setupTime: 300 });
    const sockets: net.Socket[] = [];
    mute.on('connection', (s) => sockets.push(s));
    try {
      const started = Date.now();
      expect(await a.t.connect(`mute@${host}`)).to.deep.equal({ error: 'setup_timer_timeout' });
      expect(Date.now() - started).to.be.within(250, 2000);
      // And a peer that connects to us and says nothing.
      const silent = net.createConnection({ host: '127.0.0.1', port: a.t.port });
      silent.on('error', () => {});
      await eventually(() => a.failures.length === 1, 2000, 'acceptor gave up');
      expect(a.failures[0]?.error).to.equal('setup_timer_timeout');
      silent.destroy();
    } finally {
      for (const s of sockets) s.destroy();
      reg.close();
      mute.close();
      await a.t.close();
    }
  });

  it('turns garbage from a peer into a failed handshake and goes on serving', async () => {
    const a = await node({ name: 'sturdy', epmdPort });
    const b = await node({ name: 'friend', epmdPort });
    try {
      for (const junk of ['00034e0102', 'ffff', '0001ff', '00037a7a7a']) {
        const s = net.createConnection({ host: '127.0.0.1', port: a.t.port });
        s.on('error', () => {});
        s.on('data', () => {});
        s.write(Buffer.from(junk, 'hex'));
        if (junk !== 'ffff')
          await eventually(() => s.destroyed || s.readableEnded, 2000, `closed after ${junk}`);
        s.destroy();
      }
      await eventually(() => a.failures.length >= 3, 2000, 'failures');
      expect(a.failures.map((f) => (f.error as unknown[])[0])).to.include('recv_name_failed');
      connected(await b.t.connect(a.t.nodeName)).channel.close();
      await eventually(() => a.incoming.length === 1, 2000, 'still accepting');
      a.incoming[0]?.channel.close();
    } finally {
      await a.t.close();
      await b.t.close();
    }
  });

  it('runs without EPMD (epmd: none), reached by its port as with -erl_epmd_port', async () => {
    const a = await node({ name: 'unlisted', epmdPort, epmd: 'none', creation: 1234 });
    const b = await node({ name: 'seeker', epmdPort });
    try {
      expect(a.t.creation).to.equal(1234);
      expect(epmd.names().map(([n]) => n)).to.deep.equal(['seeker']);
      expect(await b.t.connect(a.t.nodeName)).to.deep.equal({ error: 'noport' });
      const c = connected(await b.t.connect(a.t.nodeName, { port: a.t.port }));
      expect(c.peerCreation).to.equal(1234);
      c.channel.close();
      await eventually(() => a.incoming.length === 1, 2000, 'incoming');
      a.incoming[0]?.channel.close();
    } finally {
      await a.t.close();
      await b.t.close();
    }
  });

  it('listens where told: an address and the first free port of a range', async () => {
    const taken = await freePort();
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(taken, '127.0.0.1', () => r()));
    const a = await node({
      name: 'ranged',
      epmdPort,
      listen: { address: '127.0.0.1', portRange: [taken, taken + 20] },
    });
    try {
      expect(a.t.port).to.be.within(taken + 1, taken + 20);
      expect(await names('127.0.0.1', { epmdPort })).to.deep.include(['ranged', a.t.port]);
    } finally {
      blocker.close();
      await a.t.close();
    }
  });

  it('serves EPMD itself when none runs, and another node takes over when it goes', async function () {
    this.timeout(15000);
    await epmd.close();
    const a = await node({ name: 'server', epmdPort, epmd: 'ensure' });
    const b = await node({ name: 'client', epmdPort, epmd: 'ensure' });
    try {
      expect(a.t.servesEpmd).to.equal(true);
      expect(b.t.servesEpmd).to.equal(false);
      await a.t.close(); // its EPMD goes with it
      await eventually(() => b.t.servesEpmd, 5000, 'b serves EPMD');
      await eventually(
        async () =>
          JSON.stringify(await names('127.0.0.1', { epmdPort })) === JSON.stringify([['client', b.t.port]]),
        5000,
        'b registered again',
      );
    } finally {
      await a.t.close();
      await b.t.close();
      // the suite's afterEach closes its own (already closed) EPMD
    }
  });
});
