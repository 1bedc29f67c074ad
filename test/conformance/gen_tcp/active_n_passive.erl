%% {active, N}: N messages, then {tcp_passive, S} and the socket is passive;
%% a later {active, N} resumes delivery of what waited in the socket.
-module(active_n_passive).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {packet, 2}, {active, 3}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {packet, 2}, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("~w~n", [inet:getopts(S, [active])]),
    [ok = gen_tcp:send(C, [I]) || I <- [1, 2, 3, 4, 5]],
    timer:sleep(50),
    io:format("~w~n", [drain()]),
    io:format("~w~n", [inet:getopts(S, [active])]),
    ok = inet:setopts(S, [{active, 1}]),
    timer:sleep(50),
    io:format("~w~n", [drain()]),
    ok = inet:setopts(S, [{active, 5}]),
    timer:sleep(50),
    io:format("~w~n", [drain()]),
    io:format("~w~n", [inet:getopts(S, [active])]),
    ok = gen_tcp:send(C, [6]),
    timer:sleep(50),
    io:format("~w~n", [drain()]),
    io:format("~w~n", [inet:getopts(S, [active])]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
