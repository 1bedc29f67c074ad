%% sendto and recvfrom on a connected stream socket: sendto ignores its
%% destination, recvfrom gives what is there from an unnamed source.
-module(stream_sendto_recvfrom).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    io:format("~w~n", [socket:sendto(C, <<"x">>, #{family => inet, addr => {127, 0, 0, 1}, port => 1})]),
    io:format("~w~n", [socket:recv(S, 0, 1000)]),
    io:format("~w~n", [socket:recvfrom(S, 0, 100)]),
    ok = socket:send(C, <<"yz">>),
    timer:sleep(20),
    io:format("~w~n", [socket:recvfrom(S, 1, 1000)]),
    io:format("~w~n", [socket:recvfrom(S, 0, 1000)]),
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
