// What one idle process, or one idle {active, once} connection, keeps on the heap, by kind of
// object: two heap snapshots, before and after N of them, and the difference per one. Runs
// against dist/ (npm run build first), on whichever Node runs it:
//
//   node scripts/heap-breakdown.mjs process [N]      # N processes waiting in receive()
//   node scripts/heap-breakdown.mjs connection [N]   # N accepted sockets, each owned by a
//                                                    # process in {active, once} waiting in
//                                                    # receive (the client ends are in the same
//                                                    # heap: the Node socket rows count both)
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { implicit_context, ok, on, receive, run, spawn, timer } from 'erlts';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';

const [what = 'process', nArg] = process.argv.slice(2);
const n = Number(nArg ?? (what === 'process' ? 10_000 : 2_000));
const dir = mkdtempSync(join(tmpdir(), 'erlts-heap-'));

/** Count and bytes of the snapshot's objects, by type and constructor name. */
function kinds(file) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out = new Map();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const key = `${types[snap.nodes[i + type]]} ${snap.strings[snap.nodes[i + name]].slice(0, 40)}`;
    const e = out.get(key) ?? { count: 0, bytes: 0 };
    e.count++;
    e.bytes += snap.nodes[i + size];
    out.set(key, e);
  }
  return out;
}

async function snapshotAround(make) {
  await timer.sleep(20);
  const first = writeHeapSnapshot(join(dir, 'before.heapsnapshot'));
  await make();
  await timer.sleep(200);
  // Both taken before either is read: what reading makes is in neither.
  const second = writeHeapSnapshot(join(dir, 'after.heapsnapshot'));
  const before = kinds(first);
  const after = kinds(second);
  const rows = [];
  for (const [key, { count, bytes }] of after) {
    const b = before.get(key) ?? { count: 0, bytes: 0 };
    if (Math.abs(bytes - b.bytes) >= n * 8) rows.push([key, (count - b.count) / n, (bytes - b.bytes) / n]);
  }
  return rows.sort((x, y) => y[2] - x[2]);
}

const clients = [];
const rows = await run(async () => {
  if (what === 'process') {
    const idle = () => receive();
    return snapshotAround(async () => {
      for (let i = 0; i < n; i++) spawn(idle);
    });
  }
  const listen = ok(await gen_tcp.listen(0, ['binary', ['active', 'once'], ['ip', [127, 0, 0, 1]]]));
  const port = ok(await inet.port(listen));
  const acceptor = async () => {
    const s = ok(await gen_tcp.accept(listen));
    spawn(acceptor);
    await receive(on(['tcp_closed', s]));
  };
  spawn(acceptor);
  return snapshotAround(async () => {
    for (let i = 0; i < n; i++)
      await new Promise((resolve) => clients.push(connect(port, '127.0.0.1', () => resolve())));
  });
});
rmSync(dir, { recursive: true, force: true });
console.log(`node ${process.version}, ${implicit_context}: per ${what}, ${n} of them`);
let total = 0;
for (const [key, count, bytes] of rows) {
  total += bytes;
  console.log(`${count.toFixed(2).padStart(6)} ${bytes.toFixed(0).padStart(6)} B  ${key}`);
}
console.log(`${''.padStart(6)} ${total.toFixed(0).padStart(6)} B  in all`);
process.exit(0);
