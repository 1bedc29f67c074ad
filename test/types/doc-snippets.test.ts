/**
 * The documentation's TypeScript compiles: every ```ts block of README.md, docs/gen_tcp.md,
 * docs/gen_udp.md, docs/socket.md, docs/stdlib.md, docs/matching.md, docs/fp.md and docs/distribution.md is kept, as
 * it is, in test/types/snippets/, which `npm run typecheck` compiles under the project's strict
 * tsconfig. This test fails when a block and its file differ; to bring the files up to date, run
 * it with ERLTS_WRITE_SNIPPETS=1.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const snippets = join(root, 'test', 'types', 'snippets');
const documents = [
  'README.md',
  'docs/gen_tcp.md',
  'docs/gen_udp.md',
  'docs/socket.md',
  'docs/stdlib.md',
  'docs/matching.md',
  'docs/fp.md',
  'docs/distribution.md',
];

/** The ```ts blocks of a markdown text, in order. */
function blocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}

/** The file a document's `n`th block (from 1) is kept in, and what it holds. */
function expected(): Map<string, string> {
  const files = new Map<string, string>();
  for (const doc of documents) {
    blocks(readFileSync(join(root, doc), 'utf8')).forEach((code, i) => {
      const name = `${doc.replace(/^docs\//, '').replace(/\.md$/, '')}.${i + 1}.ts`;
      files.set(
        name,
        `// ${doc}, code block ${i + 1}, kept here by test/types/doc-snippets.test.ts so that\n` +
          '// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).\n' +
          code,
      );
    });
  }
  return files;
}

describe('the documentation’s TypeScript', () => {
  it('is kept in test/types/snippets/, block by block, so the type check compiles it', () => {
    const want = expected();
    if (process.env['ERLTS_WRITE_SNIPPETS'] === '1') {
      if (existsSync(snippets)) rmSync(snippets, { recursive: true });
      mkdirSync(snippets, { recursive: true });
      for (const [name, text] of want) writeFileSync(join(snippets, name), text);
    }
    expect(want.size).to.be.greaterThan(0);
    const have = existsSync(snippets) ? readdirSync(snippets).sort() : [];
    expect(have, 'snippet files (run with ERLTS_WRITE_SNIPPETS=1)').to.deep.equal([...want.keys()].sort());
    for (const [name, text] of want) {
      expect(
        readFileSync(join(snippets, name), 'utf8'),
        `${name} (run with ERLTS_WRITE_SNIPPETS=1)`,
      ).to.equal(text);
    }
  });
});
