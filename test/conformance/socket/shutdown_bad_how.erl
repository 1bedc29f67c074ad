%% socket:shutdown with a direction that is not read, write or
%% read_write raises {invalid, {how, How}}.
-module(shutdown_bad_how).
-export([main/0]).

main() ->
    {LS, C, S} = pair(),
    try socket:shutdown(C, sideways) of
        R -> io:format("returned ~w~n", [R])
    catch
        Class:Reason -> io:format("~w:~w~n", [Class, Reason])
    end,
    io:format("~w~n", [socket:shutdown(C, write)]),
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
