%% {exit_on_close, false} on an active socket: the peer's FIN gives
%% {tcp_closed, S}, but the socket stays open: its options can still be
%% read and a reply still reaches the half-closed peer.
-module(exit_on_close_false_active).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, true}, {exit_on_close, false}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<"question">>),
    ok = gen_tcp:shutdown(C, write),
    timer:sleep(50),
    io:format("~w~n", [drain()]),
    io:format("getopts: ~w~n", [inet:getopts(S, [active, exit_on_close])]),
    io:format("send: ~w~n", [gen_tcp:send(S, <<"answer">>)]),
    io:format("peer: ~p~n", [gen_tcp:recv(C, 0, 1000)]),
    ok = gen_tcp:close(S),
    io:format("peer: ~p~n", [gen_tcp:recv(C, 0, 1000)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
