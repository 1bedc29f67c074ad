// docs/socket.md, code block 1, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as socket from 'erlts/socket';
import { error, io } from 'erlts';

// {ok, LS} = socket:open(inet, stream, tcp),
// ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
// ok = socket:listen(LS),
// {ok, #{port := Port}} = socket:sockname(LS),
// io:format("listening on ~p~n", [Port])
const Open = await socket.open('inet', 'stream', 'tcp');
if (Open[0] !== 'ok') error(['badmatch', Open]);
const LS = Open[1];
await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 });
await socket.listen(LS);
const Name = await socket.sockname(LS);
if (Name[0] !== 'ok') error(['badmatch', Name]);
io.format('listening on ~p~n', [Name[1].port]);
