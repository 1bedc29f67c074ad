%% socket:recvfrom(S, 0, nowait): a datagram already there comes at once;
%% otherwise {select, {select_info, recvfrom, H}}, then {'$socket', S,
%% select, H} when one arrives, and recvfrom again reads it. cancel of a
%% pending one means no select message comes.
-module(dgram_recvfrom_nowait).
-export([main/0]).

main() ->
    {A, SA} = bound(),
    {ok, B} = socket:open(inet, dgram, udp),
    ok = socket:sendto(B, <<"now">>, SA),
    timer:sleep(20),
    {ok, {_, D0}} = socket:recvfrom(A, 0, nowait),
    io:format("~w~n", [D0]),
    {select, {select_info, Tag, H} = SI} = socket:recvfrom(A, 0, nowait),
    io:format("~w ~w~n", [SI, Tag]),
    io:format("mailbox: ~w~n", [drain()]),
    ok = socket:sendto(B, <<"later">>, SA),
    receive
        {'$socket', A, select, H} = M -> io:format("~w~n", [M])
    after 1000 -> io:format("no select message~n")
    end,
    {ok, {_, D1}} = socket:recvfrom(A, 0, nowait),
    io:format("~w~n", [D1]),
    {select, SI2} = socket:recvfrom(A, 3, nowait),
    io:format("cancel: ~w~n", [socket:cancel(A, SI2)]),
    ok = socket:sendto(B, <<"after cancel">>, SA),
    timer:sleep(30),
    io:format("mailbox: ~w~n", [drain()]),
    {ok, {_, D2}} = socket:recvfrom(A, 5, nowait),
    io:format("~w~n", [D2]),
    io:format("mailbox: ~w~n", [drain()]),
    [ok = socket:close(X) || X <- [A, B]],
    ok.

bound() ->
    {ok, S} = socket:open(inet, dgram, udp),
    ok = socket:bind(S, #{family => inet, addr => loopback, port => 0}),
    {ok, SA} = socket:sockname(S),
    {S, SA}.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
