/**
 * The distribution's example runs as a user runs it — `node examples/kv_cluster.js` against the
 * built package — and prints its whole transcript: two erlts nodes and an erl node sharing the
 * replicated kv service, or the two erlts nodes alone where erl is missing. Each run meets at an
 * EPMD port of its own (ERL_EPMD_PORT), which the example's first node serves.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './dist/support.js';
import { erlangAvailable, noErlang } from './support/erlang.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const host = hostname().split('.')[0] ?? '';
const [A, B, C] = ['kv_a', 'kv_b', 'kv_c'].map((n) => `${n}@${host}`);

/** Runs `node examples/kv_cluster.js` to its end with `env` added; what it printed. */
function runCluster(env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(root, 'examples', 'kv_cluster.js')],
      { cwd: root, env: { ...process.env, ...env }, timeout: 45_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`kv_cluster.js failed: ${error.message}\n${stdout}${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}

describe('examples: the distribution', function () {
  this.timeout(60_000);

  before(function () {
    if (!existsSync(join(root, 'dist', 'net_kernel', 'index.js'))) {
      throw new Error(
        'dist/ is missing: examples run the built package; run `npm run build` (npm test does)',
      );
    }
  });

  it('kv_cluster.js: erl reads and writes the kv gen_servers of two erlts nodes, which replicate puts', async function () {
    if (!erlangAvailable()) {
      console.log(`      ${noErlang}`);
      this.skip();
    }
    const port = await freePort();
    const { stdout, stderr } = await runCluster({ ERL_EPMD_PORT: String(port) });
    expect(stdout).to.equal(
      [
        `no EPMD on port ${port}: kv_a serves one`,
        `nodes ${A}, ${B}, ${C}`,
        `${A}: kv:put(color, blue) -> ok`,
        `${B}: replicated color = blue from ${A}`,
        `${B}: kv:get(color) -> {ok,blue}`,
        `${C}: gen_server:call({kv, '${A}'}, {get, color}) -> {ok,blue}`,
        `${C}: gen_server:call({kv, '${B}'}, {put, size, 42}) -> ok`,
        `${A}: replicated size = 42 from ${B}`,
        `${C}: rpc:call('${A}', kv, keys, []) -> [color,size]`,
        `${B}: rpc:call(${C}, gen_server, call, [{kv,${A}},{get,size}]) -> {ok,42}`,
        `${A}: kv:keys() -> [color,size]`,
        `${C}: stopped`,
        `${B}: stopped`,
        `${A}: stopped`,
        '',
      ].join('\n'),
    );
    expect(stderr).to.equal('');
  });

  it('kv_cluster.js without erl: the two erlts nodes alone, and it says so', async () => {
    const port = await freePort();
    const { stdout, stderr } = await runCluster({
      ERL_EPMD_PORT: String(port),
      ERL: join(root, 'no-such-erl'),
    });
    expect(stdout).to.equal(
      [
        `no EPMD on port ${port}: kv_a serves one`,
        'erl is not installed: the cluster is the two erlts nodes',
        `nodes ${A}, ${B}`,
        `${A}: kv:put(color, blue) -> ok`,
        `${B}: replicated color = blue from ${A}`,
        `${B}: kv:get(color) -> {ok,blue}`,
        `${B}: kv:put(size, 42) -> ok`,
        `${A}: replicated size = 42 from ${B}`,
        `${A}: rpc:call(${B}, kv, keys, []) -> [color,size]`,
        `${A}: kv:keys() -> [color,size]`,
        `${B}: stopped`,
        `${A}: stopped`,
        '',
      ].join('\n'),
    );
    expect(stderr).to.equal('');
  });
});
