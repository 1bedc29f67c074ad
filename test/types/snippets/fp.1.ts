// docs/fp.md, code block 1, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as fp from 'erlts/fp';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { run } from 'erlts';

// {ok, LSock} = gen_tcp:listen(0, [binary, {active, false}]),
// {ok, Port} = inet:port(LSock),
// {error, econnrefused} = gen_tcp:connect("localhost", 1, [])
const Refused = await run(async () => {
  const Port = await fp.runOrExit(
    pipe(fp.gen_tcp.listen(0, ['binary', ['active', false]]), TE.chainW(fp.inet.port)),
  );
  console.log(`listening on ${Port}`);
  return fp.gen_tcp.connect('localhost', 1, [], 1000)(); // left('econnrefused')
});
console.log(Refused);
