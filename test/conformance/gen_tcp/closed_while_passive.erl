%% Data and the peer's close reach a passive socket; nothing is delivered
%% until {active, once}: first the data, then, on the next once,
%% {tcp_closed, S}.
-module(closed_while_passive).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<"data">>),
    ok = gen_tcp:close(C),
    timer:sleep(30),
    io:format("before: ~w~n", [drain()]),
    ok = inet:setopts(S, [{active, once}]),
    timer:sleep(30),
    io:format("once: ~w~n", [drain()]),
    io:format("setopts: ~w~n", [inet:setopts(S, [{active, once}])]),
    timer:sleep(30),
    io:format("once again: ~w~n", [drain()]),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
