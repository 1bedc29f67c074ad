%% The peer closes while the socket is active: the data it sent first
%% arrives, then {tcp_closed, S}; afterwards send and recv say closed.
-module(peer_close_active).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, true}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<"last words">>),
    ok = gen_tcp:close(C),
    timer:sleep(50),
    io:format("~w~n", [drain()]),
    io:format("send: ~w~n", [gen_tcp:send(S, <<"x">>)]),
    io:format("recv: ~w~n", [gen_tcp:recv(S, 0, 100)]),
    io:format("close: ~w~n", [gen_tcp:close(S)]),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
