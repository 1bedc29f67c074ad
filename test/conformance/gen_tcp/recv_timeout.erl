%% recv with a timeout gives {error, timeout} when nothing comes, leaves the
%% socket usable, and a timeout of 0 polls.
-module(recv_timeout).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("~p~n", [gen_tcp:recv(S, 0, 50)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 0)]),
    io:format("~p~n", [gen_tcp:recv(S, 4, 30)]),
    ok = gen_tcp:send(C, <<"late">>),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:send(C, <<"now">>),
    timer:sleep(30),
    io:format("~p~n", [gen_tcp:recv(S, 0, 0)]),
    io:format("~p~n", [gen_tcp:recv(C, 0, 20)]),
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
