import { expect } from 'chai';
import fc from 'fast-check';
import type * as net from 'node:net';
import { DistChannel, PacketReader, type DownReason } from '../../net_kernel/internal/channel.js';
import { eventually, sleep, socketPair } from './support.js';

/** Counts the ticks (empty packets) that arrive on `sock`. */
function countTicks(sock: net.Socket): { count: number } {
  const ticks = { count: 0 };
  const reader = new PacketReader();
  sock.on('data', (d: Buffer) => {
    let packets = 0;
    ticks.count += reader.push(d, () => packets++) - packets;
  });
  return ticks;
}

function framed(payload: Buffer): Buffer {
  const h = Buffer.alloc(4);
  h.writeUInt32BE(payload.length, 0);
  return Buffer.concat([h, payload]);
}

/** Collects what a channel delivers and how it ends. */
function watch(c: DistChannel): { packets: Buffer[]; down: DownReason[] } {
  const w = { packets: [] as Buffer[], down: [] as DownReason[] };
  c.onPacket((p) => w.packets.push(Buffer.from(p)));
  c.onDown((r) => w.down.push(r));
  return w;
}

describe('packet framing', () => {
  it('cuts any chunking of a stream into the same packets, ticks counted apart', () => {
    const payload = fc.oneof(
      fc.constant(Buffer.alloc(0)),
      fc.uint8Array({ minLength: 1, maxLength: 300 }).map((a) => Buffer.from(a)),
    );
    fc.assert(
      fc.property(
        fc.array(payload, { maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1 }),
        (packets, cuts) => {
          const stream = Buffer.concat(packets.map(framed));
          const reader = new PacketReader();
          const got: Buffer[] = [];
          let count = 0;
          let at = 0;
          for (let i = 0; at < stream.length; i++) {
            const n = cuts[i % cuts.length] as number;
            count += reader.push(stream.subarray(at, at + n), (p) => got.push(Buffer.from(p)));
            at += n;
          }
          expect(count).to.equal(packets.length);
          expect(got).to.deep.equal(packets.filter((p) => p.length > 0));
          expect(reader.buffered).to.equal(0);
        },
      ),
    );
  });

  it('hands a packet inside one chunk over as a view of it', () => {
    const chunk = Buffer.concat([framed(Buffer.from('abc')), framed(Buffer.from('de'))]);
    const got: Buffer[] = [];
    new PacketReader().push(chunk, (p) => got.push(p));
    expect(got[0]?.buffer).to.equal(chunk.buffer);
  });

  it('does not allocate from a header alone', () => {
    const reader = new PacketReader();
    expect(reader.push(Buffer.from('ffffffff00', 'hex'), () => {})).to.equal(0);
    expect(reader.buffered).to.equal(1);
  });
});

