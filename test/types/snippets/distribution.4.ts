// docs/distribution.md, code block 4, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import { float, io, is_float } from 'erlts';
// erlang:float(1) =:= 1.0, 1.0 =/= 1, 1.0 == 1
const F = float(1);
is_float(F);      // true
io.format('~w~n', [F]);  // 1.0
