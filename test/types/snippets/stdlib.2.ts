// docs/stdlib.md, code block 2, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as proplists from 'erlts/proplists';

const opts = ['binary', ['active', 'once'], ['packet', 2]];
proplists.get_value('active', opts); // 'once'
proplists.get_bool('binary', opts); // true
proplists.to_map(opts); // { binary: true, active: 'once', packet: 2 }
