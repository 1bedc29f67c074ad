// docs/distribution.md, code block 3, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import { term_to_binary, binary_to_term, list } from 'erlts';

// term_to_binary({ok, [1, 2]})  -> <<131,104,2,100,0,2,111,107,107,0,2,1,2>>
const B = term_to_binary(['ok', list(1, 2)]);
// binary_to_term(B)             -> {ok,[1,2]}
binary_to_term(B);
