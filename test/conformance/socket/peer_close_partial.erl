%% The peer closes after part of what a recv asked for: the recv returns
%% {error, {closed, Data}} with those bytes; the next one {error, closed}.
-module(peer_close_partial).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    ok = socket:send(C, <<"abc">>),
    ok = socket:close(C),
    io:format("~w~n", [socket:recv(S, 5, 1000)]),
    io:format("~w~n", [socket:recv(S, 5, 1000)]),
    [ok = socket:close(X) || X <- [S, LS]],
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
