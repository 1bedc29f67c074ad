%% The shorter and longer forms of send and recv: send/2, send/3 with a
%% timeout, infinity, nowait and a ref; recv/1, recv/2, and recv/4 with
%% empty flags.
-module(send_recv_forms).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    io:format("~w~n", [socket:send(C, <<"a">>)]),
    io:format("~w~n", [socket:send(C, <<"b">>, 1000)]),
    io:format("~w~n", [socket:send(C, <<"c">>, infinity)]),
    io:format("~w~n", [socket:send(C, <<"d">>, nowait)]),
    io:format("~w~n", [socket:send(C, <<"e">>, make_ref())]),
    io:format("~w~n", [socket:send(C, "fg")]),
    io:format("~w~n", [socket:recv(S, 2)]),
    io:format("~w~n", [socket:recv(S, 2, [], 1000)]),
    timer:sleep(20),
    io:format("~w~n", [socket:recv(S)]),
    io:format("mailbox: ~w~n", [drain()]),
    [ok = socket:close(X) || X <- [C, S, LS]],
    ok.

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.

pair() ->
    {LS, Port} = listener(),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    {ok, S} = socket:accept(LS, 1000),
    {LS, C, S}.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
