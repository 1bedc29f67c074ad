%% A passive socket in list mode: recv(S, 0) returns what is there as a
%% string, whatever iodata the peer sent (a binary, a string, a deep list).
-module(passive_recv_list).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [list, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<"abc">>),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:send(C, "def"),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:send(C, [$g, [<<"hi">>, "j"], <<>>, [[]]]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:send(C, <<0, 1, 255, 200>>),
    io:format("~w~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:send(S, "back"),
    io:format("~p~n", [gen_tcp:recv(C, 0, 1000)]),
    io:format("~w~n", [inet:getopts(S, [mode, active])]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
