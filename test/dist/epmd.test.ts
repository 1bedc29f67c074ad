import { expect } from 'chai';
import * as net from 'node:net';
import {
  EpmdRegistration,
  epmdPortFromEnv,
  names,
  portPlease,
  registerNode,
} from '../../net_kernel/internal/epmd-client.js';
import { EpmdServer, ensureEpmd } from '../../net_kernel/internal/epmd-server.js';
import { encodeAlive2Req, encodeNamesReq } from '../../net_kernel/internal/epmd-protocol.js';
import { shortHostname } from '../../net_kernel/internal/node-name.js';
import {
  ErlNode,
  epmdNames,
  eventually,
  freePort,
  haveErlang,
  noErlang,
  sleep,
  startRealEpmd,
} from './support.js';

const host = shortHostname();

async function serve(port = 0): Promise<EpmdServer> {
  const s = await EpmdServer.listen({ port, address: '127.0.0.1' });
  if (!(s instanceof EpmdServer)) throw new Error(`listen: ${s.error}`);
  return s;
}

async function register(name: string, port: number, epmdPort: number): Promise<EpmdRegistration> {
  const r = await registerNode({ name, port, epmdPort });
  if (!(r instanceof EpmdRegistration)) throw new Error(`register ${name}: ${JSON.stringify(r.error)}`);
  return r;
}

