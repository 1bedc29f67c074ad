%% A {packet, 4} packet much larger than a TCP segment arrives as one
%% message in active once mode, and as one recv in passive mode.
-module(packet_4_large).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, once}, {packet, 4}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 4}])),
    S = ok(gen_tcp:accept(LS)),
    Big = list_to_binary([X rem 251 || X <- lists:seq(1, 300000)]),
    ok = gen_tcp:send(C, Big),
    ok = gen_tcp:send(C, <<"small">>),
    receive
        {tcp, S, D} -> io:format("active once: ~w bytes, same: ~w~n", [byte_size(D), D =:= Big])
    after 2000 -> io:format("no data~n")
    end,
    io:format("then: ~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = gen_tcp:send(S, Big),
    {ok, Back} = gen_tcp:recv(C, 0, 2000),
    io:format("passive: ~w bytes, same: ~w~n", [byte_size(Back), Back =:= Big]),
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
