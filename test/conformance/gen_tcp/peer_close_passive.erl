%% The peer closes a passive socket's connection: recv returns the data sent
%% before the close, then {error, closed}, and keeps saying so.
-module(peer_close_passive).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [list, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [list, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, "pending"),
    ok = gen_tcp:close(C),
    timer:sleep(30),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("send: ~p~n", [gen_tcp:send(S, "x")]),
    io:format("mailbox: ~w~n", [drain()]),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
