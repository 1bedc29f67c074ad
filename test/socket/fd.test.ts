/**
 * socket:open/1,2: a socket over a descriptor the process inherited. A child process gets a
 * listening, a connected or a UDP socket as descriptor 3 (as from a service manager) and opens
 * it with erlts; the test talks to it over real loopback sockets.
 */
import { expect } from 'chai';
import { spawn as spawnNode } from 'node:child_process';
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import { closeSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErlangError } from 'erlts';
import * as socket from 'erlts/socket';

const child = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'open-fd-child.ts');

/** Node's handle of a server, socket or datagram socket: what child_process passes as a descriptor. */
function handleOf(o: object): object {
  // A datagram socket keeps its handle behind a symbol (its _handle getter is deprecated).
  const state = Object.getOwnPropertySymbols(o).find((k) => k.description === 'state symbol');
  if (state !== undefined) return ((o as Record<symbol, unknown>)[state] as { handle: object }).handle;
  return (o as { _handle: object })._handle;
}

/** Runs the child with `o`'s descriptor as its descriptor 3; resolves with its JSON lines. */
function runChild(mode: string, o: object, talk: () => Promise<void>): Promise<unknown[]> {
  const p = spawnNode(process.execPath, ['--import', 'tsx', '--conditions=erlts-source', child, mode], {
    stdio: ['ignore', 'pipe', 'inherit', handleOf(o) as never],
  });
  let out = '';
  p.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
  return (async () => {
    // The child says what it opened first; then the test talks to it.
    while (!out.includes('\n')) await new Promise((r) => setTimeout(r, 20));
    await talk();
    await exited;
    return out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
  })();
}

describe('socket:open/1,2 (descriptors)', function () {
  this.timeout(20000);

  it('opens an inherited listening TCP descriptor as a listening socket', async () => {
    const server = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as net.AddressInfo;
    let echoed = '';
    const lines = await runChild('listen', server, async () => {
      server.close(); // the child holds it now
      const c = net.connect(port, '127.0.0.1');
      c.write('hello');
      for await (const chunk of c) echoed += String(chunk);
    });
    expect(lines[0]).to.deep.equal({ domain: 'inet', type: 'stream', protocol: 'tcp', fd: 3 });
    expect(echoed).to.equal('hello');
  });

  it('opens an inherited connected TCP descriptor as a connected socket', async () => {
    // The accepted side never reads in this process (pauseOnConnect): the child reads it.
    const server = net.createServer({ pauseOnConnect: true });
    server.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const c = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    const accepted = await new Promise<net.Socket>((r) => server.once('connection', r));
    let got = '';
    c.once('data', (d) => {
      got = String(d);
      c.end('back');
    });
    const lines = await runChild('stream', accepted, async () => {
      accepted.destroy();
      server.close();
      await new Promise((r) => c.once('close', r));
    });
    expect(lines).to.deep.equal([
      { domain: 'inet', type: 'stream', protocol: 'tcp', fd: 3 },
      { got: 'back' },
    ]);
    expect(got).to.equal('child');
  });

  it('opens an inherited UDP descriptor as a datagram socket', async () => {
    const u = dgram.createSocket('udp4');
    await new Promise<void>((r) => u.bind(0, '127.0.0.1', () => r()));
    const { port } = u.address();
    const peer = dgram.createSocket('udp4');
    let echoed = '';
    const lines = await runChild('dgram', u, async () => {
      u.close();
      const back = new Promise<void>((r) =>
        peer.once('message', (m) => {
          echoed = String(m);
          r();
        }),
      );
      peer.send('ping', port, '127.0.0.1');
      await back;
    });
    peer.close();
    expect(lines[0]).to.deep.equal({ domain: 'inet', type: 'dgram', protocol: 'udp', fd: 3 });
    expect(echoed).to.equal('ping');
  });

  it('refuses what is not a socket descriptor, as OTP', async () => {
    expect(await socket.open(99999)).to.deep.equal(['error', 'ebadf']);
    const file = openSync(fileURLToPath(import.meta.url), 'r');
    try {
      expect(await socket.open(file)).to.deep.equal(['error', 'enotsock']);
    } finally {
      closeSync(file);
    }
    let raised: unknown;
    try {
      await socket.open('three' as never);
    } catch (e) {
      raised = e;
    }
    expect(raised).to.be.instanceOf(ErlangError);
    expect((raised as ErlangError).reason).to.equal('badarg');
  });

  it('reads a socket descriptor with getopt otp fd, -1 before Node has one', async () => {
    const s = (await socket.open('inet', 'stream', 'tcp'))[1] as socket.Socket;
    expect(await socket.getopt(s, ['otp', 'fd'])).to.deep.equal(['ok', -1]);
    expect(await socket.bind(s, 'loopback')).to.equal('ok');
    const [, fd] = (await socket.getopt(s, 'otp', 'fd')) as readonly ['ok', number];
    expect(fd).to.be.a('number').and.greaterThan(2);
    // Node cannot open a descriptor its own event loop already watches (nor dup it).
    expect(await socket.open(fd)).to.deep.equal(['error', 'eexist']);
    await socket.close(s);
  });
});
