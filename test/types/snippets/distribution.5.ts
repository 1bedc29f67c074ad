// docs/distribution.md, code block 5, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import { self } from 'erlts';
import * as global from 'erlts/global';
// yes = global:register_name(db, self()),
// Pid = global:whereis_name(db),
// global:send(db, {get, key})
await global.register_name('db', self());
global.whereis_name('db'); // Pid
global.send('db', ['get', 'key']);
