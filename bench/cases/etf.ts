/**
 * External term format benchmark: MB/s of term_to_binary and binary_to_term over one corpus,
 * item by item, as a program sends and receives messages. bench/erl/erlts_etf_bench.erl builds
 * the same corpus and runs OTP's BIFs over it; `erlpack` (npm, a native addon) runs here when it
 * is installed and built, on the terms it can handle.
 * Prints one JSON line: {"encodeMBps": ..., "decodeMBps": ..., "bytes": ...}.
 *   node bench/cases/etf.js erlts mixed     # or erlpack; cases below
 *   cases: small string bin64 bin64k map nested ids mixed
 */
import { createRequire } from 'node:module';
import { List, binary_to_term, make_ref, self, term_to_binary } from 'erlts';

type Codec = { encode: (t: unknown) => Buffer; decode: (b: Buffer) => unknown };

function toList<T>(items: readonly T[]): List<T> {
  const l = new List<T>();
  for (const x of items) l.push(x);
  return l;
}

const text = (s: string): List<number> => toList([...Buffer.from(s, 'latin1')]);
const bytes = (n: number, k: number): Buffer => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7 + k) & 0xff;
  return b;
};

/** The corpus, item for item as erlts_etf_bench.erl builds it. */
const corpus: Record<string, () => unknown[]> = {
  small: () => Array.from({ length: 1000 }, (_, i) => ['ok', i, 'hello', -7 * i]),
  string: () => Array.from({ length: 1000 }, (_, i) => text(`hello world, this is string number ${i}`)),
  bin64: () => Array.from({ length: 1000 }, (_, i) => bytes(64, i)),
  bin64k: () => Array.from({ length: 16 }, (_, i) => bytes(65536, i)),
  map: () =>
    Array.from({ length: 1000 }, (_, i) => ({
      active: true,
      age: i % 100,
      name: Buffer.from(`user ${i}`),
      tags: toList(['a', 'b', 'c']),
    })),
  nested: () =>
    Array.from({ length: 200 }, (_, i) =>
      toList([toList([1, 2, 3]), toList([4, toList([5, 6, toList([i])])]), ['x', toList([8, 9])]]),
    ),
  ids: () => Array.from({ length: 1000 }, () => [self(), make_ref()]),
};
corpus.mixed = () =>
  ['small', 'string', 'bin64', 'bin64k', 'map', 'nested', 'ids'].flatMap((k) => corpus[k]!());

const erlts: Codec = { encode: (t) => term_to_binary(t), decode: (b) => binary_to_term(b) };

/** erlpack, if it is installed and its addon built for this Node; else null. */
function erlpack(): Codec | null {
  try {
    const e = createRequire(import.meta.url)('erlpack') as {
      pack(t: unknown): Buffer;
      unpack(b: Buffer): unknown;
    };
    return { encode: (t) => e.pack(t), decode: (b) => e.unpack(b) };
  } catch {
    return null;
  }
}

const [impl = 'erlts', name = 'mixed'] = process.argv.slice(2);
const make = corpus[name];
if (make === undefined) throw new Error(`unknown case ${name}; one of ${Object.keys(corpus).join(' ')}`);
const codec = impl === 'erlpack' ? erlpack() : erlts;
if (codec === null) {
  console.log(JSON.stringify({ unavailable: 1 }));
  process.exit(0);
}
const items = make();
// The bytes both directions work on are erlts's (OTP's) encoding; erlpack decodes the same bytes.
let encoded: Buffer[];
try {
  encoded = items.map((t) => term_to_binary(t));
  for (const b of encoded) codec.decode(b);
} catch {
  // erlpack cannot read NEW_PID_EXT or NEWER_REFERENCE_EXT.
  console.log(JSON.stringify({ unavailable: 1 }));
  process.exit(0);
}
const total = encoded.reduce((n, b) => n + b.length, 0);

function mbps(round: () => number): number {
  round(); // warm-up
  let rounds = 0;
  let bytesDone = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < 1000 || rounds < 3) {
    bytesDone += round();
    rounds++;
    elapsed = performance.now() - started;
  }
  return bytesDone / (1 << 20) / (elapsed / 1000);
}

const encodeMBps = mbps(() => {
  let n = 0;
  for (const t of items) n += codec.encode(t).length;
  return n;
});
const decodeMBps = mbps(() => {
  for (const b of encoded) codec.decode(b);
  return total;
});
console.log(JSON.stringify({ encodeMBps, decodeMBps, bytes: total }));
