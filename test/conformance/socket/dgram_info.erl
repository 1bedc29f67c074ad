%% socket:info/1 of a dgram socket: its domain, type, protocol, owner and
%% kind, the counter names, and the try counters and reader count as
%% recvfrom and sendto calls move them.
-module(dgram_info).
-export([main/0]).

main() ->
    {ok, A} = socket:open(inet, dgram, udp),
    I0 = socket:info(A),
    io:format("~w~n", [maps:with([domain, type, protocol, ctype, num_acceptors, num_readers, num_writers, wstates], I0)]),
    io:format("owner: ~w~n", [maps:get(owner, I0) =:= self()]),
    io:format("keys: ~w~n", [lists:sort(maps:keys(I0))]),
    io:format("counters: ~w~n", [lists:sort(maps:keys(maps:get(counters, I0)))]),
    io:format("~w~n", [counters(A)]),
    ok = socket:bind(A, #{family => inet, addr => loopback, port => 0}),
    {ok, SA} = socket:sockname(A),
    {ok, B} = socket:open(inet, dgram, udp),
    ok = socket:sendto(B, <<"abc">>, SA),
    ok = socket:sendto(B, <<"defgh">>, SA),
    {ok, _} = socket:recvfrom(A, 0, 1000),
    {ok, _} = socket:recv(A, 0, 1000),
    {error, timeout} = socket:recvfrom(A, 0, 0),
    io:format("A: ~w~n", [counters(A)]),
    io:format("B: ~w~n", [counters(B)]),
    {select, SI} = socket:recvfrom(A, 0, nowait),
    io:format("pending: ~w~n", [maps:with([num_readers, num_writers], socket:info(A))]),
    ok = socket:cancel(A, SI),
    io:format("cancelled: ~w~n", [maps:with([num_readers, num_writers], socket:info(A))]),
    [ok = socket:close(X) || X <- [A, B]],
    ok.

counters(S) ->
    maps:with([read_tries, read_fails, write_tries, write_fails, write_waits, acc_tries, acc_success],
              maps:get(counters, socket:info(S))).
