%% Messages keep their order around the {active, N} boundary: with
%% {active, 1}, a peer that sends two packets and closes gives one tcp
%% message and tcp_passive; the next {active, N} gives the second packet
%% and then tcp_closed.
-module(active_n_then_closed).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, 1}, {packet, 2}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 2}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<"one">>),
    ok = gen_tcp:send(C, <<"two">>),
    ok = gen_tcp:close(C),
    timer:sleep(50),
    io:format("~w~n", [drain()]),
    ok = inet:setopts(S, [{active, 5}]),
    timer:sleep(50),
    io:format("~w~n", [drain()]),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
