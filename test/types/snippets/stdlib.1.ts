// docs/stdlib.md, code block 1, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as lists from 'erlts/lists';
import { list } from 'erlts';

lists.keysort(2, [['b', 2], ['a', 1]]); // list(['a', 1], ['b', 2])
lists.foldl((X: number, Sum: number) => X + Sum, 0, [1, 2, 3]); // 6
lists.sort((A: number, B: number) => A >= B, list(2, 3, 1)); // list(3, 2, 1)
