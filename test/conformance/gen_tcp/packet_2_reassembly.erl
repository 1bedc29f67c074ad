%% A {packet, 2} receiver reassembles packets from however the bytes arrive:
%% a header split from its body, two packets in one segment, a zero-length
%% packet.
-module(packet_2_reassembly).
-export([main/0]).

main() ->
    LS = ok(gen_tcp:listen(0, [binary, {active, false}, {packet, 2}])),
    Port = ok(inet:port(LS)),
    C = ok(gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}])),
    S = ok(gen_tcp:accept(LS)),
    ok = gen_tcp:send(C, <<0>>),
    timer:sleep(20),
    ok = gen_tcp:send(C, <<3, "ab">>),
    timer:sleep(20),
    ok = gen_tcp:send(C, <<"c", 0, 1, "d", 0, 0, 0, 2>>),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    io:format("~p~n", [gen_tcp:recv(S, 0, 50)]),
    ok = gen_tcp:send(C, <<"ef">>),
    io:format("~p~n", [gen_tcp:recv(S, 0, 1000)]),
    ok = inet:setopts(S, [{active, true}]),
    ok = gen_tcp:send(C, <<0, 1, "x", 0, 2, "yz">>),
    timer:sleep(30),
    io:format("~w~n", [drain()]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(LS).

ok({ok, X}) -> X.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
