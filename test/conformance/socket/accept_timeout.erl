%% socket:accept/2 with a timeout: {error, timeout} when nobody connects
%% (also for 0), and the listen socket still accepts afterwards.
-module(accept_timeout).
-export([main/0]).

main() ->
    {LS, Port} = listener(),
    io:format("~w~n", [socket:accept(LS, 50)]),
    io:format("~w~n", [socket:accept(LS, 0)]),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, #{family => inet, addr => {127, 0, 0, 1}, port => Port}),
    {ok, S} = socket:accept(LS, 1000),
    io:format("accepted: ~w~n", [S =/= LS]),
    {ok, #{addr := A}} = socket:peername(S),
    io:format("peer: ~w~n", [A]),
    io:format("mailbox: ~w~n", [drain()]),
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
