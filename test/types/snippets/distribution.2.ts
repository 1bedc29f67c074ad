// docs/distribution.md, code block 2, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import { code } from 'erlts';
// kv.ts, an ES module: export function get(Key: string) { ... }
const kv = { get: (Key: string) => ['ok', Key] };

code.register_module('kv', kv); // now rpc:call('ts@host', kv, get, [Key]) works from erl
