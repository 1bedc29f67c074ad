// docs/matching.md, code block 3, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import { bin, match } from 'erlts';

const [Id, Len, Payload] = [7, 5, Buffer.from('hello')];
const Frame = bin`${Id}:32, ${Len}:16/little, ${Payload}/binary`;
const { Id2, Len2, Rest } = match(
  bin<{ Id2: number; Len2: number; Rest: Buffer }>`Id2:32, Len2:16/little, Rest/binary`,
  Frame,
);
void [Id2, Len2, Rest];
