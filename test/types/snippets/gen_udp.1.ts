// docs/gen_udp.md, code block 1, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, match, ok, receive, on, _ } from 'erlts';

// {ok, S} = gen_udp:open(0, [binary, {active, once}]),
// {ok, Port} = inet:port(S),
// {ok, C} = gen_udp:open(0, [binary]),
// ok = gen_udp:send(C, {127,0,0,1}, Port, <<"ping">>),
// receive {udp, S, IP, From, Data} -> io:format("~p from ~p:~p~n", [Data, IP, From]) end
const S = ok(await gen_udp.open(0, ['binary', ['active', 'once']]));
const Port = ok(await inet.port(S));
const C = ok(await gen_udp.open(0, ['binary']));
match('ok', await gen_udp.send(C, [127, 0, 0, 1], Port, Buffer.from('ping')));
await receive(
  on(['udp', S, _, _, _], ([, , IP, From, Data]) => io.format('~p from ~p:~p~n', [Data, IP, From])),
);
