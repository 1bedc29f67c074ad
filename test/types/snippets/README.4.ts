// README.md, code block 4, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import { code, list, self, send } from 'erlts';
import * as net_kernel from 'erlts/net_kernel';
import * as net_adm from 'erlts/net_adm';
import * as rpc from 'erlts/rpc';
import * as gen_server from 'erlts/gen_server';

await net_kernel.start(['ts', 'shortnames']); // net_kernel:start([ts, shortnames])
await net_adm.ping('b@myhost'); // pong
send(['echo', 'b@myhost'], [self(), 'hello']); // {echo, 'b@myhost'} ! {self(), hello}
await rpc.call('b@myhost', 'lists', 'reverse', [list(1, 2, 3)]); // [3,2,1], run on the BEAM node
await gen_server.call(['kv', 'b@myhost'], ['get', 'k']); // gen_server:call({kv, 'b@myhost'}, {get, k})
// -module(greeter). -export([hello/1]). hello(Name) -> {hello, Name}.
const greeter = { hello: (Name: string) => ['hello', Name] };
code.register_module('greeter', greeter); // rpc:call('ts@myhost', greeter, hello, [joe]) from erl
