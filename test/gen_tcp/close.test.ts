/**
 * Closing: exit_on_close, half-close, resets, linger, flushing, connect errors.
 * The connect timeout case runs on virtual time (erlts/sim), where the timeout is exact.
 */
import { expect } from 'chai';
import { spawn as spawnChild } from 'node:child_process';
import { ExitException, flush, monotonic_time } from 'erlts';
import { simulate } from 'erlts/sim';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { closeAll, listener, messages, nodePeer, ok, pair, sleep } from './support.js';

describe('gen_tcp close and errors', () => {
  it('keeps sending after the peer half-closes, with exit_on_close false', async () => {
    const [c, s, ls] = await pair(['binary', ['active', false], ['exit_on_close', false]], ['binary']);
    expect(await gen_tcp.shutdown(s, 'write')).to.equal('ok');
    expect(await gen_tcp.recv(c, 0, 1000)).to.deep.equal(['error', 'closed']);
    expect(await gen_tcp.recv(c, 0, 1000)).to.deep.equal(['error', 'closed']);
    expect(await gen_tcp.send(c, 'still here')).to.equal('ok');
    await inet.setopts(s, [['active', false]]);
    expect(String(ok(await gen_tcp.recv(s, 0, 1000)))).to.equal('still here');
    expect(await gen_tcp.send(s, 'x')).to.deep.equal(['error', 'closed']);
    await closeAll(c, s, ls);
  });

  it('ends reading at shutdown(read): what is buffered, then closed', async () => {
    const [c, s, ls] = await pair(['binary', ['active', false], ['exit_on_close', false]], ['binary']);
    await gen_tcp.send(s, 'before');
    await sleep(20);
    expect(await gen_tcp.shutdown(c, 'read')).to.equal('ok');
    expect(String(ok(await gen_tcp.recv(c, 0, 1000)))).to.equal('before');
    expect(await gen_tcp.recv(c, 0, 1000)).to.deep.equal(['error', 'closed']);
    expect(await gen_tcp.send(c, 'can still send')).to.equal('ok');
    await inet.setopts(s, [['active', false]]);
    expect(String(ok(await gen_tcp.recv(s, 0, 1000)))).to.equal('can still send');
    await closeAll(c, s, ls);
  });

  it('closes the socket at the peer close by default (exit_on_close true)', async () => {
    const [c, s, ls] = await pair(['binary', ['active', true]]);
    await gen_tcp.close(s);
    expect(await messages()).to.deep.equal([['tcp_closed', c]]);
    expect(await gen_tcp.send(c, 'x')).to.deep.equal(['error', 'closed']);
    expect(await inet.setopts(c, [['active', true]])).to.deep.equal(['error', 'einval']);
    await closeAll(c, ls);
  });

  async function resetPeer(
    opts: readonly gen_tcp.connect_option[],
  ): Promise<[gen_tcp.socket, gen_tcp.socket]> {
    const [c, s, ls] = await pair(['binary', ...opts]);
    expect(await inet.setopts(s, [['linger', [true, 0]]])).to.equal('ok');
    await gen_tcp.close(s);
    return [c, ls];
  }

  it('reports a reset as tcp_closed alone, unless show_econnreset', async () => {
    const [c, ls] = await resetPeer([['active', true]]);
    expect(await messages()).to.deep.equal([['tcp_closed', c]]);
    await closeAll(c, ls);
    const [c2, ls2] = await resetPeer([
      ['active', true],
      ['show_econnreset', true],
    ]);
    expect(await messages()).to.deep.equal([
      ['tcp_error', c2, 'econnreset'],
      ['tcp_closed', c2],
    ]);
    await closeAll(c2, ls2);
  });

  it('reports a reset to recv as closed, or econnreset with show_econnreset, then enotconn', async () => {
    const [c, ls] = await resetPeer([['active', false]]);
    await sleep(20);
    expect(await gen_tcp.recv(c, 0, 1000)).to.deep.equal(['error', 'closed']);
    await closeAll(c, ls);
    const [c2, ls2] = await resetPeer([
      ['active', false],
      ['show_econnreset', true],
    ]);
    await sleep(20);
    expect(await gen_tcp.recv(c2, 0, 1000)).to.deep.equal(['error', 'econnreset']);
    expect(await gen_tcp.recv(c2, 0, 1000)).to.deep.equal(['error', 'enotconn']);
    await closeAll(c2, ls2);
  });

  it('resets the connection on close with {linger, {true, 0}}: the peer sees ECONNRESET', async () => {
    const [ls, port] = await listener(['binary']);
    const peer = await nodePeer(port);
    let code = '';
    peer.sock.on('error', (e: NodeJS.ErrnoException) => (code = e.code ?? ''));
    const s = ok(await gen_tcp.accept(ls));
    await inet.setopts(s, [['linger', [true, 0]]]);
    await gen_tcp.close(s);
    await peer.ended;
    expect(code).to.equal('ECONNRESET');
    await closeAll(ls);
  });

  it('flushes pending output before closing', async () => {
    const [ls, port] = await listener(['binary']);
    const peer = await nodePeer(port);
    const s = ok(await gen_tcp.accept(ls));
    const big = Buffer.alloc(4 * 1024 * 1024, 7);
    expect(await gen_tcp.send(s, big)).to.equal('ok');
    await gen_tcp.close(s);
    await peer.ended;
    expect(peer.received().length).to.equal(big.length);
    await closeAll(ls);
  });

  it('answers calls on a closed socket as OTP', async () => {
    const [c, s, ls] = await pair();
    await gen_tcp.close(c);
    expect(await gen_tcp.send(c, 'x')).to.deep.equal(['error', 'closed']);
    expect(await gen_tcp.recv(c, 0)).to.deep.equal(['error', 'closed']);
    expect(await gen_tcp.shutdown(c, 'write')).to.deep.equal(['error', 'closed']);
    expect(await gen_tcp.close(c)).to.equal('ok');
    expect(await inet.setopts(c, [['active', true]])).to.deep.equal(['error', 'einval']);
    expect(await inet.getopts(c, ['active'])).to.deep.equal(['error', 'einval']);
    expect(await inet.sockname(c)).to.deep.equal(['error', 'einval']);
    expect(await inet.port(c)).to.deep.equal(['error', 'einval']);
    expect(await gen_tcp.recv(ls, 0)).to.deep.equal(['error', 'enotconn']);
    await closeAll(s, ls);
  });

  it('raises function_clause for what is not a socket, as OTP', async () => {
    expect(() => gen_tcp.send('foo' as never, 'x')).to.throw(/not a socket/);
    expect(() => gen_tcp.recv('foo' as never, 0)).to.throw(/not a socket/);
    expect(() => inet.setopts('foo' as never, [])).to.throw(/not a socket/);
    expect(() => inet.monitor('foo' as never)).to.throw(/not a socket/);
  });

  it('returns connect errors as POSIX atoms', async () => {
    const [ls, port] = await listener();
    await gen_tcp.close(ls);
    expect(await gen_tcp.connect([127, 0, 0, 1], port, [])).to.deep.equal(['error', 'econnrefused']);
    expect(await gen_tcp.connect('no.such.host.invalid', 80, [])).to.deep.equal(['error', 'nxdomain']);
    const [ls2, port2] = await listener();
    expect(await gen_tcp.listen(port2, [['ip', [127, 0, 0, 1]]])).to.deep.equal(['error', 'eaddrinuse']);
    await gen_tcp.close(ls2);
  });

  it('times a connect out', async function () {
    // A listener that never accepts, its backlog filled: further SYNs go unanswered.
    // Node always accepts, so the listener is a python3 child (skipped without python3).
    const child = spawnChild('python3', [
      '-c',
      'import socket,sys,time\ns=socket.socket();s.bind(("127.0.0.1",0));s.listen(0)\n' +
        'print(s.getsockname()[1],flush=True);sys.stdin.read()',
    ]);
    const port = await new Promise<number | null>((resolve) => {
      child.on('error', () => resolve(null));
      child.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
    });
    if (port === null) this.skip();
    try {
      await simulate({ seed: 1 }, async () => {
        const fillers: gen_tcp.socket[] = [];
        try {
          let r: readonly unknown[] = [];
          let waited = 0;
          for (let i = 0; i < 8; i++) {
            const t0 = Number(monotonic_time('millisecond'));
            r = await gen_tcp.connect([127, 0, 0, 1], port, [], 100);
            waited = Number(monotonic_time('millisecond')) - t0;
            if (r[0] !== 'ok') break;
            fillers.push(r[1] as gen_tcp.socket);
          }
          expect(r).to.deep.equal(['error', 'timeout']);
          // The connect that timed out waited exactly its timeout.
          expect(waited).to.equal(100);
          expect(flush()).to.deep.equal([]);
        } finally {
          await closeAll(...fillers);
        }
      });
    } finally {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });

  it('connects by host name, by sockaddr map, and to a local socket', async () => {
    const [ls, port] = await listener();
    const a = ok(await gen_tcp.connect('localhost', port, []));
    const b = ok(await gen_tcp.connect({ family: 'inet', addr: [127, 0, 0, 1], port }, []));
    // OTP 25's gen_tcp takes only an address tuple in the map.
    let raised: unknown;
    try {
      await gen_tcp.connect({ family: 'inet', addr: 'loopback' as never, port }, []);
    } catch (e) {
      raised = e;
    }
    expect(ExitException.is(raised) && raised.reason).to.equal('function_clause');
    const sa = ok(await gen_tcp.accept(ls));
    const sb = ok(await gen_tcp.accept(ls));
    expect(ok(await inet.peername(a))[0]).to.deep.equal([127, 0, 0, 1]);
    await closeAll(a, b, sa, sb, ls);
    const path = `/tmp/erlts-test-${process.pid}.sock`;
    const lsl = ok(await gen_tcp.listen(0, ['local', ['ip', ['local', path]], 'binary', ['active', false]]));
    const cl = ok(await gen_tcp.connect(['local', path], 0, ['binary']));
    const sl = ok(await gen_tcp.accept(lsl));
    await gen_tcp.send(cl, 'over unix');
    expect(String(ok(await gen_tcp.recv(sl, 0, 1000)))).to.equal('over unix');
    expect(await inet.sockname(lsl)).to.deep.equal(['ok', ['local', Buffer.from(path)]]);
    expect(await inet.sockname(cl)).to.deep.equal(['ok', ['local', Buffer.alloc(0)]]);
    expect(await inet.peername(cl)).to.deep.equal(['ok', ['local', Buffer.from(path)]]);
    expect(await inet.peername(sl)).to.deep.equal(['ok', ['local', Buffer.alloc(0)]]);
    expect(await inet.port(lsl)).to.deep.equal(['ok', Buffer.from(path)]);
    await closeAll(cl, sl, lsl);
  });
});
