// README.md, code block 2, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { spawn, receive, on, _, error } from 'erlts';

// {ok, LSock} = gen_tcp:listen(7000, [binary, {active, false}, {reuseaddr, true}])
const Listen = await gen_tcp.listen(7000, ['binary', ['active', false], ['reuseaddr', true]]);
if (Listen[0] !== 'ok') error(['badmatch', Listen]);
const LSock = Listen[1];
for (;;) {
  const Accept = await gen_tcp.accept(LSock);
  if (Accept[0] !== 'ok') error(['badmatch', Accept]);
  const Sock = Accept[1];
  const Pid = spawn(async () => {
    for (;;) {
      await inet.setopts(Sock, [['active', 'once']]);
      const Data = await receive(
        on(['tcp', Sock, _], ([, , D]) => D),
        on(['tcp_closed', Sock], () => null),
      );
      if (Data === null) return;
      await gen_tcp.send(Sock, Data);
    }
  });
  await gen_tcp.controlling_process(Sock, Pid);
}
