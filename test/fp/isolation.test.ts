/**
 * fp-ts is an optional peer dependency: every entry of the built package but `erlts/fp`
 * imports and works in a Node that cannot find fp-ts, and `erlts/fp` itself runs under plain
 * Node (no tsx) where fp-ts is installed. Each check runs in a child `node`, on dist/, as a
 * user's program would. (scripts/check-deps.mjs checks the same statically: only fp/ imports
 * fp-ts.)
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A module resolve hook under which fp-ts is not installed. */
const withoutFpTs = `
export async function resolve(specifier, context, next) {
  if (specifier === 'fp-ts' || specifier.startsWith('fp-ts/')) {
    const e = new Error("Cannot find package 'fp-ts'");
    e.code = 'ERR_MODULE_NOT_FOUND';
    throw e;
  }
  return next(specifier, context);
}`;

/** Runs an ES module program with plain `node` in the package's root; its stdout. */
function node(program: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', program],
      { cwd: root, timeout: 20_000, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) =>
        error === null ? resolve(stdout) : reject(new Error(`${error.message}\n${stderr}`)),
    );
  });
}

describe('erlts/fp and the packages that do not use it', function () {
  this.timeout(30_000);

  before(function () {
    if (!existsSync(join(root, 'dist', 'fp', 'index.js'))) {
      throw new Error(
        'dist/ is missing: these checks run the built package; run `npm run build` (npm test does)',
      );
    }
  });

  it('imports every other entry where fp-ts is not installed; erlts/fp alone asks for it', async () => {
    const out = await node(`
      import { register, createRequire } from 'node:module';
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(withoutFpTs)}));
      const require = createRequire(process.cwd() + '/');
      const entries = Object.keys(require('./package.json').exports)
        .filter((k) => !k.includes('*') && k !== './package.json')
        .map((k) => (k === '.' ? 'erlts' : 'erlts/' + k.slice(2)));
      const result = {};
      for (const entry of entries) {
        try {
          await import(entry);
          result[entry] = 'ok';
        } catch (e) {
          result[entry] = e.code ?? String(e);
        }
      }
      // An erlts program without fp-ts runs: a process, a socket.
      const erlang = await import('erlts');
      const gen_tcp = await import('erlts/gen_tcp');
      result.run = await erlang.run(async () => {
        const [, LS] = await gen_tcp.listen(0, []);
        return gen_tcp.close(LS);
      });
      result.loaded = Object.keys(require.cache).filter((p) => p.includes('fp-ts'));
      console.log(JSON.stringify(result));
    `);
    const result = JSON.parse(out) as Record<string, unknown>;
    const entries = Object.keys(result).filter((k) => k.startsWith('erlts'));
    expect(entries).to.include.members(['erlts', 'erlts/gen_tcp', 'erlts/inet', 'erlts/socket', 'erlts/fp']);
    for (const entry of entries) {
      expect(result[entry], entry).to.equal(entry === 'erlts/fp' ? 'ERR_MODULE_NOT_FOUND' : 'ok');
    }
    expect(result['run']).to.equal('ok');
    expect(result['loaded']).to.deep.equal([]);
  });

  it('runs erlts/fp from dist/ under plain Node where fp-ts is installed', async () => {
    const out = await node(`
      import * as fp from 'erlts/fp';
      import { run } from 'erlts';
      const parsed = fp.inet.parse_address('::1');
      const refused = await run(async () => {
        const LS = await fp.runOrExit(fp.gen_tcp.listen(0, [['ip', [127, 0, 0, 1]]]));
        const Port = await fp.runOrExit(fp.inet.port(LS));
        await fp.runOrExit(fp.gen_tcp.close(LS));
        return fp.gen_tcp.connect([127, 0, 0, 1], Port, [], 2000)();
      });
      console.log(JSON.stringify([parsed, refused]));
    `);
    expect(JSON.parse(out)).to.deep.equal([
      { _tag: 'Right', right: [0, 0, 0, 0, 0, 0, 0, 1] },
      { _tag: 'Left', left: 'econnrefused' },
    ]);
  });
});
