%% close of a dgram socket by another process: a pending nowait recvfrom
%% gets {'$socket', S, abort, {H, closed}}, a recvfrom blocked in a third
%% process returns {error, closed}, and later calls say closed.
-module(dgram_close_aborts).
-export([main/0]).

main() ->
    {A, _SA} = bound(),
    Self = self(),
    spawn(fun() -> Self ! {blocked, socket:recvfrom(A, 0, infinity)} end),
    timer:sleep(20),
    {select, {select_info, _, H} = SI} = socket:recvfrom(A, 0, nowait),
    io:format("~w~n", [SI]),
    spawn(fun() -> Self ! {closed, socket:close(A)} end),
    receive {closed, R} -> io:format("close: ~w~n", [R]) end,
    receive
        {'$socket', A, abort, {H, _}} = M -> io:format("~w~n", [M])
    after 1000 -> io:format("no abort~n")
    end,
    receive
        {blocked, B} -> io:format("blocked: ~w~n", [B])
    after 1000 -> io:format("still blocked~n")
    end,
    io:format("~w~n", [socket:recvfrom(A, 0, nowait)]),
    io:format("~w~n", [socket:recvfrom(A, 0, 100)]),
    io:format("~w~n", [socket:sendto(A, <<"x">>, #{family => inet, addr => loopback, port => 9})]),
    io:format("~w~n", [socket:close(A)]),
    io:format("mailbox: ~w~n", [drain()]),
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