describe('distribution channel', () => {
  it('carries packets both ways, small and large, whole and in parts', async () => {
    const [s1, s2] = await socketPair();
    const a = new DistChannel(s1);
    const b = new DistChannel(s2);
    const wa = watch(a);
    const wb = watch(b);
    const big = Buffer.alloc(200_000, 7);
    a.send(Buffer.from('hello'));
    a.send([Buffer.from('con'), Buffer.from('trol'), Buffer.alloc(0)]);
    a.send(big);
    a.send([Buffer.alloc(3000, 1), Buffer.alloc(3000, 2)]);
    b.send(Buffer.alloc(0)); // an empty payload is a tick, not a packet
    b.send(Buffer.from('back'));
    await eventually(() => wb.packets.length === 4 && wa.packets.length === 1, 5000, 'packets');
    expect(wb.packets[0]?.toString()).to.equal('hello');
    expect(wb.packets[1]?.toString()).to.equal('control');
    expect(wb.packets[2]?.equals(big)).to.equal(true);
    expect(wb.packets[3]?.equals(Buffer.concat([Buffer.alloc(3000, 1), Buffer.alloc(3000, 2)]))).to.equal(
      true,
    );
    expect(wa.packets[0]?.toString()).to.equal('back');
    expect(b.stats.packetsIn).to.equal(4);
    a.close();
    await eventually(() => wb.down.length === 1, 2000, 'b down');
    expect(wa.down).to.deep.equal(['disconnected']);
    expect(wb.down).to.deep.equal(['connection_closed']);
    expect(a.send(Buffer.from('late'))).to.equal(false);
  });

  it('delivers the bytes that came with the handshake first', async () => {
    const [s1, s2] = await socketPair();
    const b = new DistChannel(s2, {
      initial: Buffer.concat([framed(Buffer.from('one')), Buffer.from('0000', 'hex')]),
    });
    const wb = watch(b);
    s1.write(Buffer.concat([Buffer.from('0003', 'hex'), Buffer.from('two')]));
    await eventually(() => wb.packets.length === 2, 2000, 'packets');
    expect(wb.packets.map(String)).to.deep.equal(['one', 'two']);
    b.close();
    s1.destroy();
  });

  it('keeps an idle connection up with ticks', async () => {
    const [s1, s2] = await socketPair();
    const a = new DistChannel(s1, { ticktime: 400 });
    const b = new DistChannel(s2, { ticktime: 400 });
    const wa = watch(a);
    const wb = watch(b);
    await sleep(1200);
    expect(wa.down).to.deep.equal([]);
    expect(wb.down).to.deep.equal([]);
    expect(a.stats.packetsOut).to.be.greaterThan(3);
    expect(wa.packets).to.deep.equal([]);
    a.close();
    await eventually(() => wb.down.length === 1, 2000, 'b down');
  });

  it('ends with net_tick_timeout when the peer says nothing for a ticktime', async () => {
    const [s1, s2] = await socketPair();
    s2.on('data', () => {}); // a peer that reads and never writes
    const a = new DistChannel(s1, { ticktime: 400 });
    const wa = watch(a);
    const started = Date.now();
    await eventually(() => wa.down.length === 1, 3000, 'down');
    const took = Date.now() - started;
    expect(wa.down).to.deep.equal(['net_tick_timeout']);
    expect(took).to.be.within(350, 1000);
    s2.destroy();
  });

  it('ticks a hidden peer whenever nothing came from it, even while writing', async () => {
    const [s1, s2] = await socketPair();
    const ticks = countTicks(s2);
    const hidden = new DistChannel(s1, { ticktime: 400, hidden: true });
    const w = watch(hidden);
    const writer = setInterval(() => hidden.send(Buffer.from('x')), 20);
    await sleep(280);
    clearInterval(writer);
    expect(ticks.count).to.be.greaterThan(0);
    expect(w.down).to.deep.equal([]);
    hidden.close();
    s2.destroy();
  });

  it('does not tick a published peer it keeps writing to', async () => {
    const [s1, s2] = await socketPair();
    const ticks = countTicks(s2);
    const c = new DistChannel(s1, { ticktime: 400 });
    watch(c);
    const writer = setInterval(() => c.send(Buffer.from('x')), 20);
    await sleep(280);
    clearInterval(writer);
    expect(ticks.count).to.equal(0);
    c.close();
    s2.destroy();
  });

  it('queues without dropping while the peer does not read, and drains when it does', async () => {
    const [s1, s2] = await socketPair();
    s2.pause();
    const a = new DistChannel(s1);
    watch(a);
    // A large payload is queued as is, not copied: each packet gets a buffer of its own.
    const packet = (n: number): Buffer => {
      const p = Buffer.alloc(64 * 1024, 9);
      p.writeUInt32BE(n, 0);
      return p;
    };
    let sent = 0;
    while (!a.busy && sent < 10_000) a.send(packet(sent++));
    for (let i = 0; i < 50; i++) a.send(packet(sent++));
    expect(a.busy).to.equal(true);
    expect(a.queuedBytes).to.be.greaterThan(1024 * 1024 + 49 * 64 * 1024);
    const drained = new Promise<void>((r) => a.onDrain(r));
    const b = new DistChannel(s2);
    const seen: number[] = [];
    b.onPacket((p) => seen.push(p.readUInt32BE(0)));
    await drained;
    await eventually(() => seen.length === sent, 10_000, 'every packet');
    expect(seen).to.deep.equal([...Array(sent).keys()]);
    expect(a.queuedBytes).to.equal(0);
    a.close();
    b.close();
  });

  it('tells a late onDown at once, and once', async () => {
    const [s1, s2] = await socketPair();
    const a = new DistChannel(s1);
    s2.destroy();
    await eventually(() => a.downReason !== null, 2000, 'down');
    const reasons: DownReason[] = [];
    a.onDown((r) => reasons.push(r));
    a.close();
    expect(reasons).to.deep.equal(['connection_closed']);
  });
});
