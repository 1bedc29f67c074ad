%% close from a third process wakes the callers blocked in accept and recv
%% with no timeout; a recv that had read part of its length returns
%% {error, {closed, Data}} with those bytes.
-module(close_partial_recv).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    Self = self(),
    spawn(fun() -> Self ! {recv, socket:recv(S, 0, infinity)} end),
    spawn(fun() -> Self ! {accept, socket:accept(LS, infinity)} end),
    spawn(fun() -> Self ! {recv5, socket:recv(C, 5)} end),
    timer:sleep(30),
    ok = socket:send(S, <<"abc">>),
    timer:sleep(20),
    spawn(fun() -> ok = socket:close(S), ok = socket:close(LS), ok = socket:close(C) end),
    [receive {Tag, R} -> io:format("~w ~w~n", [Tag, R]) end || Tag <- [recv, accept, recv5]],
    io:format("mailbox: ~w~n", [drain()]),
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
