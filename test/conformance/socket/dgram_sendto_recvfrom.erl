%% socket:sendto/3 and recvfrom/3 on inet dgram sockets: the receiver gets
%% the data with the sender's sockaddr map as its source, replies to that
%% source, and each datagram keeps its edges (an empty one too, and iodata
%% sent as one).
-module(dgram_sendto_recvfrom).
-export([main/0]).

main() ->
    {A, SA} = bound(),
    {ok, B} = socket:open(inet, dgram, udp),
    ok = socket:sendto(B, <<"hello world">>, SA),
    {ok, {Src, Data}} = socket:recvfrom(A, 0, 1000),
    {ok, #{port := BPort}} = socket:sockname(B),
    io:format("~w~n", [Data]),
    io:format("~w~n", [maps:remove(port, Src)]),
    io:format("source port is B's: ~w~n", [maps:get(port, Src) =:= BPort]),
    ok = socket:sendto(A, <<"back">>, Src),
    {ok, {Src2, Data2}} = socket:recvfrom(B, 0, 1000),
    io:format("~w ~w~n", [Data2, Src2 =:= SA]),
    ok = socket:sendto(B, <<"one">>, SA),
    ok = socket:sendto(B, <<>>, SA),
    ok = socket:sendto(B, [<<"tw">>, "o"], SA),
    [begin
         {ok, {_, D}} = socket:recvfrom(A, 0, 1000),
         io:format("~w~n", [D])
     end || _ <- [1, 2, 3]],
    io:format("~w~n", [socket:recvfrom(A, 0, 50)]),
    [ok = socket:close(X) || X <- [A, B]],
    ok.

bound() ->
    {ok, S} = socket:open(inet, dgram, udp),
    ok = socket:bind(S, #{family => inet, addr => loopback, port => 0}),
    {ok, SA} = socket:sockname(S),
    {S, SA}.
