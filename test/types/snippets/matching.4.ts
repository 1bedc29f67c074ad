// docs/matching.md, code block 4, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import { bin } from 'erlts';
const [x, payload] = [-2, Buffer.from('abcdef')];

bin`1, 2:16, "abc", ${x}:8/signed`; // <<1, 0, 2, 97, 98, 99, 254>>
bin`${-1}:16`; // <<255, 255>>: integers wrap to the size, as in Erlang
bin`${2n ** 64n - 1n}:64`; // integers past 2^53 are bigints (DESIGN §2)
bin`${0x20ac}/utf8, ${1.5}:32/float-little`;
bin`${payload}:4/binary`; // the first 4 bytes of payload
