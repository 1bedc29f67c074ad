/**
 * Packet decoding benchmark: MB/s of `erlang:decode_packet/3` looping over a
 * ~1 MiB stream (64-byte and 1 KiB packets for {packet, 1|2|4}, text lines,
 * HTTP requests with 8 headers), and of PacketDecoder taking the same stream
 * in 64 KiB chunks (gen_tcp's path). bench/erl/erlts_decode_bench.erl builds
 * the same streams and runs the same decode_packet loop in Erlang.
 * Prints one JSON line: {"MBps": ..., "decoderMBps": ...}.
 *   node --conditions=erlts-source --import tsx bench/cases/decode-packet.ts p2-64
 *   cases: p1-64 p2-64 p2-1k p4-64 p4-1k line http
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Result = readonly unknown[];
interface PacketModule {
  decode_packet: (type: unknown, bin: Buffer, options: unknown[]) => Result;
  PacketDecoder: new (type: unknown) => { push(chunk: Buffer): void; next(): unknown };
}

// The compiled module under dist/ when run by `npm run bench`, the source under tsx.
const candidates = ['../../dist/runtime/internal/packet/index.js', '../../runtime/internal/packet/index.ts'];
const found = candidates.map((c) => new URL(c, import.meta.url)).find((u) => existsSync(fileURLToPath(u)));
if (found === undefined) throw new Error('packet module not found: run `npm run build` first');
const { decode_packet, PacketDecoder } = (await import(found.href)) as PacketModule;

const STREAM_BYTES = 1 << 20;

function payload(size: number): Buffer {
  const p = Buffer.alloc(size);
  for (let i = 0; i < size; i++) p[i] = (i * 7 + 3) & 0xff;
  return p;
}

function lengthStream(headerBytes: number, size: number): Buffer {
  const packet = Buffer.alloc(headerBytes + size);
  packet.writeUIntBE(size, 0, headerBytes);
  payload(size).copy(packet, headerBytes);
  const count = Math.floor(STREAM_BYTES / packet.length);
  return Buffer.concat(Array.from({ length: count }, () => packet));
}

function lineStream(): Buffer {
  const lines: string[] = [];
  let total = 0;
  for (let k = 0; total < STREAM_BYTES; k++) {
    const line = `line ${k}: ${'x'.repeat((k % 60) + 10)}\n`;
    lines.push(line);
    total += line.length;
  }
  return Buffer.from(lines.join(''), 'latin1');
}

/** The same request text erlts_decode_bench.erl builds. */
export function httpRequest(k: number): string {
  return (
    `GET /index/${k}.html HTTP/1.1\r\n` +
    'Host: www.example.com\r\n' +
    'User-Agent: Mozilla/5.0 (X11; Linux x86_64) erlts-bench/1.0\r\n' +
    'Accept: text/html,application/xhtml+xml\r\n' +
    'Accept-Language: en-US,en;q=0.5\r\n' +
    'Accept-Encoding: gzip, deflate\r\n' +
    'Connection: keep-alive\r\n' +
    'Cookie: session=abc123; theme=dark\r\n' +
    `X-Request-Id: ${k}\r\n` +
    '\r\n'
  );
}

function httpStream(): Buffer {
  const reqs: string[] = [];
  let total = 0;
  for (let k = 0; total < STREAM_BYTES; k++) {
    const r = httpRequest(k);
    reqs.push(r);
    total += r.length;
  }
  return Buffer.from(reqs.join(''), 'latin1');
}

const cases: Record<string, () => [unknown, Buffer]> = {
  'p1-64': () => [1, lengthStream(1, 64)],
  'p2-64': () => [2, lengthStream(2, 64)],
  'p2-1k': () => [2, lengthStream(2, 1024)],
  'p4-64': () => [4, lengthStream(4, 64)],
  'p4-1k': () => [4, lengthStream(4, 1024)],
  line: () => ['line', lineStream()],
  http: () => ['http_bin', httpStream()],
};

const [name = 'p2-64'] = process.argv.slice(2);
const make = cases[name];
if (make === undefined) throw new Error(`unknown case ${name}; one of ${Object.keys(cases).join(' ')}`);
const [type, stream] = make();

/** decode_packet over the whole stream, as the Erlang loop does it. */
function decodeLoop(): number {
  let rest = stream;
  let packets = 0;
  if (type === 'http_bin') {
    let t = 'http_bin';
    for (;;) {
      const r = decode_packet(t, rest, []);
      if (r[0] !== 'ok') return packets;
      const p = r[1];
      if (p === 'http_eoh') t = 'http_bin';
      else if (Array.isArray(p) && p[0] === 'http_request') t = 'httph_bin';
      rest = r[2] as Buffer;
      packets++;
    }
  }
  for (;;) {
    const r = decode_packet(type, rest, []);
    if (r[0] !== 'ok') return packets;
    rest = r[2] as Buffer;
    packets++;
  }
}

/** PacketDecoder fed the stream in 64 KiB chunks, as a socket would. */
function decoderLoop(): number {
  const d = new PacketDecoder(type);
  let packets = 0;
  for (let at = 0; at < stream.length; at += 65536) {
    d.push(stream.subarray(at, at + 65536));
    while (d.next() !== undefined) packets++;
  }
  return packets;
}

function mbps(loop: () => number): number {
  const expected = loop(); // warm-up, and the packet count every round must reach
  let rounds = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < 1000 || rounds < 3) {
    if (loop() !== expected) throw new Error('decoded a different number of packets');
    rounds++;
    elapsed = performance.now() - started;
  }
  return (stream.length * rounds) / (1 << 20) / (elapsed / 1000);
}

console.log(JSON.stringify({ MBps: mbps(decodeLoop), decoderMBps: mbps(decoderLoop) }));
