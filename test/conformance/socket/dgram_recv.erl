%% socket:recv on a dgram socket gives the data of one datagram without its
%% source: recv/1, recv/2 (Length 0 for the whole datagram, N to cut it),
%% recv/3 with a timeout.
-module(dgram_recv).
-export([main/0]).

main() ->
    {A, SA} = bound(),
    {ok, B} = socket:open(inet, dgram, udp),
    [ok = socket:sendto(B, X, SA) || X <- [<<"first">>, <<"second">>, <<"third one">>, <<"4th">>]],
    io:format("~w~n", [socket:recv(A)]),
    io:format("~w~n", [socket:recv(A, 0)]),
    io:format("~w~n", [socket:recv(A, 5)]),
    io:format("~w~n", [socket:recv(A, 10, 1000)]),
    io:format("~w~n", [socket:recv(A, 0, 50)]),
    [ok = socket:close(X) || X <- [A, B]],
    ok.

bound() ->
    {ok, S} = socket:open(inet, dgram, udp),
    ok = socket:bind(S, #{family => inet, addr => loopback, port => 0}),
    {ok, SA} = socket:sockname(S),
    {S, SA}.
