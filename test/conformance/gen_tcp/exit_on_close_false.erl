%% {exit_on_close, false}: after the peer's FIN, recv says closed but the
%% socket stays open for sending, so a reply still reaches a peer that only
%% shut down its write side.
-module(exit_on_close_false).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}, {exit_on_close, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    io:format("~w~n", [inet:getopts(S, [exit_on_close])]),
    ok = gen_tcp:send(C, <<"request">>),
    ok = gen_tcp:shutdown(C, write),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("reply: ~p~n", [gen_tcp:send(S, <<"reply">>)]),
    ok = gen_tcp:close(S),
    io:format("~p~n", [gen_tcp:recv(C, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(C, 0, 1000)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.
