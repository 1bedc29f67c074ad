%% socket:info/1's read_waits counter of a dgram socket after recvfrom
%% calls that had to wait: with a timeout that expires, and with nowait.
-module(dgram_info_read_waits).
-export([main/0]).

main() ->
    {ok, A} = socket:open(inet, dgram, udp),
    ok = socket:bind(A, #{family => inet, addr => loopback, port => 0}),
    {error, timeout} = socket:recvfrom(A, 0, 20),
    io:format("after timeout: ~w~n", [counters(A)]),
    {select, SI} = socket:recvfrom(A, 0, nowait),
    io:format("after nowait: ~w~n", [counters(A)]),
    ok = socket:cancel(A, SI),
    io:format("after cancel: ~w~n", [counters(A)]),
    ok = socket:close(A),
    ok.

counters(S) ->
    maps:with([read_tries, read_waits, read_fails],
              maps:get(counters, socket:info(S))).
