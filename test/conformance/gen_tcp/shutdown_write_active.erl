%% shutdown(C, write) on an active socket: C can no longer send; the peer
%% reads to the end, and with the default exit_on_close its socket closes
%% there (its reply fails with closed), so C gets {tcp_closed, C}.
-module(shutdown_write_active).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, true}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<"ping">>),
    io:format("shutdown: ~w~n", [gen_tcp:shutdown(C, write)]),
    io:format("send after shutdown: ~w~n", [gen_tcp:send(C, <<"more">>)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:send(S, <<"pong">>)]),
    timer:sleep(30),
    io:format("~w~n", [drain()]),
    ok = gen_tcp:close(S),
    timer:sleep(30),
    io:format("~w~n", [drain()]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
