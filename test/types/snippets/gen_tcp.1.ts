// docs/gen_tcp.md, code block 1, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok } from 'erlts';

// {ok, LSock} = gen_tcp:listen(0, [binary, {active, once}, {packet, 2}]),
// io:format("~p~n", [inet:port(LSock)])       % {ok,40321}
const LSock = ok(await gen_tcp.listen(0, ['binary', ['active', 'once'], ['packet', 2]]));
io.format('~p~n', [await inet.port(LSock)]);
