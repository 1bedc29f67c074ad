/**
 * Flow control (DESIGN §4): a socket nobody reads from leaves the bytes in the kernel, so
 * the peer is pushed back; a sender faster than its peer waits between the watermarks.
 * The send_timeout cases run on virtual time (erlts/sim), where the timeout is exact.
 */
import { expect } from 'chai';
import { after, flush, monotonic_time, self, send, spawn, receive, on, _ } from 'erlts';
import { simulate } from 'erlts/sim';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { closeAll, listener, nodePeer, ok, sleep } from './support.js';

const MB = 1024 * 1024;

/** Writes `total` bytes from a node:net peer, as fast as Node lets it. */
function flood(sock: import('node:net').Socket, total: number): void {
  const chunk = Buffer.alloc(MB, 1);
  for (let i = 0; i < total / MB; i++) sock.write(chunk);
}

/** The virtual clock's reading inside a simulation, in ms. */
const nowMs = () => Number(monotonic_time('millisecond'));

describe('gen_tcp flow control', () => {
  for (const [mode, opts] of [
    ['passive', [['active', false]]],
    ['an exhausted {active, once}', [['active', 'once']]],
  ] as const) {
    it(`pushes back on a flooding peer while ${mode}`, async () => {
      const [ls, port] = await listener(['binary', ...opts]);
      const peer = await nodePeer(port);
      const s = ok(await gen_tcp.accept(ls));
      const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
      flood(peer.sock, 64 * MB);
      await sleep(300);
      // Most of it is still in the peer's own buffer: the kernel window is closed.
      expect(peer.sock.writableLength).to.be.greaterThan(32 * MB);
      const grown = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore;
      expect(grown).to.be.lessThan(48 * MB);
      // Reading it all drains the peer.
      await inet.setopts(s, [['active', false]]);
      // An {active, once} socket delivered one chunk as a message before it paused.
      let got = flush().reduce((n: number, m) => n + ((m as [string, unknown, Buffer])[2]?.length ?? 0), 0);
      while (got < 64 * MB) {
        const r = await gen_tcp.recv(s, 0, 5000);
        got += (ok(r) as Buffer).length;
      }
      expect(got).to.equal(64 * MB);
      expect(peer.sock.writableLength).to.equal(0);
      peer.sock.destroy();
      await closeAll(s, ls);
    });
  }

  it('makes senders wait above high_watermark, and times them out with send_timeout', async () => {
    await simulate({ seed: 1 }, async () => {
      const [ls, port] = await listener([
        'binary',
        ['send_timeout', 200],
        ['high_watermark', 65536],
        ['low_watermark', 16384],
      ]);
      const peer = await nodePeer(port);
      peer.sock.pause(); // a peer that never reads
      const s = ok(await gen_tcp.accept(ls));
      const chunk = Buffer.alloc(64 * 1024, 2);
      let sent = 0;
      let r: unknown = 'ok';
      let waited = 0;
      while (r === 'ok' && sent < 256 * MB) {
        const t0 = nowMs();
        r = await gen_tcp.send(s, chunk);
        waited = nowMs() - t0;
        if (r === 'ok') sent += chunk.length;
      }
      expect(r).to.deep.equal(['error', 'timeout']);
      // The send that timed out waited exactly send_timeout.
      expect(waited).to.equal(200);
      // What is queued in erlts stays near the high watermark, whatever the kernel took.
      const [[, pend]] = ok(await inet.getstat(s, ['send_pend'])) as [[string, number]];
      expect(pend).to.be.at.most(65536 + chunk.length);
      expect(sent).to.be.lessThan(128 * MB);
      // Without send_timeout_close the socket stays usable.
      expect(ok(await inet.getopts(s, ['active']))).to.deep.equal([['active', true]]);
      peer.sock.destroy();
      await closeAll(s, ls);
    });
  });

  it('closes the socket on a send timeout with send_timeout_close', async () => {
    await simulate({ seed: 1 }, async () => {
      const [ls, port] = await listener(['binary', ['send_timeout', 100], ['send_timeout_close', true]]);
      const peer = await nodePeer(port);
      peer.sock.pause();
      const s = ok(await gen_tcp.accept(ls));
      const chunk = Buffer.alloc(64 * 1024, 3);
      let r: unknown = 'ok';
      let waited = 0;
      while (r === 'ok') {
        const t0 = nowMs();
        r = await gen_tcp.send(s, chunk);
        waited = nowMs() - t0;
      }
      expect(r).to.deep.equal(['error', 'timeout']);
      expect(waited).to.equal(100);
      // As OTP: the socket is no longer connected, and no tcp_closed is sent.
      expect(await gen_tcp.send(s, chunk)).to.deep.equal(['error', 'enotconn']);
      expect(flush()).to.deep.equal([]);
      peer.sock.destroy();
      await closeAll(s, ls);
    });
  });

  it('wakes a waiting sender once the peer reads below low_watermark', async () => {
    const [ls, port] = await listener(['binary']);
    const peer = await nodePeer(port);
    peer.sock.pause();
    const s = ok(await gen_tcp.accept(ls));
    const me = self();
    const total = 32 * MB;
    spawn(async () => {
      const chunk = Buffer.alloc(MB, 4);
      let n = 0;
      for (let i = 0; i < total / MB; i++) if ((await gen_tcp.send(s, chunk)) === 'ok') n += MB;
      send(me, ['sent', n]);
    });
    expect(
      await receive(
        on(['sent', _]),
        after(300, () => 'blocked'),
      ),
    ).to.equal('blocked');
    peer.sock.resume();
    expect(await receive(on(['sent', _], ([, n]) => n))).to.equal(total);
    // The last megabytes are still on their way through loopback: wait for them (bounded).
    for (let waited = 0; peer.received().length < total && waited < 5000; waited += 10) await sleep(10);
    expect(peer.received().length).to.equal(total);
    peer.sock.destroy();
    await closeAll(s, ls);
  });
});
