// docs/matching.md, code block 5, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import { bin, matchBinary } from 'erlts';

type Frame = { Len: number; Data: Buffer; Rest: Buffer };
function frame(packet: Buffer): Frame | 'nomatch' {
  const m = matchBinary(bin<Frame>`Len:32, Data:Len/binary, Rest/binary`, packet);
  if (m === null) return 'nomatch';
  return m;
}
void frame;
