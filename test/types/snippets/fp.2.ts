// docs/fp.md, code block 2, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as fp from 'erlts/fp';
import * as E from 'fp-ts/lib/Either.js';
import * as inet from 'erlts/inet';
import { whereis } from 'erlts';

// case inet:parse_address("::1") of {ok, IP} -> IP; {error, einval} -> none end
const IP = fp.fromResult(inet.parse_address('::1')); // Either<'einval', inet.ip_address>
const Back = fp.toResult(IP); // ['ok', [0, 0, 0, 0, 0, 0, 0, 1]]
const Bare = fp.toResult(E.right(undefined)); // 'ok'
// case whereis(db) of undefined -> none; Pid -> {some, Pid} end
const Db = fp.fromUndefinedAtom(whereis('db')); // Option<Pid>
console.log(Back, Bare, Db);
