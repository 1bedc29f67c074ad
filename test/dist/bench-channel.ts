/**
 * Throughput of a distribution channel over loopback: one channel sends packets of a size as
 * fast as its busy limit lets it, the other counts them; beside it, a bare node:net socket
 * writing the same framed bytes (prebuilt, one write per packet) and counting with the same
 * reader. Not a test: run it and read the figures.
 *
 *   npx tsx --conditions=erlts-source test/dist/bench-channel.ts [seconds]
 */
import { DistChannel, PacketReader } from '../../net_kernel/internal/channel.js';
import { socketPair } from './support.js';

const seconds = Number(process.argv[2] ?? 3);

interface Figures {
  packets: number;
  perSecond: number;
  mbPerSecond: number;
}

async function channelRun(size: number): Promise<Figures> {
  const [s1, s2] = await socketPair();
  const a = new DistChannel(s1);
  const b = new DistChannel(s2);
  let received = 0;
  b.onPacket(() => received++);
  a.onPacket(() => {});
  const payload = Buffer.alloc(size, 1);
  const end = performance.now() + seconds * 1000;
  let sent = 0;
  await new Promise<void>((resolve) => {
    const pump = (): void => {
      while (!a.busy) {
        if (performance.now() > end) return resolve();
        for (let i = 0; i < 64; i++) a.send(payload);
        sent += 64;
      }
    };
    a.onDrain(pump);
    pump();
  });
  const started = performance.now() - seconds * 1000;
  while (received < sent) await new Promise((r) => setImmediate(r));
  const took = (performance.now() - started) / 1000;
  a.close();
  b.close();
  return { packets: received, perSecond: received / took, mbPerSecond: (received * (size + 4)) / took / 1e6 };
}

async function bareRun(size: number): Promise<Figures> {
  const [s1, s2] = await socketPair();
  s1.setNoDelay(true);
  const reader = new PacketReader();
  let received = 0;
  s2.on('data', (d: Buffer) => {
    reader.push(d, () => received++);
  });
  const framed = Buffer.alloc(4 + size, 1);
  framed.writeUInt32BE(size, 0);
  const end = performance.now() + seconds * 1000;
  let sent = 0;
  await new Promise<void>((resolve) => {
    const pump = (): void => {
      while (s1.writableLength < 1024 * 1024) {
        if (performance.now() > end) return resolve();
        for (let i = 0; i < 64; i++) s1.write(framed);
        sent += 64;
      }
    };
    s1.on('drain', pump);
    pump();
  });
  const started = performance.now() - seconds * 1000;
  while (received < sent) await new Promise((r) => setImmediate(r));
  const took = (performance.now() - started) / 1000;
  s1.destroy();
  s2.destroy();
  return { packets: received, perSecond: received / took, mbPerSecond: (received * (size + 4)) / took / 1e6 };
}

function show(what: string, f: Figures): void {
  console.log(
    `${what.padEnd(28)} ${Math.round(f.perSecond).toLocaleString('en').padStart(12)} packets/s ${f.mbPerSecond.toFixed(0).padStart(6)} MB/s`,
  );
}

console.log(`node ${process.version}, ${seconds} s per run, loopback, one direction`);
for (const size of [64, 64 * 1024]) {
  show(`channel ${size} B`, await channelRun(size));
  show(`bare socket ${size} B`, await bareRun(size));
}
