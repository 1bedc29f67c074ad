%% socket:cancel/2 of a pending nowait accept and recv: ok, no select
%% message afterwards, and the operation can be started again; cancelling
%% it twice, or a select_info never returned, is an error.
-module(cancel_select).
-export([main/0]).

main() ->
    {LS, Port} = listener(),
    {select, ASI} = socket:accept(LS, nowait),
    io:format("~w~n", [socket:cancel(LS, ASI)]),
    io:format("~w~n", [socket:cancel(LS, ASI)]),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    timer:sleep(30),
    io:format("mailbox: ~w~n", [drain()]),
    {ok, S} = socket:accept(LS, nowait),
    {select, RSI} = socket:recv(S, 0, nowait),
    io:format("~w~n", [socket:cancel(S, RSI)]),
    io:format("~w~n", [socket:cancel(S, RSI)]),
    io:format("~w~n", [socket:cancel(S, {select_info, recv, make_ref()})]),
    ok = socket:send(C, <<"x">>),
    timer:sleep(30),
    io:format("mailbox: ~w~n", [drain()]),
    io:format("~w~n", [socket:recv(S, 0, nowait)]),
    [ok = socket:close(X) || X <- [C, S, LS]],
    ok.

listener() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(LS),
    {ok, #{port := Port}} = socket:sockname(LS),
    {LS, Port}.

drain() ->
    receive
        X -> [X | drain()]
    after 0 -> []
    end.