/** Raw bytes to an EPMD, and everything it answers until it closes (or 1 s passes). */
function exchange(port: number, bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve) => {
    const s = net.createConnection({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => s.destroy(), 1000);
    s.on('connect', () => s.write(bytes));
    s.on('data', (d: Buffer) => chunks.push(d));
    s.on('error', () => {});
    s.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
}

describe('EPMD', () => {
  it('takes its port from ERL_EPMD_PORT, else 4369', () => {
    expect(epmdPortFromEnv({})).to.equal(4369);
    expect(epmdPortFromEnv({ ERL_EPMD_PORT: '4370' })).to.equal(4370);
    expect(epmdPortFromEnv({ ERL_EPMD_PORT: 'x' })).to.equal(4369);
  });

  describe('the server of erlts', () => {
    it('registers, answers PORT_PLEASE2 and NAMES, and unregisters when the connection closes', async () => {
      const s = await serve();
      try {
        const a = await register('alpha', 1111, s.port);
        const b = await register('beta', 2222, s.port);
        expect(s.names()).to.deep.equal([
          ['beta', 2222],
          ['alpha', 1111],
        ]);
        expect(await names('127.0.0.1', { epmdPort: s.port })).to.deep.equal([
          ['beta', 2222],
          ['alpha', 1111],
        ]);
        const found = await portPlease('alpha', '127.0.0.1', { epmdPort: s.port });
        expect(found).to.deep.include({ port: 1111, version: 6 });
        expect(await portPlease('gamma', '127.0.0.1', { epmdPort: s.port })).to.equal('noport');
        a.close();
        await eventually(() => s.names().length === 1, 2000, 'alpha unregistered');
        b.close();
        await eventually(() => s.names().length === 0, 2000, 'beta unregistered');
      } finally {
        await s.close();
      }
    });

    it('hands out creations as epmd: from the clock, one more each time a name comes back', async () => {
      const s = await serve();
      try {
        const before = Math.floor(Date.now() / 1000);
        const first = await register('again', 1, s.port);
        expect(first.creation).to.be.within(before, before + 5);
        expect(await registerNode({ name: 'again', port: 2, epmdPort: s.port })).to.deep.equal({
          error: 'duplicate_name',
        });
        first.close();
        await eventually(() => s.names().length === 0, 2000, 'unregistered');
        const second = await register('again', 3, s.port);
        expect(second.creation).to.equal(first.creation + 1);
        second.close();
      } finally {
        await s.close();
      }
    });

    it('survives garbage: a bad length, an unknown request, bytes after a registration', async () => {
      const s = await serve();
      try {
        expect((await exchange(s.port, Buffer.from('ffff', 'hex'))).length).to.equal(0);
        expect((await exchange(s.port, Buffer.from('0001ff', 'hex'))).length).to.equal(0);
        expect((await exchange(s.port, Buffer.from('00016e00', 'hex'))).length).to.equal(0);
        const alive = encodeAlive2Req({
          name: 'noisy',
          port: 5,
          nodeType: 77,
          protocol: 0,
          highestVersion: 6,
          lowestVersion: 6,
          extra: Buffer.alloc(0),
        });
        // The registration's answer, then the extra byte ends it.
        const answer = await exchange(s.port, Buffer.concat([alive]));
        expect(answer.subarray(0, 2).toString('hex')).to.equal('7600');
        const sock = net.createConnection({ host: '127.0.0.1', port: s.port });
        await new Promise((r) => sock.once('connect', r));
        sock.write(alive);
        await eventually(() => s.names().length === 1, 2000, 'noisy registered');
        sock.write('x');
        await eventually(() => s.names().length === 0, 2000, 'noisy unregistered');
        sock.destroy();
        expect((await exchange(s.port, encodeNamesReq())).readUInt32BE(0)).to.equal(s.port);
      } finally {
        await s.close();
      }
    });

    it('lets one of several processes racing to serve a port win; the others use it', async () => {
      const port = await freePort();
      const results = await Promise.all([ensureEpmd({ port }), ensureEpmd({ port }), ensureEpmd({ port })]);
      const servers = results.filter((r) => 'role' in r && r.role === 'server');
      expect(servers).to.have.length(1);
      expect(results.filter((r) => 'role' in r && r.role === 'client')).to.have.length(2);
      for (const r of servers) if ('server' in r) await r.server.close();
    });

    it('re-registers a node when its EPMD comes back (erl_epmd retries every 2 s)', async function () {
      this.timeout(15000);
      const port = await freePort();
      let s = await serve(port);
      const reg = await register('phoenix', 4242, port);
      let lost = 0;
      let restored = 0;
      reg.watch(
        () => lost++,
        () => restored++,
      );
      try {
        await s.close();
        await eventually(() => lost === 1, 2000, 'registration lost');
        s = await serve(port);
        await eventually(() => s.names().length === 1, 5000, 'registered again');
        expect(restored).to.equal(1);
        expect(reg.registered).to.equal(true);
      } finally {
        reg.close();
        await s.close();
      }
    });

    describe('with erl and epmd', function () {
      before(function () {
        if (!haveErlang) {
          console.log(`      ${noErlang}`);
          this.skip();
        }
      });

      it('is what `epmd -names`, net_adm:names() and another erl node see', async function () {
        this.timeout(30000);
        const s = await serve();
        const mine = await register('erltsnode', 3333, s.port);
        const one = await ErlNode.start({ sname: 'epmdone', cookie: 'c', epmdPort: s.port });
        const two = await ErlNode.start({ sname: 'epmdtwo', cookie: 'c', epmdPort: s.port });
        try {
          const listed = await epmdNames(s.port);
          expect(listed).to.match(new RegExp(`^epmd: up and running on port ${s.port} with data:\\n`));
          expect(listed).to.include('name erltsnode at port 3333\n');
          expect(listed).to.match(/name epmdone at port \d+\n/);
          const seen = await one.eval('lists:sort(element(2, net_adm:names()))');
          expect(seen).to.match(
            /^\[\{\[101,112,109,100,111,110,101\],\d+\},\{\[101,112,109,100,116,119,111\],\d+\},\{\[101,114,108,116,115,110,111,100,101\],3333\}\]$/,
          );
          expect(await one.eval(`net_adm:ping('epmdtwo@${host}')`)).to.equal('pong');
        } finally {
          await one.stop();
          await two.stop();
          mine.close();
          await s.close();
        }
      });

      it('gets erl nodes back when the erlts node that served EPMD goes and another starts serving', async function () {
        this.timeout(30000);
        const port = await freePort();
        const first = await ensureEpmd({ port });
        if (!('server' in first)) throw new Error('expected to serve');
        const erl = await ErlNode.start({ sname: 'survivor', cookie: 'c', epmdPort: port });
        try {
          expect(first.server.names().map(([n]) => n)).to.deep.equal(['survivor']);
          await first.server.close(); // the serving node exits: its registrations end
          const second = await ensureEpmd({ port });
          if (!('server' in second)) throw new Error('expected to serve');
          try {
            // erl_epmd reconnects every 2 s and registers again.
            await eventually(() => second.server.names().length === 1, 8000, 'erl registered again');
          } finally {
            await second.server.close();
          }
        } finally {
          await erl.stop();
        }
      });
    });
  });

  describe('the client against the real epmd', function () {
    let port: number;
    let epmd: { kill: () => Promise<void> };
    before(async function () {
      if (!haveErlang) {
        console.log(`      ${noErlang}`);
        this.skip();
      }
      port = await freePort();
      epmd = await startRealEpmd(port);
    });
    after(async () => {
      await epmd?.kill();
    });

    it('registers, is listed, is found, and is gone when it closes', async () => {
      const before = Math.floor(Date.now() / 1000);
      const reg = await register('realclient', 4444, port);
      try {
        expect(reg.creation).to.be.within(before, before + 5);
        expect(await epmdNames(port)).to.include('name realclient at port 4444\n');
        expect(await names('127.0.0.1', { epmdPort: port })).to.deep.include(['realclient', 4444]);
        const found = await portPlease('realclient', host, { epmdPort: port });
        expect(found).to.deep.include({ port: 4444, version: 6 });
        expect(await registerNode({ name: 'realclient', port: 1, epmdPort: port })).to.deep.equal({
          error: 'duplicate_name',
        });
      } finally {
        reg.close();
      }
      await eventually(async () => !(await epmdNames(port)).includes('realclient'), 3000, 'unregistered');
      expect(await portPlease('realclient', '127.0.0.1', { epmdPort: port })).to.equal('noport');
    });

    it('says noport or address when no EPMD answers', async () => {
      const nobody = await freePort();
      expect(await portPlease('x', '127.0.0.1', { epmdPort: nobody })).to.equal('noport');
      expect(await names('127.0.0.1', { epmdPort: nobody })).to.deep.equal({ error: 'address' });
      expect(await registerNode({ name: 'x', port: 1, epmdPort: nobody })).to.deep.equal({
        error: 'econnrefused',
      });
      await sleep(1);
    });
  });
});
