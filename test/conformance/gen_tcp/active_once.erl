%% {active, once}: one message, then the socket is passive (getopts says
%% false) until the next setopts; what arrives meanwhile waits in the socket.
-module(active_once).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {packet, 2}, {active, once}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {packet, 2}, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("~w~n", [inet:getopts(S, [active])]),
    ok = gen_tcp:send(C, <<"one">>),
    ok = gen_tcp:send(C, <<"two">>),
    receive
        {tcp, S, D1} -> io:format("first: ~p~n", [D1])
    after 1000 -> io:format("no data~n")
    end,
    io:format("~w~n", [inet:getopts(S, [active])]),
    receive
        {tcp, S, D2} -> io:format("unexpected: ~p~n", [D2])
    after 50 -> io:format("nothing while passive~n")
    end,
    ok = inet:setopts(S, [{active, once}]),
    receive
        {tcp, S, D3} -> io:format("second: ~p~n", [D3])
    after 1000 -> io:format("no data~n")
    end,
    io:format("~w~n", [inet:getopts(S, [active])]),
    io:format("mailbox: ~w~n", [drain()]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
