%% socket:recvfrom(S, BufSz, Timeout) with BufSz smaller than the datagram:
%% the first BufSz bytes, and the rest of that datagram is gone; a BufSz
%% larger than the datagram gives it whole, and recv cuts the same way.
-module(dgram_truncate).
-export([main/0]).

main() ->
    {A, SA} = bound(),
    {ok, B} = socket:open(inet, dgram, udp),
    ok = socket:sendto(B, <<"hello world">>, SA),
    ok = socket:sendto(B, <<"next">>, SA),
    {ok, {_, D1}} = socket:recvfrom(A, 5, 1000),
    io:format("~w~n", [D1]),
    {ok, {_, D2}} = socket:recvfrom(A, 100, 1000),
    io:format("~w~n", [D2]),
    io:format("~w~n", [socket:recvfrom(A, 5, 50)]),
    ok = socket:sendto(B, <<"abcdef">>, SA),
    io:format("~w~n", [socket:recv(A, 3, 1000)]),
    io:format("~w~n", [socket:recv(A, 0, 50)]),
    ok = socket:sendto(B, <<"xyz">>, SA),
    {ok, {_, D3}} = socket:recvfrom(A, 1, 1000),
    io:format("~w~n", [D3]),
    [ok = socket:close(X) || X <- [A, B]],
    ok.

bound() ->
    {ok, S} = socket:open(inet, dgram, udp),
    ok = socket:bind(S, #{family => inet, addr => loopback, port => 0}),
    {ok, SA} = socket:sockname(S),
    {S, SA}.
