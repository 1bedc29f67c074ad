%% recvfrom and recv on a dgram socket with nothing to read: {error,
%% timeout} after the timeout (0 polls), with nothing left in the
%% mailbox; a datagram sent afterwards is still received.
-module(dgram_timeout).
-export([main/0]).

main() ->
    {A, SA} = bound(),
    io:format("~w~n", [socket:recvfrom(A, 0, 50)]),
    io:format("~w~n", [socket:recvfrom(A, 0, 0)]),
    io:format("~w~n", [socket:recvfrom(A, 10, 30)]),
    io:format("~w~n", [socket:recv(A, 0, 30)]),
    io:format("mailbox: ~w~n", [drain()]),
    {ok, B} = socket:open(inet, dgram, udp),
    Self = self(),
    spawn(fun() -> timer:sleep(30), ok = socket:sendto(B, <<"late">>, SA), Self ! sent end),
    {ok, {_, D}} = socket:recvfrom(A, 0, 1000),
    io:format("~w~n", [D]),
    receive sent -> ok end,
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
