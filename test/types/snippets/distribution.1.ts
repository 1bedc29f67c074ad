// docs/distribution.md, code block 1, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import { node, nodes, send, self } from 'erlts';
import * as net_kernel from 'erlts/net_kernel';
import * as net_adm from 'erlts/net_adm';

await net_kernel.start('ts', { name_domain: 'shortnames' }); // ts@<short host name>
await net_adm.ping('b@myhost');                              // 'pong'
send(['echo', 'b@myhost'], [self(), 'hello']);               // {echo, 'b@myhost'} ! {self(), hello}
node();                                                      // 'ts@myhost'
nodes();                                                     // ['b@myhost']
