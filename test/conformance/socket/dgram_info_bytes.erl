%% socket:info/1's byte and packet counters of dgram sockets after two
%% datagrams (3 and 5 bytes) are sent by one and read by the other.
-module(dgram_info_bytes).
-export([main/0]).

main() ->
    {ok, A} = socket:open(inet, dgram, udp),
    ok = socket:bind(A, #{family => inet, addr => loopback, port => 0}),
    {ok, SA} = socket:sockname(A),
    {ok, B} = socket:open(inet, dgram, udp),
    ok = socket:sendto(B, <<"abc">>, SA),
    ok = socket:sendto(B, <<"defgh">>, SA),
    {ok, _} = socket:recvfrom(A, 0, 1000),
    {ok, _} = socket:recvfrom(A, 0, 1000),
    io:format("A: ~w~n", [counters(A)]),
    io:format("B: ~w~n", [counters(B)]),
    [ok = socket:close(X) || X <- [A, B]],
    ok.

counters(S) ->
    maps:with([read_byte, read_pkg, write_byte, write_pkg, write_pkg_max],
              maps:get(counters, socket:info(S))).
