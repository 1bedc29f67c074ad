%% socket:recv(S, 0, nowait) on a dgram socket: the select_info's tag, the
%% select message, and recv again reading the datagram.
-module(dgram_recv_nowait).
-export([main/0]).

main() ->
    {A, SA} = bound(),
    {ok, B} = socket:open(inet, dgram, udp),
    {select, {select_info, Tag, H} = SI} = socket:recv(A, 0, nowait),
    io:format("~w ~w~n", [SI, Tag]),
    ok = socket:sendto(B, <<"later">>, SA),
    receive
        {'$socket', A, select, H} = M -> io:format("~w~n", [M])
    after 1000 -> io:format("no select message~n")
    end,
    io:format("~w~n", [socket:recv(A, 0, nowait)]),
    [ok = socket:close(X) || X <- [A, B]],
    ok.

bound() ->
    {ok, S} = socket:open(inet, dgram, udp),
    ok = socket:bind(S, #{family => inet, addr => loopback, port => 0}),
    {ok, SA} = socket:sockname(S),
    {S, SA}.
