// docs/socket.md, code block 1, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as socket from 'erlts/socket';
import { io, match, ok } from 'erlts';

// {ok, LS} = socket:open(inet, stream, tcp),
// ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
// ok = socket:listen(LS),
// {ok, #{port := Port}} = socket:sockname(LS),
// io:format("listening on ~p~n", [Port])
const LS = ok(await socket.open('inet', 'stream', 'tcp'));
match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
match('ok', await socket.listen(LS));
const { port: Port } = ok(await socket.sockname(LS));
io.format('listening on ~p~n', [Port]);
