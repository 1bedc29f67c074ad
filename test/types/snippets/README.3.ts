// README.md, code block 3, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { type Port, _, is, is_integer, match, ok, on, receive, run } from 'erlts';

// server() ->
//     {ok, S} = gen_udp:open(5514, [binary, {active, 100}]),
//     loop(S).
// loop(S) ->
//     receive
//         {udp, S, IP, Port, Data} when is_integer(Port) ->
//             ok = gen_udp:send(S, IP, Port, Data), loop(S);
//         {udp_passive, S} -> ok = inet:setopts(S, [{active, 100}]), loop(S)
//     end.
async function loop(S: Port): Promise<never> {
  return receive(
    on(['udp', S, is(inet.is_ip_address), is(is_integer), _], async ([, , IP, Port, Data]) => {
      match('ok', await gen_udp.send(S, IP, Port, Data));
      return loop(S);
    }),
    on(['udp_passive', S], async () => {
      match('ok', await inet.setopts(S, [['active', 100]]));
      return loop(S);
    }),
  );
}

await run(async () => loop(ok(await gen_udp.open(5514, ['binary', ['active', 100]]))));
