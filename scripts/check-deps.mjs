#!/usr/bin/env node
// Checks the direction of dependencies between the top-level modules (STYLE.md):
//   runtime ← inet ← gen_tcp, gen_udp, socket;  runtime ← net_kernel ← net_adm;  erpc ← rpc;  examples/ and bench/ use public entries only;
//   library code outside runtime/ reaches the runtime's internals only through one API module:
//   the network modules its driver API (runtime/internal/driver-api.ts), the stdlib ports and
//   test plugins its library API (runtime/internal/library-api.ts);
//   test/ uses public entries, except unit tests of pure internals (framing,
//   formatting), which feed those units directly as STYLE.md asks;
//   fp-ts, an optional peer dependency, is imported by fp/ alone in the library, so importing
//   any other entry never loads it (test/fp/isolation.test.ts checks the built package too);
// and that the import graph has no cycle. Plain Node, no dependency.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const modules = [
  'runtime',
  'inet',
  'gen_tcp',
  'gen_udp',
  'socket',
  'stdlib',
  'testing',
  'sim',
  'fp',
  'net_kernel',
  'erpc',
  'rpc',
  'net_adm',
];
const allowed = {
  runtime: [],
  inet: ['runtime'],
  gen_tcp: ['runtime', 'inet'],
  gen_udp: ['runtime', 'inet'],
  socket: ['runtime', 'inet'],
  stdlib: ['runtime'],
  testing: ['runtime', 'inet', 'gen_tcp', 'socket'],
  sim: ['runtime'],
  fp: ['runtime', 'inet', 'gen_tcp', 'gen_udp', 'socket', 'stdlib'],
  net_kernel: ['runtime'],
  erpc: ['runtime'],
  rpc: ['runtime', 'erpc'],
  net_adm: ['runtime', 'stdlib', 'net_kernel'],
};
/** The one runtime internal each library folder may import (besides the public entry). */
const runtimeApi = {
  inet: 'runtime/internal/driver-api.ts',
  gen_tcp: 'runtime/internal/driver-api.ts',
  gen_udp: 'runtime/internal/driver-api.ts',
  socket: 'runtime/internal/driver-api.ts',
  stdlib: 'runtime/internal/library-api.ts',
  testing: 'runtime/internal/library-api.ts',
  sim: 'runtime/internal/sim-api.ts',
  fp: 'runtime/internal/library-api.ts',
  net_kernel: 'runtime/internal/dist-api.ts',
  erpc: 'runtime/internal/library-api.ts',
  rpc: 'runtime/internal/library-api.ts',
  net_adm: 'runtime/internal/library-api.ts',
};
/** The library folders that may import an optional peer dependency. */
const peerImporters = { 'fp-ts': ['fp'] };

function files(dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(files(path));
    else if (/\.(ts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const importRe =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const problems = [];
const graph = new Map();

for (const top of [...modules, 'examples', 'test', 'bench']) {
  for (const file of files(join(root, top))) {
    const text = readFileSync(file, 'utf8');
    const rel = relative(root, file);
    const edges = [];
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2];
      const peer = Object.keys(peerImporters).find((p) => spec === p || spec.startsWith(`${p}/`));
      if (peer !== undefined && modules.includes(top) && !peerImporters[peer].includes(top)) {
        problems.push(`${rel} imports ${spec}: only ${peerImporters[peer].join(', ')}/ may import ${peer}`);
      }
      // Type-only imports are erased: they make no runtime edge.
      if (/^\s*(?:import|export)\s+type\s/.test(m[0])) continue;
      if (!spec.startsWith('.')) continue;
      const target = relative(root, resolve(dirname(file), spec)).replace(/\.js$/, '.ts');
      const targetTop = target.split('/')[0];
      edges.push(target);
      if (
        modules.includes(top) &&
        modules.includes(targetTop) &&
        targetTop !== top &&
        !allowed[top].includes(targetTop)
      ) {
        problems.push(`${rel} imports ${spec}: ${top} may not depend on ${targetTop}`);
      }
      if (
        modules.includes(top) &&
        top !== 'runtime' &&
        targetTop === 'runtime' &&
        target !== runtimeApi[top] &&
        target !== 'runtime/index.ts'
      ) {
        problems.push(
          `${rel} imports ${spec}: ${top}/ may use only ${runtimeApi[top]} of the runtime's internals`,
        );
      }
      if (modules.includes(top) && targetTop !== top && !modules.includes(targetTop)) {
        problems.push(`${rel} imports ${spec}, outside the library`);
      }
      if (['examples', 'bench'].includes(top) && modules.includes(targetTop)) {
        problems.push(`${rel} imports ${spec}: ${top}/ must import the public entry (erlts, erlts/...)`);
      }
    }
    graph.set(rel, edges);
  }
}

// Cycle check over the library's files (runtime edges only).
const state = new Map();
function visit(node, stack) {
  if (state.get(node) === 2) return;
  if (state.get(node) === 1) {
    const cycle = stack.slice(stack.indexOf(node)).concat(node);
    problems.push(`import cycle: ${cycle.join(' -> ')}`);
    return;
  }
  state.set(node, 1);
  for (const next of graph.get(node) ?? []) if (graph.has(next)) visit(next, stack.concat(node));
  state.set(node, 2);
}
for (const node of graph.keys()) if (modules.includes(node.split('/')[0])) visit(node, []);

if (problems.length > 0) {
  console.error(`dependency check failed:\n  ${[...new Set(problems)].join('\n  ')}`);
  process.exit(1);
}
console.log(`dependency check: ${graph.size} files, directions and cycles ok`);
