%% listen on a socket that was never bound binds it to the any address
%% and a free port; listen/2 takes a backlog; listening again is fine.
-module(listen_forms).
-export([main/0]).

main() ->
    {ok, LS} = socket:open(inet, stream, tcp),
    io:format("~w~n", [socket:listen(LS)]),
    {ok, #{addr := A, port := Port}} = socket:sockname(LS),
    io:format("~w ~w~n", [A, Port > 0]),
    io:format("again: ~w~n", [socket:listen(LS, 10)]),
    {ok, LS2} = socket:open(inet, stream, tcp),
    ok = socket:bind(LS2, #{family => inet, addr => loopback, port => 0}),
    io:format("~w~n", [socket:listen(LS2, 1)]),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    {ok, S} = socket:accept(LS, 1000),
    io:format("accepted: ~w~n", [S =/= LS]),
    [ok = socket:close(X) || X <- [C, S, LS, LS2]],
    ok.
